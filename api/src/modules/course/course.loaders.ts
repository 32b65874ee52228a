import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { byId, manyByKey } from '../../common/loaders.js';
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
        loader = manyByKey(
          em,
          Enrolment,
          'student',
          (e) => e.student.id,
          { id: 'asc' },
          { section: { course: { term: termId } } },
          // A student's page shows each enrolment's subject and teacher.
          ['section', 'section.course', 'section.teacher'],
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
