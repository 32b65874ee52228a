import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../common/clock.js';
import { byId } from '../../common/loaders.js';
import { AcademicYear, Term } from './term.entity.js';
import { findCurrentTerm } from './term.service.js';

export function termLoaders(em: EntityManager, clock: Clock) {
  let currentTerm: Promise<Term | null> | undefined;
  return {
    /** The tenant's current term, looked up once per request however many fields ask. */
    currentTerm: (): Promise<Term | null> => (currentTerm ??= findCurrentTerm(em, clock)),
    academicYearById: byId(em, AcademicYear),
    termById: byId(em, Term),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof termLoaders> {}
}
