import type { ComponentType } from 'react';
import type { Shell_MeFragment } from '../gql/graphql';

/** One page of the menu: where it lives, its name, who may open it, and its code, loaded when first opened. */
export interface PageEntry {
  path: string;
  label: string;
  visible: (viewer: Shell_MeFragment) => boolean;
  load: () => Promise<ComponentType>;
  /** Listed in the menu (a page reached from another one, like a class's students, is not). */
  inMenu?: boolean;
}

const student = (viewer: Shell_MeFragment) => viewer.roles.includes('STUDENT');
const always = () => true;

/** Every page of the signed-in shell, in menu order. Each is its own chunk of the client, fetched on first visit. */
export const PAGES: PageEntry[] = [
  { path: '/', label: '首頁', visible: always, load: () => import('./page-home').then((m) => m.Home) },
  {
    path: '/timeline',
    label: '期程',
    visible: (v) => Boolean(v.school),
    load: () => import('../pages/TimelinePage').then((m) => m.TimelinePage),
  },
  {
    path: '/templates',
    label: '期程範本',
    visible: (v) => v.viewerCanPublishTemplates || v.viewerCanEditTimeline,
    load: () => import('../pages/TemplatesPage').then((m) => m.TemplatesPage),
  },
  {
    path: '/stagger',
    label: '錯開截止',
    visible: (v) => v.viewerCanPublishTemplates,
    load: () => import('../pages/StaggerPage').then((m) => m.StaggerPage),
  },
  {
    path: '/outcomes',
    label: '我的學習成果',
    visible: student,
    load: () => import('../pages/OutcomesPage').then((m) => m.OutcomesPage),
  },
  {
    path: '/performances',
    label: '多元表現',
    visible: student,
    load: () => import('../pages/PerformancesPage').then((m) => m.PerformancesPage),
  },
  {
    path: '/selection',
    label: '勾選',
    visible: student,
    load: () => import('../pages/SelectionPage').then((m) => m.SelectionPage),
  },
  {
    path: '/ledger',
    label: '學習歷程履歷',
    visible: student,
    load: () => import('../pages/LedgerPage').then((m) => m.LedgerPage),
  },
  {
    path: '/receipts',
    label: '收訖明細確認',
    visible: (v) => v.viewerCanReviewReceipts,
    load: () => import('../pages/ReceiptsPage').then((m) => m.ReceiptsPage),
  },
  {
    path: '/grades',
    label: '成績登錄',
    visible: (v) => v.viewerCanEnterGrades,
    load: () => import('../pages/GradesPage').then((m) => m.GradesPage),
  },
  {
    path: '/certify',
    label: '認證',
    visible: (v) => v.roles.includes('TEACHER'),
    load: () => import('../pages/CertificationPage').then((m) => m.CertificationPage),
  },
  {
    path: '/homeroom',
    label: '我的班級',
    visible: (v) => v.viewerCanViewHomeroom,
    load: () => import('../pages/HomeroomPage').then((m) => m.HomeroomPage),
  },
  {
    path: '/cadres',
    label: '校內幹部',
    visible: (v) => v.viewerCanRecordCadres,
    load: () => import('../pages/CadresPage').then((m) => m.CadresPage),
  },
  {
    path: '/counseling',
    label: '課程諮詢紀錄',
    visible: (v) => v.viewerCanRecordCounseling,
    load: () => import('../pages/CounselingPage').then((m) => m.CounselingPage),
  },
  {
    path: '/students',
    label: '學生名單',
    visible: (v) => v.viewerCanListStudents,
    load: () => import('./page-students').then((m) => m.Students),
  },
  {
    path: '/classes/:classId/students',
    label: '班級學生名單',
    inMenu: false,
    visible: (v) => v.viewerCanListStudents,
    load: () => import('./page-students').then((m) => m.Students),
  },
  {
    path: '/students/:studentId',
    label: '學生',
    inMenu: false,
    visible: (v) => v.viewerCanListStudents,
    load: () => import('../pages/StudentPage').then((m) => m.StudentPage),
  },
  {
    path: '/students/:studentId/ledger',
    label: '學習歷程履歷',
    inMenu: false,
    visible: (v) => v.viewerCanListStudents,
    load: () => import('../pages/LedgerPage').then((m) => m.LedgerPage),
  },
  {
    path: '/imports',
    label: '資料匯入',
    visible: (v) => v.viewerCanImport,
    load: () => import('../pages/ImportsPage').then((m) => m.ImportsPage),
  },
  {
    path: '/rollover',
    label: '學年度升級',
    visible: (v) => v.viewerCanRollOver,
    load: () => import('../pages/RolloverPage').then((m) => m.RolloverPage),
  },
  {
    path: '/transfers',
    label: '轉學',
    visible: (v) => v.viewerCanManageTransfers,
    load: () => import('../pages/TransfersPage').then((m) => m.TransfersPage),
  },
  {
    path: '/classes',
    label: '班級',
    visible: (v) => v.viewerCanListClasses,
    load: () => import('../pages/ClassesPage').then((m) => m.ClassesPage),
  },
  {
    path: '/progress',
    label: '學習歷程進度',
    visible: (v) => v.roles.includes('SCHOOL_ADMIN'),
    load: () => import('../pages/ProgressPage').then((m) => m.ProgressPage),
  },
  {
    path: '/proxies',
    label: '認證代理人',
    visible: (v) => v.adminSections.includes('TEACHING'),
    load: () => import('../pages/ProxiesPage').then((m) => m.ProxiesPage),
  },
  {
    path: '/certification-health',
    label: '認證健康度',
    visible: (v) => v.adminSections.includes('TEACHING') || v.adminSections.includes('COORDINATOR'),
    load: () => import('../pages/CertificationHealthPage').then((m) => m.CertificationHealthPage),
  },
  {
    path: '/submissions',
    label: '提交主控台',
    visible: (v) => v.viewerCanManageSubmissions,
    load: () => import('../pages/SubmissionConsolePage').then((m) => m.SubmissionConsolePage),
  },
  {
    path: '/disputes',
    label: '疑義處理',
    visible: (v) => v.viewerCanManageSubmissions,
    load: () => import('../pages/DisputesPage').then((m) => m.DisputesPage),
  },
  {
    path: '/disputes/:disputeId',
    label: '疑義',
    inMenu: false,
    visible: (v) => v.viewerCanManageSubmissions,
    load: () => import('../pages/DisputesPage').then((m) => m.DisputePage),
  },
  {
    path: '/audit',
    label: '稽核紀錄',
    visible: (v) => v.viewerCanReadAuditLog,
    load: () => import('../pages/AuditLogPage').then((m) => m.AuditLogPage),
  },
  {
    path: '/retention',
    label: '資料保存期限',
    visible: (v) => v.viewerCanReadRetentionReport,
    load: () => import('../pages/RetentionPage').then((m) => m.RetentionPage),
  },
  {
    path: '/schools',
    label: '所轄學校',
    visible: (v) => v.viewerCanBrowseSchools,
    load: () => import('../pages/SchoolsPage').then((m) => m.SchoolsPage),
  },
  {
    path: '/first-password-slips',
    label: '初始密碼單',
    visible: (v) => v.viewerCanPrintFirstPasswordSlips,
    load: () => import('../pages/FirstPasswordSlipsPage').then((m) => m.FirstPasswordSlipsPage),
  },
  {
    path: '/accounts',
    label: '帳號與權限',
    visible: (v) => v.viewerCanManageAccounts,
    load: () => import('./page-accounts').then((m) => m.Accounts),
  },
  {
    path: '/statistics',
    label: '統計',
    visible: (v) => v.viewerCanViewStatistics,
    load: () => import('../pages/StatisticsPage').then((m) => m.StatisticsPage),
  },
  {
    path: '/statistics/schools/:schoolId',
    label: '學校統計',
    inMenu: false,
    visible: (v) => v.viewerCanViewStatistics && !v.school,
    load: () => import('../pages/StatisticsPage').then((m) => m.StatisticsPage),
  },
  {
    path: '/board',
    label: '即時看板',
    visible: (v) => v.viewerCanViewStatistics && !v.school,
    load: () => import('../pages/BoardPage').then((m) => m.BoardPage),
  },
  {
    path: '/privacy',
    label: '誰看過我的資料',
    visible: student,
    load: () => import('../pages/PrivacyLogPage').then((m) => m.PrivacyLogPage),
  },
  {
    path: '/sessions',
    label: '登入裝置',
    visible: always,
    load: () => import('./page-sessions').then((m) => m.Sessions),
  },
];
