import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Clock } from '../../common/clock.js';
import { byId, hydrateRows } from '../../common/loaders.js';
import { taipeiIsoDate } from '../../common/roc.js';
import type { SchoolReference } from '../school/school-reference.js';
import { AcademicYear, Term } from './term.entity.js';
import { findCurrentTerm } from './term.service.js';

/**
 * By id, from the viewer's school's cached reference rows when the id is one of them (mapped into this request's
 * EntityManager), from PostgreSQL otherwise (another school's id finds nothing there, as before).
 */
function byIdWithReference<T extends { id: string }>(
  em: EntityManager,
  entity: new () => T,
  rows: ReadonlyMap<string, Record<string, unknown>> | undefined,
): DataLoader<string, T | null> {
  if (!rows) return byId(em, entity);
  const fromDatabase = byId(em, entity);
  return new DataLoader<string, T | null>(async (ids) =>
    Promise.all(
      ids.map((id) => {
        const row = rows.get(id);
        return row ? hydrateRows(em, entity, [row])[0]! : fromDatabase.load(id);
      }),
    ),
  );
}

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
    academicYearById: byIdWithReference(em, AcademicYear, reference?.years),
    termById: byIdWithReference(em, Term, reference?.terms),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof termLoaders> {}
}
