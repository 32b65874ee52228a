import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../common/clock.js';
import { taipeiIsoDate } from '../../common/roc.js';
import { Term } from './term.entity.js';

/** The tenant's term whose dates contain today (Asia/Taipei). */
export function findCurrentTerm(em: EntityManager, clock: Clock): Promise<Term | null> {
  const today = taipeiIsoDate(clock.now());
  return em.findOne(Term, { startsOn: { $lte: today }, endsOn: { $gte: today } }, { orderBy: { startsOn: 'desc' } });
}
