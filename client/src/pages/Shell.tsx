import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import type { Shell_MeFragment } from '../gql/graphql';
import { useLiveConnection } from '../lib/live-connection';
import { rocDate, rocDateTime } from '../lib/roc';
import { useServerNow } from '../lib/use-server-now';
import { useHashRoute } from '../lib/use-hash-route';
import { ClassesPage } from './ClassesPage';
import { HomePage } from './HomePage';
import { SchoolsPage } from './SchoolsPage';
import { StatisticsPage } from './StatisticsPage';
import { SessionsPage } from './SessionsPage';
import { GradesPage } from './GradesPage';
import { HomeroomPage } from './HomeroomPage';
import { CadresPage } from './CadresPage';
import { CounselingPage } from './CounselingPage';
import { TemplatesPage } from './TemplatesPage';
import { TimelinePage } from './TimelinePage';
import { AlertToasts } from '../components/AlertToasts';
import { StudentsPage } from './StudentsPage';
import { ImportsPage } from './ImportsPage';
import { OutcomesPage } from './OutcomesPage';
import { PerformancesPage } from './PerformancesPage';
import { SelectionPage } from './SelectionPage';
import { CertificationPage } from './CertificationPage';
import { ProgressPage } from './ProgressPage';
import { ProxiesPage } from './ProxiesPage';
import { SubmissionConsolePage } from './SubmissionConsolePage';
import { ReceiptsPage } from './ReceiptsPage';
import { DisputesPage } from './DisputesPage';
import { AuditLogPage } from './AuditLogPage';
import { AccountsPage } from './AccountsPage';

export const ShellMeFragment = graphql(`
  fragment Shell_Me on Me {
    id
    kind
    displayName
    username
    roles
    adminSections
    roleLabels
    serverTime
    currentTermLabel
    viewerCanListStudents
    viewerCanListClasses
    viewerCanBrowseSchools
    viewerCanManageAccounts
    passwordIsTemporary
    viewerCanViewStatistics
    viewerCanEditTimeline
    viewerCanEnterGrades
    viewerCanViewHomeroom
    viewerCanPublishTemplates
    viewerCanImport
    viewerCanRecordCadres
    viewerCanRecordCounseling
    viewerCanManageSubmissions
    viewerCanReviewReceipts
    viewerCanReadAuditLog
    school {
      id
      displayName
      code
    }
    authority {
      id
      name
    }
    currentTerm {
      id
      label
      rocPeriod
    }
    ...HomePage_Me
  }
`);

const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput) {
    logout(input: $input) {
      endedSessions
    }
  }
