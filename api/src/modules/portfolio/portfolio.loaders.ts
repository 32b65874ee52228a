import type { EntityManager } from '@mikro-orm/postgresql';
import { computedByKey, manyByKey, manyByQuery } from '../../common/loaders.js';
import { pgTextArray } from '../../common/sql.js';
import { FileUpload } from '../files/upload.entity.js';
import { CourseOutcome, CourseOutcomeVersion } from './course-outcome.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { NO_PROGRESS, portfolioCountsOf, progressKeyOf } from './selection.service.js';

export function portfolioLoaders(em: EntityManager) {
  return {
    // Every page that lists versions shows their files: they come in the same statement.
    outcomeVersionsByOutcome: manyByQuery(
      em,
      CourseOutcomeVersion,
      (v) => v.outcome.id,
      'v',
      [
        { entity: FileUpload, alias: 'd' },
        { entity: FileUpload, alias: 'm' },
      ],
      `from course_outcome_version v
         left join upload d on d.school_id = v.school_id and d.id = v.document_upload_id
         left join upload m on m.school_id = v.school_id and m.id = v.media_upload_id
        where v.school_id = ? and v.outcome_id = any(?)
        order by v.version`,
      (schoolId, outcomeIds) => [schoolId, pgTextArray(outcomeIds)],
    ),
    outcomesByEnrolment: manyByKey(em, CourseOutcome, 'enrolment', (o) => o.enrolment.id, { createdAt: 'asc' }),
    progressByStudent: computedByKey((keys) => portfolioCountsOf(em, keys), progressKeyOf, NO_PROGRESS),
    performancesByStudent: manyByKey(em, DiversePerformance, 'student', (p) => p.student.id, { createdAt: 'asc' }),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof portfolioLoaders> {}
}
