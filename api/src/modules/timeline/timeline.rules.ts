import type { TimelinePolicy } from '../../common/config.js';
import { ROC_YEAR_OFFSET, formatRocDateTime } from '../../common/roc.js';
import { userError, type UserError } from '../../common/user-error.js';
import { CATEGORY_LABELS } from '../../common/submission-category.js';
import { governsAcademicYear, grade12RoundHas, ROUND_KINDS, TASK_KIND_LABELS, TaskKind } from './timeline.enums.js';
import { HOUR_MS, rocWindow, taskLabel, type WindowIdentity } from './timeline-window.js';

export interface WindowDraft extends WindowIdentity {
  startsAt: Date;
  endsAt: Date;
}

export interface WindowBounds {
  earliestStart: Date;
  latestEnd: Date;
}

/**
 * Whether the governed period fits the task (DOMAIN.md §3–§4): the year's selection, performances and the annual
 * categories' submission govern a whole academic year (semester 0), everything else one term; a 高三 round governs
 * the grade-12 students' last term or year and has no pre-check, grade entry or 修課紀錄.
 */
export function cadenceErrors(window: WindowIdentity, field: string | null): UserError[] {
  const errors: UserError[] = [];
  const annual = governsAcademicYear(window.kind, window.category);
  const generic = window.category
    ? `${TASK_KIND_LABELS[window.kind]}（${CATEGORY_LABELS[window.category]}）`
    : TASK_KIND_LABELS[window.kind];
  if (!Number.isInteger(window.dataYear) || window.dataYear < 100 || window.dataYear > 200) {
    return [userError(field, 'INVALID_PERIOD', `「${generic}」的資料期間必須是 100 到 200 學年度之間。`)];
  }
  if (annual && window.dataSemester !== 0) {
    errors.push(
      userError(
        field,
        'PERIOD_NOT_ANNUAL',
        `「${generic}」每學年一次，資料期間請填學年度（例如「${window.dataYear}_0」）。`,
      ),
    );
  }
  if (!annual && window.dataSemester === 0) {
    errors.push(
      userError(
        field,
        'PERIOD_NOT_TERM',
        `「${generic}」每學期一次，資料期間請填學期（例如「${window.dataYear}1」）。`,
      ),
    );
  }
  if (window.grade12Round && (window.dataSemester === 1 || !grade12RoundHas(window.kind, window.category))) {
    errors.push(
      userError(
        field,
        'NOT_IN_GRADE12_ROUND',
        `高三升學前的梯次只有高三學生第2學期與該學年度的上傳、認證、勾選，以及基本資料、課程學習成果、多元表現的提交、確認、疑義處理與最終提交；「${generic}」不在其中。`,
      ),
    );
  }
  return errors;
}

/** Problems of one window on its own: its period, its shape, the bureau's bounds, and the minimum confirmation time. */
export function windowErrors(
  window: WindowDraft,
  bounds: WindowBounds | null,
  field: string | null,
  policy: TimelinePolicy,
): UserError[] {
  const cadence = cadenceErrors(window, field);
  if (cadence.length > 0) return cadence;
  const label = taskLabel(window);
  if (Number.isNaN(window.startsAt.getTime()) || Number.isNaN(window.endsAt.getTime())) {
    return [userError(field, 'INVALID_DATE', `「${label}」的日期時間格式不正確。`)];
  }
  if (window.endsAt <= window.startsAt) {
    return [
      userError(
        field,
        'WINDOW_ENDS_BEFORE_START',
        `「${label}」的結束時間（${formatRocDateTime(window.endsAt)}）必須晚於開始時間（${formatRocDateTime(window.startsAt)}）。`,
      ),
    ];
  }
  const errors: UserError[] = [];
  if (bounds && (window.startsAt < bounds.earliestStart || window.endsAt > bounds.latestEnd)) {
    errors.push(
      userError(
        field,
        'OUTSIDE_BUREAU_BOUNDS',
        `「${label}」必須在教育局規定的 ${rocWindow(bounds.earliestStart, bounds.latestEnd)} 之間。`,
      ),
    );
  }
  const minHours = policy.confirmReceiptsMinDays * 24;
  const hours = (window.endsAt.getTime() - window.startsAt.getTime()) / HOUR_MS;
  if (window.kind === TaskKind.CONFIRM_RECEIPTS && hours < minHours) {
    errors.push(
      userError(
        field,
        'CONFIRM_WINDOW_TOO_SHORT',
        `確認收訖明細至少需要 ${policy.confirmReceiptsMinDays} 天，目前只有 ${Math.floor(hours / 24)} 天 ${Math.floor(hours % 24)} 小時。`,
      ),
    );
  }
  if (window.grade12Round && isUpload(window.kind)) {
    const after = grade12UploadDeadline(window.dataYear, policy);
    if (window.endsAt <= after) {
      errors.push(
        userError(
          field,
          'GRADE12_UPLOAD_TOO_EARLY',
          `「${label}」須在 ${formatRocDateTime(after)} 之後截止（配合大學申請入學第一階段）。`,
        ),
      );
    }
  }
  return errors;
}

