import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../common/clock.js';
import { byId, hydrateRows } from '../../common/loaders.js';
import { taipeiIsoDate } from '../../common/roc.js';
import type { SchoolReference } from '../school/school-reference.js';
import { AcademicYear, Term } from './term.entity.js';
import { findCurrentTerm } from './term.service.js';

export function termLoaders(em: EntityManager, clock: Clock, reference: SchoolReference | null) {
  let currentTerm: Promise<Term | null> | undefined;
  const currentFromReference = (terms: Iterable<Record<string, unknown>>): Term | null => {
    const today = taipeiIsoDate(clock.now());
    let current: Record<string, unknown> | null = null;
    for (const row of terms) {
      if (String(row.starts_on) <= today && String(row.ends_on) >= today) {
        if (!current || String(row.starts_on) > String(current.starts_on)) current = row;
      }
    }
    return current ? hydrateRows(em, Term, [current])[0]! : null;
  };
  return {
    /** The tenant's current term, looked up once per request however many fields ask. */
    currentTerm: (): Promise<Term | null> =>
      (currentTerm ??= reference
        ? Promise.resolve(currentFromReference(reference.terms.values()))
        : findCurrentTerm(em, clock)),
    /** The school's terms, oldest first, from its cached reference rows; null without them (ask PostgreSQL). */
    schoolTerms: (): Term[] | null => {
      if (!reference) return null;
      const rows = [...reference.terms.values()].sort((a, b) => {
        const [aStarts, bStarts] = [String(a.starts_on), String(b.starts_on)];
        if (aStarts !== bStarts) return aStarts < bStarts ? -1 : 1;
        return String(a.id) < String(b.id) ? -1 : 1;
      });
      return hydrateRows(em, Term, rows);
    },
    // The school's own years and terms from its cached reference rows; another school's id finds nothing.
    academicYearById: byId(em, AcademicYear, reference?.years),
    termById: byId(em, Term, reference?.terms),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof termLoaders> {}
}