`);

/**
 * Today by the server's clock (deadlines follow it), kept from the offset measured at sign-in rather than pushed by
 * the server every second, and whether the alert connection is up. Its own component, so only it re-renders.
 */
function HeaderClock({ serverTime, alerts }: { serverTime: string; alerts: boolean }) {
  const now = useServerNow(serverTime);
  const live = useLiveConnection();
  return (
    <>
      <span data-testid="today" title={rocDateTime(now)}>
        今天 {rocDate(now)}
      </span>
      {alerts && (
        <span className={live === 'live' ? 'live on' : 'live'} data-testid="live-clock">
          {live === 'live' ? '即時連線' : '連線中…'}
        </span>
      )}
    </>
  );
}

interface NavEntry {
  path: string;
  label: string;
  visible: boolean;
}

export function Shell({ me: viewer, onLoggedOut }: { me: Shell_MeFragment; onLoggedOut: () => void }) {
  const [route, navigate] = useHashRoute();
  const [logout] = useMutation(LogoutMutation);

  const isStudent = viewer.roles.includes('STUDENT');
  const nav: NavEntry[] = [
    { path: '/', label: '首頁', visible: true },
    { path: '/timeline', label: '期程', visible: viewer.school !== null && viewer.school !== undefined },
    {
      path: '/templates',
      label: '期程範本',
      visible: viewer.viewerCanPublishTemplates || viewer.viewerCanEditTimeline,
    },
    { path: '/outcomes', label: '我的學習成果', visible: isStudent },
    { path: '/performances', label: '多元表現', visible: isStudent },
    { path: '/selection', label: '勾選', visible: isStudent },
    { path: '/receipts', label: '收訖明細確認', visible: viewer.viewerCanReviewReceipts },
    { path: '/grades', label: '成績登錄', visible: viewer.viewerCanEnterGrades },
    { path: '/certify', label: '認證', visible: viewer.roles.includes('TEACHER') },
    { path: '/homeroom', label: '我的班級', visible: viewer.viewerCanViewHomeroom },
    { path: '/cadres', label: '校內幹部', visible: viewer.viewerCanRecordCadres },
    { path: '/counseling', label: '課程諮詢紀錄', visible: viewer.viewerCanRecordCounseling },
    { path: '/students', label: '學生名單', visible: viewer.viewerCanListStudents },
    { path: '/imports', label: '資料匯入', visible: viewer.viewerCanImport },
    { path: '/classes', label: '班級', visible: viewer.viewerCanListClasses },
    { path: '/progress', label: '學習歷程進度', visible: viewer.roles.includes('SCHOOL_ADMIN') },
    { path: '/proxies', label: '認證代理人', visible: viewer.adminSections.includes('TEACHING') },
    { path: '/submissions', label: '提交主控台', visible: viewer.viewerCanManageSubmissions },
    { path: '/disputes', label: '疑義處理', visible: viewer.viewerCanManageSubmissions },
    { path: '/audit', label: '稽核紀錄', visible: viewer.viewerCanReadAuditLog },
    { path: '/schools', label: '所轄學校', visible: viewer.viewerCanBrowseSchools },
    { path: '/accounts', label: '帳號與權限', visible: viewer.viewerCanManageAccounts },
    { path: '/statistics', label: '統計', visible: viewer.viewerCanViewStatistics },
    { path: '/sessions', label: '登入裝置', visible: true },
  ].filter((entry) => entry.visible);
  const current = nav.find((entry) => entry.path === route) ?? nav[0]!;

  async function signOut() {
    await logout({ variables: { input: null } });
    onLoggedOut();
  }

  return (
    <div className="shell">
      <header>
        <div className="brand">學生學習歷程檔案平臺</div>
        <div className="who" data-testid="viewer">
          <strong data-testid="viewer-name">{viewer.displayName}</strong>
          <span data-testid="viewer-school">{viewer.school?.displayName ?? viewer.authority.name}</span>
          <span data-testid="viewer-roles">{viewer.roleLabels.join('、')}</span>
        </div>
        <div className="term">
          <span data-testid="current-term">{viewer.currentTerm?.label ?? viewer.currentTermLabel}</span>
          {/* Only school accounts hear deadline alerts, so only they have a live connection to show. */}
          <HeaderClock serverTime={viewer.serverTime} alerts={Boolean(viewer.school)} />
        </div>
        <button type="button" onClick={() => void signOut()}>
          登出
        </button>
      </header>
      <nav aria-label="主選單">
        {nav.map((entry) => (
          <a key={entry.path} href={`#${entry.path}`} aria-current={entry === current ? 'page' : undefined}>
            {entry.label}
          </a>
        ))}
      </nav>
      {viewer.passwordIsTemporary && (
        <p className="notice temporary-password" role="status">
          您正在使用別人設定的臨時密碼，請到<a href="#/sessions">登入裝置</a>變更為只有您知道的密碼。
        </p>
      )}
      {viewer.school && <AlertToasts />}
      <main>
        {current.path === '/' && <HomePage me={viewer} />}
        {current.path === '/timeline' && <TimelinePage />}
        {current.path === '/templates' && <TemplatesPage />}
        {current.path === '/outcomes' && <OutcomesPage />}
        {current.path === '/performances' && <PerformancesPage />}
        {current.path === '/selection' && <SelectionPage />}
        {current.path === '/grades' && <GradesPage />}
        {current.path === '/certify' && <CertificationPage />}
        {current.path === '/homeroom' && <HomeroomPage />}
        {current.path === '/cadres' && <CadresPage />}
        {current.path === '/counseling' && <CounselingPage />}
        {current.path === '/students' && <StudentsPage />}
        {current.path === '/imports' && <ImportsPage />}
        {current.path === '/progress' && <ProgressPage />}
        {current.path === '/proxies' && <ProxiesPage />}
        {current.path === '/submissions' && <SubmissionConsolePage />}
        {current.path === '/receipts' && <ReceiptsPage />}
        {current.path === '/disputes' && <DisputesPage />}
        {current.path === '/audit' && <AuditLogPage />}
        {current.path === '/classes' && <ClassesPage onOpenClass={(id) => navigate(`/students?class=${id}`)} />}
        {current.path === '/schools' && <SchoolsPage />}
        {current.path === '/accounts' && <AccountsPage bureau={viewer.kind === 'BUREAU'} />}
        {current.path === '/statistics' && <StatisticsPage />}
        {current.path === '/sessions' && <SessionsPage onSignedOut={onLoggedOut} />}
      </main>
    </div>
  );
}
