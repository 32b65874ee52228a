import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataPeriod } from '../../common/data-period.js';
import {
  coursesWithoutOutcome,
  outcomesNotSelected,
  performancesNotSelected,
} from '../portfolio/pending-work.counters.js';
import { TaskKind } from '../timeline/timeline.enums.js';

/** Counts, per student id, what a student still has to do in a window of this kind. */
export type PendingWorkCounter = (
  em: EntityManager,
  studentIds: string[],
  period: DataPeriod,
) => Promise<Map<string, number>>;

/**
 * Where the portfolio features plug in their counts ("您還有 2 件課程學習成果尚未勾選"). A kind without a counter here
 * (receipt confirmation) gets the general sentence in an alert; the student's to-do list counts its rows itself.
 */
export const pendingWorkCounters: Partial<Record<TaskKind, PendingWorkCounter>> = {
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: coursesWithoutOutcome,
  [TaskKind.SELECT_COURSE_OUTCOMES]: outcomesNotSelected,
  [TaskKind.SELECT_PERFORMANCES]: performancesNotSelected,
};
