import { formatRocDateTime } from '../../common/roc.js';
import { TASK_KIND_LABELS, type TaskKind, WindowState } from './timeline.enums.js';
import { CATEGORY_LABELS, type SubmissionCategory } from '../../common/submission-category.js';

/** 「提交至中央資料庫（修課紀錄）」 */
export function taskLabel(kind: TaskKind, category: SubmissionCategory | null | undefined): string {
  return category ? `${TASK_KIND_LABELS[kind]}（${CATEGORY_LABELS[category]}）` : TASK_KIND_LABELS[kind];
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
