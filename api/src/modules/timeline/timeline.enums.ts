import { registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { AdminSection, Role } from '../../common/roles.js';
import {
  isAnnualCategory,
  GRADE12_ROUND_CATEGORIES,
  type SubmissionCategory,
} from '../../common/submission-category.js';

export enum TaskKind {
  PRECHECK = 'PRECHECK',
  UPLOAD_COURSE_OUTCOMES = 'UPLOAD_COURSE_OUTCOMES',
  CERTIFY_COURSE_OUTCOMES = 'CERTIFY_COURSE_OUTCOMES',
  SELECT_COURSE_OUTCOMES = 'SELECT_COURSE_OUTCOMES',
  UPLOAD_PERFORMANCES = 'UPLOAD_PERFORMANCES',
  SELECT_PERFORMANCES = 'SELECT_PERFORMANCES',
  GRADE_ENTRY = 'GRADE_ENTRY',
  SUBMIT = 'SUBMIT',
  CONFIRM_RECEIPTS = 'CONFIRM_RECEIPTS',
  RESOLVE_DISPUTES = 'RESOLVE_DISPUTES',
  FINAL_SUBMIT = 'FINAL_SUBMIT',
}

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  [TaskKind.PRECHECK]: '預檢修課紀錄',
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: '學生上傳課程學習成果',
  [TaskKind.CERTIFY_COURSE_OUTCOMES]: '教師認證課程學習成果',
  [TaskKind.SELECT_COURSE_OUTCOMES]: '學生勾選課程學習成果',
  [TaskKind.UPLOAD_PERFORMANCES]: '學生上傳多元表現',
  [TaskKind.SELECT_PERFORMANCES]: '學生勾選多元表現',
  [TaskKind.GRADE_ENTRY]: '教師登錄學期成績',
  [TaskKind.SUBMIT]: '提交至中央資料庫',
  [TaskKind.CONFIRM_RECEIPTS]: '確認收訖明細',
  [TaskKind.RESOLVE_DISPUTES]: '疑義處理',
  [TaskKind.FINAL_SUBMIT]: '完成最終提交',
};

/** Windows about an academic year's data: performances are recorded through the year, the year's items selected once. */
const ANNUAL_KINDS: ReadonlySet<TaskKind> = new Set([
  TaskKind.UPLOAD_PERFORMANCES,
  TaskKind.SELECT_COURSE_OUTCOMES,
  TaskKind.SELECT_PERFORMANCES,
]);

/** Whether a window governs a whole academic year (semester 0) rather than one term (DOMAIN.md §3–§4). */
export const governsAcademicYear = (kind: TaskKind, category?: SubmissionCategory | null): boolean =>
  ANNUAL_KINDS.has(kind) || (kind === TaskKind.SUBMIT && !!category && isAnnualCategory(category));

/** Windows every category of a round shares: they govern the round's term. */
export const ROUND_KINDS: readonly TaskKind[] = [
  TaskKind.CONFIRM_RECEIPTS,
  TaskKind.RESOLVE_DISPUTES,
  TaskKind.FINAL_SUBMIT,
];

/** Whether a 高三 round may have this window: no pre-check, no grade entry, no 修課紀錄 (DOMAIN.md §4). */
export const grade12RoundHas = (kind: TaskKind, category?: SubmissionCategory | null): boolean =>
  kind !== TaskKind.PRECHECK &&
  kind !== TaskKind.GRADE_ENTRY &&
  (kind !== TaskKind.SUBMIT || (!!category && GRADE12_ROUND_CATEGORIES.includes(category)));

export enum WindowState {
  UPCOMING = 'UPCOMING',
  OPEN = 'OPEN',
  CLOSING_SOON = 'CLOSING_SOON',
  CLOSED = 'CLOSED',
}

export const WINDOW_STATE_LABELS: Record<WindowState, string> = {
  [WindowState.UPCOMING]: '尚未開始',
  [WindowState.OPEN]: '進行中',
  [WindowState.CLOSING_SOON]: '即將截止',
  [WindowState.CLOSED]: '已截止',
};

export enum AlertKind {
  OPENED = 'OPENED',
  CLOSING_72H = 'CLOSING_72H',
  CLOSING_24H = 'CLOSING_24H',
  CLOSING_1H = 'CLOSING_1H',
  CLOSED = 'CLOSED',
  MOVED = 'MOVED',
  /** Not a deadline: the student's dispute (疑義) was taken up or answered. Never stored as a deadline alert. */
  DISPUTE_UPDATED = 'DISPUTE_UPDATED',
  /** Not a deadline: the bureau alerted the school's responsible sections from its board. Stored as a bureau_alert. */
  BUREAU_NOTICE = 'BUREAU_NOTICE',
}

/** Who a window concerns: the people who act in it, and their homeroom teachers who chase them. */
export const TASK_AUDIENCE: Record<TaskKind, { roles: Role[]; sections?: AdminSection[] }> = {
  [TaskKind.PRECHECK]: { roles: [Role.SCHOOL_ADMIN], sections: [AdminSection.TEACHING, AdminSection.REGISTRATION] },
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: { roles: [Role.STUDENT, Role.HOMEROOM_TEACHER, Role.TEACHER] },
  [TaskKind.CERTIFY_COURSE_OUTCOMES]: { roles: [Role.TEACHER] },
  [TaskKind.SELECT_COURSE_OUTCOMES]: { roles: [Role.STUDENT, Role.HOMEROOM_TEACHER] },
  [TaskKind.UPLOAD_PERFORMANCES]: { roles: [Role.STUDENT, Role.HOMEROOM_TEACHER] },
  [TaskKind.SELECT_PERFORMANCES]: { roles: [Role.STUDENT, Role.HOMEROOM_TEACHER] },
  [TaskKind.GRADE_ENTRY]: { roles: [Role.TEACHER] },
  [TaskKind.SUBMIT]: { roles: [Role.SCHOOL_ADMIN] },
  [TaskKind.CONFIRM_RECEIPTS]: { roles: [Role.STUDENT, Role.HOMEROOM_TEACHER, Role.SCHOOL_ADMIN] },
  [TaskKind.RESOLVE_DISPUTES]: { roles: [Role.SCHOOL_ADMIN] },
  [TaskKind.FINAL_SUBMIT]: { roles: [Role.SCHOOL_ADMIN], sections: [AdminSection.TEACHING, AdminSection.REGISTRATION] },
};

registerEnumType(TaskKind, {
  name: 'TaskKind',
  description: '期程工作項目',
  valuesConfig: enumDescriptions(TASK_KIND_LABELS),
});
registerEnumType(WindowState, { name: 'WindowState', valuesConfig: enumDescriptions(WINDOW_STATE_LABELS) });
registerEnumType(AlertKind, {
  name: 'AlertKind',
  valuesConfig: {
    OPENED: { description: '開放' },
    CLOSING_72H: { description: '72 小時後截止' },
    CLOSING_24H: { description: '24 小時後截止' },
    CLOSING_1H: { description: '1 小時後截止' },
    CLOSED: { description: '已截止' },
    MOVED: { description: '期程變更' },
    DISPUTE_UPDATED: { description: '疑義處理進度（taskId 為疑義的識別碼）' },
    BUREAU_NOTICE: { description: '教育局從即時看板送出的提醒' },
  },
});
