import { ref } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AppContext } from '../../common/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { idOfType, requireIdOfType } from '../../common/ids.js';
import { hasVisibleText } from '../../common/input-text.js';
import { NATIONAL_ID_MESSAGES, nationalIdProblem, normalizeNationalId } from '../../common/national-id.js';
import type { PiiCipher } from '../../common/pii-crypto.js';
import { academicYearOf, isIsoCalendarDate } from '../../common/roc.js';
import { isUniqueViolation } from '../../common/sql.js';
import { type Result, userError, type UserError } from '../../common/user-error.js';
import { type Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { SchoolClass } from './school-class.entity.js';
import { School } from '../school/school.entity.js';
import type { CreateStudentInput, ReadmitStudentInput, UpdateStudentInput } from './dto/student.input.js';
import { findCurrentTerm } from '../term/term.service.js';
import { StudentStatus } from './people.enums.js';
import { Student } from './student.entity.js';
import { mayManageStudents, maySeeWholeSchool } from './people.permissions.js';
import {
  createStudentLogins,
  LOGIN_NAME,
  loginNameProblem,
  loginNamesTaken,
  schoolLoginRule,
  studentLoginName,
} from './student-login.service.js';

const STUDENT_NUMBER = /^[A-Za-z0-9]{1,20}$/;

export interface StudentListArgs {
  classId: string | null | undefined;
  studentNumber: string | null | undefined;
  search: string | null | undefined;
  status: StudentStatus | null | undefined;
}

/** Which students a 學生名單 request lists: its filters, within the classes the viewer may see. */
export function studentListFilter(viewer: Viewer, args: StudentListArgs): FilterQuery<Student> {
  const classFilter: FilterQuery<SchoolClass> = {};
  if (args.classId) classFilter.id = requireIdOfType(args.classId, 'SchoolClass', '班級', 'classId');
  // Homeroom teachers see the classes they lead; whole-school staff see every class.
  if (!maySeeWholeSchool(viewer)) classFilter.homeroomTeacher = viewer.accountId;
  const where: FilterQuery<Student> & Record<string, unknown> =
    Object.keys(classFilter).length > 0 ? { schoolClass: classFilter } : {};
  if (typeof args.studentNumber === 'string') {
    if (args.studentNumber.length > 30) throw badInput('學號最多 30 個字。', 'studentNumber');
    where.studentNumber = args.studentNumber.trim();
  }
  if (typeof args.search === 'string') {
    if (args.search.length > 30) throw badInput('搜尋文字最多 30 個字。', 'search');
    const text = args.search.trim();
    if (text) {
      // The person's text is matched literally: % and _ mean themselves, not wildcards.
      const literal = text.replace(/[\\%_]/g, (character) => `\\${character}`);
      where.$or = [{ name: { $ilike: `%${literal}%` } }, { studentNumber: { $ilike: `${literal}%` } }];
    }
  }
  if (args.status) where.status = args.status;
  return where;
}

export interface StudentFields {
  studentNumber: string;
  name: string;
  nationalId: string;
  birthDate: string;
  cohort: number;
  seatNumber: number | null;
  status: StudentStatus;
}

/** Edge validation shared by every way a student is written (form, import, seed); returns every problem at once. */
export function validateStudentFields(fields: Partial<StudentFields>, today: Date): UserError[] {
  const errors: UserError[] = [];
  if (fields.studentNumber !== undefined && !STUDENT_NUMBER.test(fields.studentNumber)) {
    errors.push(userError('studentNumber', 'INVALID_STUDENT_NUMBER', '學號只能是英文字母與數字，最多 20 碼。'));
  }
  if (
    fields.name !== undefined &&
    (!hasVisibleText(fields.name) || fields.name.trim() === '' || fields.name.trim().length > 50)
  ) {
    errors.push(userError('name', 'INVALID_NAME', '請輸入姓名（最多 50 個字，須有看得見的文字）。'));
  }
  if (fields.nationalId !== undefined) {
    const problem = nationalIdProblem(fields.nationalId);
    if (problem) errors.push(userError('nationalId', 'INVALID_NATIONAL_ID', NATIONAL_ID_MESSAGES[problem]));
  }
  if (fields.birthDate !== undefined) {
    const todayIso = today.toISOString().slice(0, 10);
    if (!isIsoCalendarDate(fields.birthDate) || fields.birthDate < '1950-01-01' || fields.birthDate > todayIso) {
      errors.push(userError('birthDate', 'INVALID_BIRTH_DATE', '出生日期格式應為 YYYY-MM-DD，且必須是過去的日期。'));
    }
  }
  if (fields.cohort !== undefined) {
    const latest = academicYearOf(today) + 1;
    if (!Number.isInteger(fields.cohort) || fields.cohort < 100 || fields.cohort > latest) {
      errors.push(userError('cohort', 'INVALID_COHORT', `入學年度必須介於 100 到 ${latest} 學年度之間。`));
    }
  }
  if (fields.seatNumber !== undefined && fields.seatNumber !== null) {
    if (!Number.isInteger(fields.seatNumber) || fields.seatNumber < 1 || fields.seatNumber > 99) {
      errors.push(userError('seatNumber', 'INVALID_SEAT_NUMBER', '座號必須介於 1 到 99 之間。'));
    }
  }
  return errors;
}

async function resolveClass(em: EntityManager, classGlobalId: string): Promise<SchoolClass | null> {
  const id = idOfType(classGlobalId, 'SchoolClass');
  return id ? em.findOne(SchoolClass, { id }) : null;
}

const classNotFound = (): UserError => userError('classId', 'CLASS_NOT_FOUND', '找不到指定的班級，請重新選擇。');

async function uniquenessErrors(
  em: EntityManager,
  pii: PiiCipher,
  fields: { studentNumber?: string; nationalId?: string },
  exceptId?: string,
): Promise<UserError[]> {
  const errors: UserError[] = [];
  if (fields.studentNumber !== undefined) {
    const clash = await em.findOne(Student, { studentNumber: fields.studentNumber, id: { $ne: exceptId ?? null } });
    if (clash)
      errors.push(
        userError('studentNumber', 'DUPLICATE_STUDENT_NUMBER', `學號 ${fields.studentNumber} 已有其他學生使用。`),
      );
  }
  if (fields.nationalId !== undefined) {
    const digest = pii.digest(normalizeNationalId(fields.nationalId));
    const clash = await em.findOne(Student, { nationalIdDigest: digest, id: { $ne: exceptId ?? null } });
    if (clash) errors.push(userError('nationalId', 'DUPLICATE_NATIONAL_ID', '這個身分證字號已屬於本校另一位學生。'));
  }
  return errors;
}

/** Builds a student in the current tenant, to be persisted by the caller's next flush (one flush for a whole roster). */
export function buildStudent(
  em: EntityManager,
  pii: PiiCipher,
  schoolId: string,
  fields: StudentFields & { gender?: 'M' | 'F' | null },
  schoolClass: SchoolClass | null,
): Student {
  const nationalId = normalizeNationalId(fields.nationalId);
  return em.create(Student, {
    school: em.getReference(School, schoolId),
    studentNumber: fields.studentNumber,
    name: fields.name.trim(),
    nationalIdEncrypted: pii.encrypt(nationalId),
    nationalIdDigest: pii.digest(nationalId),
    birthDate: fields.birthDate,
    gender: fields.gender ?? null,
    cohort: fields.cohort,
    schoolClass,
    seatNumber: fields.seatNumber,
    status: fields.status,
  });
}

/** Builds and persists a student in the current tenant. Used by the mutation and by seeding alike. */
export async function insertStudent(
  em: EntityManager,
  pii: PiiCipher,
  schoolId: string,
  fields: StudentFields,
  schoolClass: SchoolClass | null,
): Promise<Student> {
  const student = buildStudent(em, pii, schoolId, fields, schoolClass);
  await em.flush();
  return student;
}

function requireManager(ctx: AppContext): Viewer {
  if (!mayManageStudents(ctx.viewer)) throw forbidden('學生資料的維護（限註冊組）');
  return ctx.viewer!;
}

export async function createStudent(ctx: AppContext, input: CreateStudentInput): Promise<Result<Student>> {
  const viewer = requireManager(ctx);
  const fields: StudentFields = {
    studentNumber: input.studentNumber.trim(),
    name: input.name,
    nationalId: input.nationalId,
    birthDate: input.birthDate.trim(),
    cohort: input.cohort,
    seatNumber: input.seatNumber ?? null,
    status: input.status ?? StudentStatus.ENROLLED,
  };
  const errors = validateStudentFields(fields, ctx.services.clock.now());
  const schoolClass = input.classId ? await resolveClass(ctx.em, input.classId) : null;
  if (input.classId && !schoolClass) errors.push(classNotFound());
  if (errors.length === 0) errors.push(...(await uniquenessErrors(ctx.em, ctx.services.pii, fields)));
  const rule = await schoolLoginRule(ctx.em, viewer.schoolId!);
  if (errors.length === 0) {
    const loginName = studentLoginName(rule.studentLoginPattern, rule.code, fields.studentNumber);
    const problem = loginNameProblem(
      loginName,
      LOGIN_NAME.test(loginName) ? await loginNamesTaken(ctx.em, [loginName]) : new Set(),
    );
    if (problem) errors.push(userError('studentNumber', problem.code, problem.message));
  }
  if (errors.length > 0) return { value: null, userErrors: errors };

  try {
    // A savepoint, so a lost race on the unique constraints leaves the request's transaction usable.
    const student = await ctx.em.transactional(async (tx) => {
      const created = buildStudent(tx, ctx.services.pii, viewer.schoolId!, fields, schoolClass);
      created.statusChangedAt = ctx.services.clock.now();
      await createStudentLogins(tx, rule, [created]);
      await tx.flush();
      return created;
    });
    await recordAudit(ctx.em, viewer, ctx.requestId, { operation: 'student.create', targetIds: [student.id] });
    return { value: student, userErrors: [] };
  } catch (error) {
    // Two staff adding the same student at once: the database's unique constraint decides.
    if (isUniqueViolation(error)) {
      return { value: null, userErrors: await uniquenessErrors(ctx.em, ctx.services.pii, fields) };
    }
    throw error;
  }
}

export async function updateStudent(ctx: AppContext, input: UpdateStudentInput): Promise<Result<Student>> {
  const viewer = requireManager(ctx);
  const studentId = idOfType(input.id, 'Student');
  const student = studentId ? await ctx.em.findOne(Student, { id: studentId }) : null;
  if (!student) throw notFound('學生');

  const changes: Partial<StudentFields> = {};
  if (input.name != null) changes.name = input.name;
  if (input.nationalId != null) changes.nationalId = input.nationalId;
  if (input.birthDate != null) changes.birthDate = input.birthDate.trim();
  if (input.seatNumber !== undefined) changes.seatNumber = input.seatNumber;
  if (input.status != null) changes.status = input.status;
  const errors = validateStudentFields(changes, ctx.services.clock.now());
  let schoolClass: SchoolClass | null | undefined;
  if (input.classId !== undefined) {
    schoolClass = input.classId === null ? null : await resolveClass(ctx.em, input.classId);
    if (input.classId !== null && !schoolClass) errors.push(classNotFound());
  }
  if (errors.length === 0 && changes.nationalId !== undefined) {
    errors.push(...(await uniquenessErrors(ctx.em, ctx.services.pii, { nationalId: changes.nationalId }, student.id)));
  }
  if (errors.length > 0) return { value: null, userErrors: errors };

  if (changes.name !== undefined) student.name = changes.name.trim();
  if (changes.birthDate !== undefined) student.birthDate = changes.birthDate;
  if (changes.seatNumber !== undefined) student.seatNumber = changes.seatNumber;
  if (changes.status !== undefined) student.changeStatus(changes.status, ctx.services.clock.now());
  if (schoolClass !== undefined) student.schoolClass = schoolClass ? ref(schoolClass) : null;
  if (changes.nationalId !== undefined) {
    const nationalId = normalizeNationalId(changes.nationalId);
    student.nationalIdEncrypted = ctx.services.pii.encrypt(nationalId);
    student.nationalIdDigest = ctx.services.pii.digest(nationalId);
  }
  await ctx.em.flush();
  const changed = [...Object.keys(changes), ...(schoolClass !== undefined ? ['classId'] : [])];
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'student.update',
    targetIds: [student.id],
    detail: { fields: changed },
  });
  return { value: student, userErrors: [] };
}