const isUpload = (kind: TaskKind) => kind === TaskKind.UPLOAD_COURSE_OUTCOMES || kind === TaskKind.UPLOAD_PERFORMANCES;
const isSelect = (kind: TaskKind) => kind === TaskKind.SELECT_COURSE_OUTCOMES || kind === TaskKind.SELECT_PERFORMANCES;

/** The start of the policy's day (e.g. 4/1) in the spring of the academic year, Taipei time. */
function grade12UploadDeadline(academicYear: number, policy: TimelinePolicy): Date {
  return new Date(`${academicYear + ROC_YEAR_OFFSET + 1}-${policy.grade12UploadEndsAfter}T00:00:00+08:00`);
}

/** The round a window belongs to: the 高三 round or the regular one, of one academic year (term windows: one term). */
const roundOf = (window: WindowDraft) => `${window.grade12Round ? 'g12' : 'all'}:${window.dataYear}`;

/**
 * Problems between windows of each round: the final submission comes after the confirmation and the dispute handling,
 * and a 高三 round leaves its students at least the policy's days to select after their uploads close.
 */
export function orderErrors(windows: WindowDraft[], field: string | null, policy: TimelinePolicy): UserError[] {
  const errors: UserError[] = [];
  const rounds = new Map<string, WindowDraft[]>();
  for (const window of windows) {
    const key = ROUND_KINDS.includes(window.kind) ? `${roundOf(window)}:${window.dataSemester}` : null;
    if (key) rounds.set(key, [...(rounds.get(key) ?? []), window]);
  }
  for (const round of rounds.values()) {
    const find = (kind: TaskKind) => round.find((w) => w.kind === kind);
    const final = find(TaskKind.FINAL_SUBMIT);
    const confirm = find(TaskKind.CONFIRM_RECEIPTS);
    const disputes = find(TaskKind.RESOLVE_DISPUTES);
    if (!final) continue;
    const tooEarly = (confirm && final.startsAt < confirm.endsAt) || (disputes && final.endsAt < disputes.endsAt);
    if (!tooEarly) continue;
    const after = [
      confirm && `確認收訖明細（${formatRocDateTime(confirm.endsAt)} 截止）`,
      disputes && `疑義處理（${formatRocDateTime(disputes.endsAt)} 截止）`,
    ].filter(Boolean);
    errors.push(
      userError(
        field,
        'FINAL_SUBMIT_TOO_EARLY',
        `「${taskLabel(final)}」必須在${after.join('與')}之後：最終提交最早從確認收訖明細截止時開始，且不得早於疑義處理截止。`,
      ),
    );
  }
  const grade12 = windows.filter((w) => w.grade12Round);
  for (const select of grade12.filter((w) => isSelect(w.kind))) {
    const uploads = grade12.filter((w) => isUpload(w.kind) && w.dataYear === select.dataYear);
    const lastUpload = Math.max(...uploads.map((w) => w.endsAt.getTime()));
    const days = policy.grade12SelectMinDays;
    if (uploads.length > 0 && select.endsAt.getTime() - lastUpload < days * 24 * HOUR_MS) {
      errors.push(
        userError(
          field,
          'GRADE12_SELECT_TOO_SHORT',
          `「${taskLabel(select)}」須在高三上傳截止（${formatRocDateTime(new Date(lastUpload))}）後至少再開放 ${days} 天。`,
        ),
      );
    }
  }
  return errors;
}

export const windowKey = (window: WindowIdentity): string =>
  `${window.kind}:${window.category ?? ''}:${window.dataYear}_${window.dataSemester}:${window.grade12Round ? 'g12' : ''}`;
