import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findCurrentTerm } from '../modules/term/term.service.js';
import type { Clock } from './clock.js';
import { Authority } from '../modules/authority/authority.entity.js';
import { Course, CourseSection, Enrolment } from '../modules/course/course.entity.js';
import { CadreRecord, CounselingParticipant } from '../modules/records/records.entity.js';
import { Student } from '../modules/people/student.entity.js';
import { UserAccount } from '../modules/people/user-account.entity.js';
import { SchoolClass } from '../modules/school/school-class.entity.js';
import { School } from '../modules/school/school.entity.js';
import { AcademicYear, Term } from '../modules/term/term.entity.js';
import { TimelineTemplateTask } from '../modules/timeline/timeline-template.entity.js';
import { FileUpload } from '../modules/files/upload.entity.js';
import { CourseOutcome, CourseOutcomeVersion } from '../modules/portfolio/course-outcome.entity.js';
import { DiversePerformance } from '../modules/portfolio/diverse-performance.entity.js';
import { ReceiptRow } from '../modules/receipts/receipt.entity.js';
import { Dispute, ReceiptReview } from '../modules/confirmation/confirmation.entity.js';

type EntityWithId = { id: string };

/** Batches by-id lookups of one entity into a single `id = any(...)` query per tick, through the tenant-filtered em. */
function byId<T extends EntityWithId>(em: EntityManager, entity: new () => T): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = (await em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function byKey<T, K extends keyof T & string>(
  em: EntityManager,
  entity: new () => T,
  key: K,
  keyOf: (row: T) => string | null,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = (await em.find(entity as never, { [key]: { $in: [...keys] } } as never)) as T[];
    const found = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** All rows of an entity for each key, in one query per tick. */
function manyByKey<T, K extends keyof T & string>(
  em: EntityManager,
  entity: new () => T,
  key: K,
  keyOf: (row: T) => string,
  orderBy: Record<string, unknown>,
  where: Record<string, unknown> = {},
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const filter = { ...where, [key]: { $in: [...keys] } };
    const rows = (await em.find(entity as never, filter as never, { orderBy } as never)) as T[];
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Request-scoped loaders: the one way field resolvers reach related rows. */
export function createLoaders(em: EntityManager, clock: Clock) {
  const enrolmentsInTerm = new Map<string, DataLoader<string, Enrolment[]>>();
  let currentTerm: Promise<Term | null> | undefined;
  return {
    /** The tenant's current term, looked up once per request however many fields ask. */
    currentTerm: (): Promise<Term | null> => (currentTerm ??= findCurrentTerm(em, clock)),
    authorityById: byId(em, Authority),
    schoolById: byId(em, School),
    academicYearById: byId(em, AcademicYear),
    termById: byId(em, Term),
    classById: byId(em, SchoolClass),
    accountById: byId(em, UserAccount),
    studentById: byId(em, Student),
    studentByAccountId: byKey(em, Student, 'account', (student) => student.account?.id ?? null),
    courseById: byId(em, Course),
    sectionById: byId(em, CourseSection),
    enrolmentById: byId(em, Enrolment),
    receiptRowById: byId(em, ReceiptRow),
    reviewByReceiptRow: byKey(em, ReceiptReview, 'receiptRow', (review) => review.receiptRow.id),
    disputeByReceiptRow: byKey(em, Dispute, 'receiptRow', (dispute) => dispute.receiptRow.id),
    uploadById: byId(em, FileUpload),
    outcomeVersionsByOutcome: manyByKey(em, CourseOutcomeVersion, 'outcome', (v) => v.outcome.id, { version: 'asc' }),
    outcomesByEnrolment: manyByKey(em, CourseOutcome, 'enrolment', (o) => o.enrolment.id, { createdAt: 'asc' }),
    outcomesByStudent: manyByKey(em, CourseOutcome, 'student', (o) => o.student.id, { createdAt: 'asc' }),
    performancesByStudent: manyByKey(em, DiversePerformance, 'student', (p) => p.student.id, { createdAt: 'asc' }),
    // A section's students in seat order, as a teacher reads the class list.
    enrolmentsBySection: manyByKey(em, Enrolment, 'section', (e) => e.section.id, {
      student: { seatNumber: 'asc', studentNumber: 'asc' },
    }),
    studentsByClass: manyByKey(em, Student, 'schoolClass', (s) => s.schoolClass?.id ?? '', {
      seatNumber: 'asc',
      studentNumber: 'asc',
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
        );
        enrolmentsInTerm.set(termId, loader);
      }
      return loader;
    },
    participantsByRecord: manyByKey(em, CounselingParticipant, 'record', (p) => p.record.id, { id: 'asc' }),
    cadresByStudent: manyByKey(em, CadreRecord, 'student', (c) => c.student.id, { startsOn: 'asc' }),
    templateTasksByTemplate: manyByKey(em, TimelineTemplateTask, 'template', (task) => task.template.id, {
      startsAt: 'asc',
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
