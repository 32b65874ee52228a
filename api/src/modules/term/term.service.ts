import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../common/clock.js';
import type { AppContext } from '../../common/context.js';
import { requireIdOfType } from '../../common/ids.js';
import { taipeiIsoDate } from '../../common/roc.js';
import { Term } from './term.entity.js';

/** The tenant's term whose dates contain today (Asia/Taipei). */
export function findCurrentTerm(em: EntityManager, clock: Clock): Promise<Term | null> {
  const today = taipeiIsoDate(clock.now());
  return em.findOne(Term, { startsOn: { $lte: today }, endsOn: { $gte: today } }, { orderBy: { startsOn: 'desc' } });
}

/** The term an argument names, or the current one when it names none. */
export async function termIdOrCurrent(ctx: AppContext, termId: string | null | undefined): Promise<string | null> {
  if (termId) return requireIdOfType(termId, 'Term', '學期', 'termId');
  return (await ctx.loaders.currentTerm())?.id ?? null;
}