/**
 * 復學: a 休學 student comes back into a class of this year. They join the cohort of the grade they come back to
 * (e.g. back into grade 11 a year later: the cohort a year after their own), never an earlier one, so the city's
 * statistics count them in their current cohort (student.cohort), as the README says.
 */
export async function readmitStudent(ctx: AppContext, input: ReadmitStudentInput): Promise<Result<Student>> {
  const viewer = requireManager(ctx);
  const studentId = idOfType(input.id, 'Student');
  const student = studentId ? await ctx.em.findOne(Student, { id: studentId }) : null;
  if (!student) throw notFound('學生');
  if (student.status !== StudentStatus.SUSPENDED) {
    return {
      value: null,
      userErrors: [
        userError('id', 'NOT_SUSPENDED', `${student.name} 目前是「${student.statusLabel}」，只有休學學生能辦理復學。`),
      ],
    };
  }
  const now = ctx.services.clock.now();
  const errors = validateStudentFields({ seatNumber: input.seatNumber ?? null }, now);
  const schoolClass = await resolveClass(ctx.em, input.classId);
  const term = await findCurrentTerm(ctx.em, ctx.services.clock);
  if (!schoolClass) errors.push(classNotFound());
  else if (!term || schoolClass.academicYear.id !== term.academicYear.id) {
    errors.push(
      userError(
        'classId',
        'CLASS_NOT_CURRENT',
        `「${schoolClass.name}」班不是本學年度的班級，復學請編入本學年度的班級。`,
      ),
    );
  }
  const leftFrom = student.schoolClass ? await ctx.loaders.classById.load(student.schoolClass.id) : null;
  if (schoolClass && leftFrom && ![leftFrom.gradeYear, leftFrom.gradeYear + 1].includes(schoolClass.gradeYear)) {
    const grade = (gradeYear: number) => `高${['一', '二', '三'][gradeYear - 10] ?? gradeYear}`;
    errors.push(
      userError(
        'classId',
        'GRADE_MISMATCH',
        `${student.name} 休學前在${grade(leftFrom.gradeYear)}，復學只能回到${grade(leftFrom.gradeYear)}或升一個年級，不能編入「${schoolClass.name}」班（${grade(schoolClass.gradeYear)}）。`,
      ),
    );
  }
  if (errors.length > 0 || !schoolClass || !term) return { value: null, userErrors: errors };
  const year = (await ctx.loaders.academicYearById.load(term.academicYear.id))!.year;
  const cohort = input.cohort ?? Math.max(student.cohort, year - (schoolClass.gradeYear - 10));
  const cohortErrors = validateStudentFields({ cohort }, now);
  if (cohortErrors.length === 0 && cohort < student.cohort) {
    cohortErrors.push(
      userError('cohort', 'COHORT_EARLIER', `復學後的入學年度不能早於原來的 ${student.cohort} 學年度。`),
    );
  }
  if (cohortErrors.length > 0) return { value: null, userErrors: cohortErrors };
  const cohortChanged = cohort !== student.cohort;
  student.changeStatus(StudentStatus.ENROLLED, now);
  student.schoolClass = ref(schoolClass);
  student.seatNumber = input.seatNumber ?? null;
  student.cohort = cohort;
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'student.readmit',
    targetIds: [student.id, schoolClass.id],
    detail: { cohortChanged },
  });
  return { value: student, userErrors: [] };
}
