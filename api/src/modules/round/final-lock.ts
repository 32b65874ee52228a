import type { EntityManager } from '@mikro-orm/postgresql';
import { CATEGORY_LABELS, type SubmissionCategory } from '../../common/submission-category.js';
import { userError, type UserError } from '../../common/user-error.js';
import { FinalLock } from './confirmation.entity.js';

/**
 * Serialises submitting and finalising one term's category for the rest of the transaction, so no submission slips
 * in between the check for the lock and the lock itself.
 */
export async function holdFinalLockKey(em: EntityManager, termId: string, category: SubmissionCategory): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`final:${termId}:${category}`]);
}

export function finalLockOf(
  em: EntityManager,
  termId: string,
  category: SubmissionCategory,
): Promise<FinalLock | null> {
  return em.findOne(FinalLock, { term: termId, category });
}

export const finalLockedError = (field: string | null, category: SubmissionCategory): UserError =>
  userError(field, 'TERM_FINALIZED', `這個學期的「${CATEGORY_LABELS[category]}」已完成最終提交，資料不能再變更。`);
