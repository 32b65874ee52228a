import type { TimelinePolicy } from '../../common/config.js';
import { formatRocDateTime } from '../../common/roc.js';
import { userError, type UserError } from '../../common/user-error.js';
import { TaskKind } from './timeline.enums.js';
import { type SubmissionCategory } from '../../common/submission-category.js';
import { HOUR_MS, rocWindow, taskLabel } from './timeline-window.js';

export interface WindowDraft {
  kind: TaskKind;
  category?: SubmissionCategory | null;
  startsAt: Date;
  endsAt: Date;
}

export interface WindowBounds {
  earliestStart: Date;
  latestEnd: Date;
}

/** Problems of one window on its own: its shape, the bureau's bounds, and the minimum confirmation time. */
export function windowErrors(
  window: WindowDraft,
  bounds: WindowBounds | null,
  field: string | null,
  policy: TimelinePolicy,
): UserError[] {
  const label = taskLabel(window.kind, window.category);
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
  return errors;
}

/** Problems between windows: the final submission comes after the confirmation and the dispute handling. */
export function orderErrors(windows: WindowDraft[], field: string | null): UserError[] {
  const find = (kind: TaskKind) => windows.find((w) => w.kind === kind);
  const final = find(TaskKind.FINAL_SUBMIT);
  if (!final) return [];
  const confirm = find(TaskKind.CONFIRM_RECEIPTS);
  const disputes = find(TaskKind.RESOLVE_DISPUTES);
  const tooEarly = (confirm && final.startsAt < confirm.endsAt) || (disputes && final.endsAt < disputes.endsAt);
  if (!tooEarly) return [];
  const after = [
    confirm && `確認收訖明細（${formatRocDateTime(confirm.endsAt)} 截止）`,
    disputes && `疑義處理（${formatRocDateTime(disputes.endsAt)} 截止）`,
  ].filter(Boolean);
  return [
    userError(
      field,
      'FINAL_SUBMIT_TOO_EARLY',
      `完成最終提交必須在${after.join('與')}之後：最終提交最早從確認收訖明細截止時開始，且不得早於疑義處理截止。`,
    ),
  ];
}

export const windowKey = (window: { kind: TaskKind; category?: SubmissionCategory | null }): string =>
  `${window.kind}:${window.category ?? ''}`;
