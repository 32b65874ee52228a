import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { byId, manyByKey, manyByQuery } from '../../common/loaders.js';
import { pgTextArray } from '../../common/sql.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Course, CourseSection, Enrolment } from './course.entity.js';

export function courseLoaders(em: EntityManager) {
  const enrolmentsInTerm = new Map<string, DataLoader<string, Enrolment[]>>();
  return {
    courseById: byId(em, Course),
    sectionById: byId(em, CourseSection),
    enrolmentById: byId(em, Enrolment),
    // A section's students in seat order, as a teacher reads the class list.
    enrolmentsBySection: manyByKey(em, Enrolment, 'section', (e) => e.section.id, {
      student: { seatNumber: 'asc', studentNumber: 'asc' },
    }),
    /** A student's enrolments in one term; one loader per term, so students of a roster share one query. */
    enrolmentsOfStudentInTerm: (termId: string): DataLoader<string, Enrolment[]> => {
      let loader = enrolmentsInTerm.get(termId);
      if (!loader) {
        loader = manyByQuery(
          em,
          Enrolment,
          (e) => e.student.id,
          'e',
          // A student's page shows each enrolment's subject and teacher: they come in the same statement.
          [
            { entity: CourseSection, alias: 's' },
            { entity: Course, alias: 'c' },
            { entity: UserAccount, alias: 't' },
          ],
          `from enrolment e
             join course_section s on s.school_id = e.school_id and s.id = e.section_id
             join course c on c.school_id = s.school_id and c.id = s.course_id
             left join user_account t on t.school_id = s.school_id and t.id = s.teacher_id
            where e.school_id = ? and e.student_id = any(?) and c.term_id = ?
            order by e.id`,
          (schoolId, studentIds) => [schoolId, pgTextArray(studentIds), termId],
        );
        enrolmentsInTerm.set(termId, loader);
      }
      return loader;
    },
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof courseLoaders> {}
}
