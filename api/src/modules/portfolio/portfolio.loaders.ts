import type { EntityManager } from '@mikro-orm/postgresql';
import { manyByKey } from '../../common/loaders.js';
import { CourseOutcome, CourseOutcomeVersion } from './course-outcome.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';

export function portfolioLoaders(em: EntityManager) {
  return {
    outcomeVersionsByOutcome: manyByKey(em, CourseOutcomeVersion, 'outcome', (v) => v.outcome.id, { version: 'asc' }),
    outcomesByEnrolment: manyByKey(em, CourseOutcome, 'enrolment', (o) => o.enrolment.id, { createdAt: 'asc' }),
    outcomesByStudent: manyByKey(em, CourseOutcome, 'student', (o) => o.student.id, { createdAt: 'asc' }),
    performancesByStudent: manyByKey(em, DiversePerformance, 'student', (p) => p.student.id, { createdAt: 'asc' }),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof portfolioLoaders> {}
}
