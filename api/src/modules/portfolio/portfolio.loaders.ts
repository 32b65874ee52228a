import type { EntityManager } from '@mikro-orm/postgresql';
import { computedByKey, manyByKey } from '../../common/loaders.js';
import { CourseOutcome, CourseOutcomeVersion } from './course-outcome.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { NO_PROGRESS, portfolioCountsOf, progressKeyOf } from './selection.service.js';

export function portfolioLoaders(em: EntityManager) {
  return {
    outcomeVersionsByOutcome: manyByKey(em, CourseOutcomeVersion, 'outcome', (v) => v.outcome.id, { version: 'asc' }),
    outcomesByEnrolment: manyByKey(em, CourseOutcome, 'enrolment', (o) => o.enrolment.id, { createdAt: 'asc' }),
    progressByStudent: computedByKey((keys) => portfolioCountsOf(em, keys), progressKeyOf, NO_PROGRESS),
    performancesByStudent: manyByKey(em, DiversePerformance, 'student', (p) => p.student.id, { createdAt: 'asc' }),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof portfolioLoaders> {}
}
