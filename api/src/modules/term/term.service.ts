import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../common/clock.js';
import type { AppContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { type Connection, type ConnectionArgs, connectionOf, pageSize, paginate } from '../../common/pagination.js';
import { idOfType } from '../../common/ids.js';
import { userError } from '../../common/user-error.js';
import { taipeiIsoDate } from '../../common/roc.js';
import { Term } from './term.entity.js';

/** The tenant's term whose dates contain today (Asia/Taipei). */
export function findCurrentTerm(em: EntityManager, clock: Clock): Promise<Term | null> {
  const today = taipeiIsoDate(clock.now());
  return em.findOne(Term, { startsOn: { $lte: today }, endsOn: { $gte: today } }, { orderBy: { startsOn: 'desc' } });
}

/**
 * The one way to read a term argument. A malformed id, and an id of a term this school does not have, get the same
 * answer (BAD_USER_INPUT on the field, 「找不到指定的學期。」), so nobody learns which ids exist elsewhere and the
 * client shows one message. Nothing has changed when it throws.
 */
export async function termArgument(ctx: Pick<AppContext, 'loaders'>, termId: string, field = 'termId'): Promise<Term> {
  const id = idOfType(termId, 'Term');
  const term = id ? await ctx.loaders.termById.load(id) : null;
  if (!term) throw badInput('找不到指定的學期。', field);
  return term;
}

/** An optional term argument: absent means the current term, null when today is in none of the school's terms. */
export async function termArgumentOrCurrent(
  ctx: AppContext,
  termId: string | null | undefined,
  field = 'termId',
): Promise<Term | null> {
  return termId ? termArgument(ctx, termId, field) : ctx.loaders.currentTerm();
}

/** What a mutation that defaults to the current term answers when today is in none of the school's terms. */
export const NO_CURRENT_TERM = userError('termId', 'NO_CURRENT_TERM', '今天不在本校任何學期內，請指定學期。');

/**
 * The school's terms, oldest first. A first page (every term list a page shows) comes from the request's cached
 * reference rows when it has them, as the current term does; a later page, or a viewer without a school, asks
 * PostgreSQL.
 */
export function termsPage(ctx: Pick<AppContext, 'em' | 'loaders'>, args: ConnectionArgs): Promise<Connection<Term>> {
  const cached = args.after ? null : ctx.loaders.schoolTerms();
  if (!cached) return paginate(ctx.em, Term, {}, args, 'startsOn');
  const limit = pageSize(args);
  return Promise.resolve(connectionOf(cached.slice(0, limit + 1), limit, (term) => [term.startsOn, term.id]));
}
