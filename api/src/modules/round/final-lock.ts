import type { EntityManager } from '@mikro-orm/postgresql';
import { CATEGORY_LABELS, type SubmissionCategory } from '../../common/submission-category.js';
import { userError, type UserError } from '../../common/user-error.js';
import { FinalLock } from './confirmation.entity.js';

/** One category of one round: its term (for 課程學習成果 and 多元表現, the year's second term) and whether it is the 高三 round. */
export interface RoundCategory {
  termId: string;
  category: SubmissionCategory;
  grade12Round: boolean;
}

/**
 * Serialises submitting and finalising one round's category for the rest of the transaction, so no submission slips
 * in between the check for the lock and the lock itself.
 */
export async function holdFinalLockKey(em: EntityManager, round: RoundCategory): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
    `final:${round.termId}:${round.category}:${round.grade12Round ? 'g12' : 'all'}`,
  ]);
}

/** The rows of one round's category, as submissions, disputes and locks record it. */
export const ofRound = (round: RoundCategory) => ({
  term: round.termId,
  category: round.category,
  grade12Round: round.grade12Round,
});

export function finalLockOf(em: EntityManager, round: RoundCategory): Promise<FinalLock | null> {
  return em.findOne(FinalLock, ofRound(round));
}

export const finalLockedError = (field: string | null, category: SubmissionCategory): UserError =>
  userError(field, 'TERM_FINALIZED', `這個梯次的「${CATEGORY_LABELS[category]}」已完成最終提交，資料不能再變更。`);

/** The round and category a submission or a dispute belongs to. */
export const roundCategoryOf = (row: {
  term: { id: string };
  category: SubmissionCategory;
  grade12Round: boolean;
}): RoundCategory => ({ termId: row.term.id, category: row.category, grade12Round: row.grade12Round });

/** What an audit entry says about the round: only the 高三 round is named, the regular one is the default. */
export const grade12Detail = (round: RoundCategory): { grade12Round?: true } =>
  round.grade12Round ? { grade12Round: true } : {};
