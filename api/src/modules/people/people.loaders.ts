import type { EntityManager } from '@mikro-orm/postgresql';
import { byId, byKey, manyByKey } from '../../common/loaders.js';
import { SchoolClass } from './school-class.entity.js';
import { Student } from './student.entity.js';
import { UserAccount } from './user-account.entity.js';

export function peopleLoaders(em: EntityManager) {
  return {
    classById: byId(em, SchoolClass),
    accountById: byId(em, UserAccount),
    studentById: byId(em, Student),
    studentByAccountId: byKey(em, Student, 'account', (student) => student.account?.id ?? null),
    /** The classes an account is homeroom teacher of, by name. */
    homeroomClassesByTeacher: manyByKey(em, SchoolClass, 'homeroomTeacher', (c) => c.homeroomTeacher?.id ?? '', {
      name: 'asc',
    }),
    studentsByClass: manyByKey(em, Student, 'schoolClass', (s) => s.schoolClass?.id ?? '', {
      seatNumber: 'asc',
      studentNumber: 'asc',
    }),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof peopleLoaders> {}
}
