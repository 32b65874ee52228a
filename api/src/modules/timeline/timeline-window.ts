import { type DataPeriod, periodLabel } from '../../common/data-period.js';
import { formatRocDateTime } from '../../common/roc.js';
import { TaskKind, WindowState } from './timeline.enums.js';
import { CATEGORY_LABELS, type SubmissionCategory } from '../../common/submission-category.js';

/** What names a window: its task, the period of data it governs, and whether it is the 高三 round's. */
export interface WindowIdentity {
  kind: TaskKind;
  category?: SubmissionCategory | null;
  dataYear: number;
  dataSemester: DataPeriod['semester'];
  grade12Round?: boolean | null;
}

const TITLES: Record<TaskKind, (period: string, category: string) => string> = {
  [TaskKind.PRECHECK]: (p) => `預檢 ${p} 修課紀錄`,
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: (p) => `上傳 ${p} 課程學習成果`,
  [TaskKind.CERTIFY_COURSE_OUTCOMES]: (p) => `認證 ${p} 課程學習成果`,
  [TaskKind.SELECT_COURSE_OUTCOMES]: (p) => `勾選 ${p} 課程學習成果`,
  [TaskKind.UPLOAD_PERFORMANCES]: (p) => `登錄 ${p} 多元表現`,
  [TaskKind.SELECT_PERFORMANCES]: (p) => `勾選 ${p} 多元表現`,
  [TaskKind.GRADE_ENTRY]: (p) => `登錄 ${p} 學期成績`,
  [TaskKind.SUBMIT]: (p, c) => `提交 ${p} ${c}`,
  [TaskKind.CONFIRM_RECEIPTS]: (p) => `確認 ${p} 收訖明細`,
  [TaskKind.RESOLVE_DISPUTES]: (p) => `處理 ${p} 疑義`,
  [TaskKind.FINAL_SUBMIT]: (p) => `完成 ${p} 最終提交`,
};

/** 「上傳 112學年度第1學期 課程學習成果」, 「高三 提交 112學年度 多元表現」: the task and the data it governs. */
export function taskLabel(window: WindowIdentity): string {
  const period = periodLabel({ year: window.dataYear, semester: window.dataSemester });
  const title = TITLES[window.kind](period, window.category ? CATEGORY_LABELS[window.category] : '');
  return window.grade12Round ? `高三 ${title}` : title;
}

/** 「115/12/01 08:00–115/12/15 17:00」 */
export function rocWindow(startsAt: Date, endsAt: Date): string {
  return `${formatRocDateTime(startsAt)}–${formatRocDateTime(endsAt)}`;
}

export const HOUR_MS = 3600_000;

export function windowState(startsAt: Date, endsAt: Date, now: Date, closingSoonHours: number): WindowState {
  if (now < startsAt) return WindowState.UPCOMING;
  if (now >= endsAt) return WindowState.CLOSED;
  return endsAt.getTime() - now.getTime() <= closingSoonHours * HOUR_MS ? WindowState.CLOSING_SOON : WindowState.OPEN;
}

/** The identity alone, e.g. of an entity, to build a draft from. */
export const windowIdentityOf = (window: WindowIdentity): WindowIdentity => ({
  kind: window.kind,
  category: window.category ?? null,
  dataYear: window.dataYear,
  dataSemester: window.dataSemester,
  grade12Round: window.grade12Round ?? false,
});
