import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../common/ids.js';
import { withCheckDigit } from '../../common/national-id.js';
import type { PiiCipher } from '../../common/pii-crypto.js';
import { defaultTermDates } from '../../common/roc.js';
import type { AuthService } from '../../modules/auth/auth.service.js';
import { Authority } from '../../modules/authority/authority.entity.js';
import { BureauAccount } from '../../modules/people/bureau-account.entity.js';
import { StudentStatus } from '../../modules/people/people.enums.js';
import { type AdminSection, Role } from '../../common/roles.js';
import { insertStudent } from '../../modules/people/student.service.js';
import type { Student } from '../../modules/people/student.entity.js';
import { UserAccount } from '../../modules/people/user-account.entity.js';
import { SchoolClass } from '../../modules/people/school-class.entity.js';
import { School, type SchoolDivision } from '../../modules/school/school.entity.js';
import { AcademicYear, Term } from '../../modules/term/term.entity.js';
import { Course, CourseSection, Enrolment } from '../../modules/course/course.entity.js';

/**
 * Building blocks for demo data and test factories. They run as the owner inside a transaction whose tenant
 * scope is already set (see inTenantTransaction), and go through the same services as the API where one exists.
 */

export async function createAuthority(em: EntityManager, code: string, name: string): Promise<Authority> {
  const authority = em.create(Authority, { code, name });
  await em.flush();
  return authority;
}

export async function createSchool(
  em: EntityManager,
  authority: Authority,
  fields: { code: string; name: string; division: SchoolDivision },
): Promise<School> {
  const school = em.create(School, { authority, ...fields });
  await em.flush();
  return school;
}

/** Academic years with both terms, on the default calendar (1 Aug – 31 Jan, 1 Feb – 31 Jul). */
export async function createAcademicYears(
  em: EntityManager,
  school: School,
  years: number[],
): Promise<Map<number, { year: AcademicYear; terms: [Term, Term] }>> {
  const result = new Map<number, { year: AcademicYear; terms: [Term, Term] }>();
  for (const value of years) {
    const first = defaultTermDates(value, 1);
    const second = defaultTermDates(value, 2);
    const year = em.create(AcademicYear, { school, year: value, startsOn: first.startsOn, endsOn: second.endsOn });
    const terms: [Term, Term] = [
      em.create(Term, { school, academicYear: year, semester: 1, ...first }),
      em.create(Term, { school, academicYear: year, semester: 2, ...second }),
    ];
    result.set(value, { year, terms });
  }
  await em.flush();
  return result;
}

export interface AccountSpec {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  adminSections?: AdminSection[];
}

/** An account id with its login created in the credential store, for the tenant the transaction is scoped to. */
async function newLogin(em: EntityManager, auth: AuthService, spec: { username: string; password: string }) {
  const id = newId();
  return { id, credentialId: await auth.createCredential(em, spec.username, spec.password, id) };
}

export async function createSchoolAccount(
  em: EntityManager,
  auth: AuthService,
  school: School,
  spec: AccountSpec,
): Promise<UserAccount> {
  const account = em.create(UserAccount, {
    ...(await newLogin(em, auth, spec)),
    school,
    username: spec.username,
    displayName: spec.displayName,
    roles: spec.roles,
    adminSections: spec.adminSections ?? [],
  });
  await em.flush();
  return account;
}

export async function createBureauAccount(
  em: EntityManager,
  auth: AuthService,
  authority: Authority,
  spec: Omit<AccountSpec, 'roles' | 'adminSections'>,
): Promise<BureauAccount> {
  const account = em.create(BureauAccount, {
    ...(await newLogin(em, auth, spec)),
    authority,
    username: spec.username,
    displayName: spec.displayName,
  });
  await em.flush();
  return account;
}

export async function createClass(
  em: EntityManager,
  school: School,
  year: AcademicYear,
  fields: { name: string; gradeYear: number; homeroomTeacher?: UserAccount | null },
): Promise<SchoolClass> {
  const schoolClass = em.create(SchoolClass, {
    school,
    academicYear: year,
    name: fields.name,
    gradeYear: fields.gradeYear,
    homeroomTeacher: fields.homeroomTeacher ?? null,
  });
  await em.flush();
  return schoolClass;
}

const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪'];
const GIVEN_NAMES = ['怡君', '志明', '雅婷', '家豪', '詩涵', '冠宇', '宜蓁', '承恩', '品妍', '柏翰', '子晴', '宥廷'];

/** A deterministic, checksum-valid national ID for the n-th generated person (fictional, for demos and tests). */
export function fictionalNationalId(n: number, letter = 'A'): string {
  return withCheckDigit(letter, n % 2 === 0 ? 2 : 1, String(1000000 + (n % 9000000)).slice(-7));
}

export function fictionalName(n: number): string {
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN_NAMES[(n * 7 + Math.floor(n / SURNAMES.length)) % GIVEN_NAMES.length]}`;
}

export interface StudentSpec {
  studentNumber: string;
  name: string;
  nationalId: string;
  birthDate: string;
  cohort: number;
  seatNumber: number;
  schoolClass: SchoolClass | null;
  status?: StudentStatus;
  /** Creates a login for the student with this password. */
  login?: { username: string; password: string };
}

export async function createStudent(
  em: EntityManager,
  auth: AuthService,
  pii: PiiCipher,
  school: School,
  spec: StudentSpec,
): Promise<{ student: Student; account: UserAccount | null }> {
  const account = spec.login
    ? await createSchoolAccount(em, auth, school, {
        username: spec.login.username,
        password: spec.login.password,
        displayName: spec.name,
        roles: [Role.STUDENT],
      })
    : null;
  const student = await insertStudent(
    em,
    pii,
    school.id,
    {
      studentNumber: spec.studentNumber,
      name: spec.name,
      nationalId: spec.nationalId,
      birthDate: spec.birthDate,
      cohort: spec.cohort,
      seatNumber: spec.seatNumber,
      status: spec.status ?? StudentStatus.ENROLLED,
    },
    spec.schoolClass,
  );
  if (account) {
    student.account = ref(account);
    await em.flush();
  }
  return { student, account };
}

/** A valid 23-character course code for the n-th generated course (general subject, domain 01–09). */
export function fictionalCourseCode(n: number): string {
  return `${String(n).padStart(16, '0')}101${String((n % 9) + 1).padStart(2, '0')}01`;
}

export interface SectionSpec {
  code: string;
  subjectName: string;
  gradeYear: number;
  credits: number;
  sectionName: string;
  teacher: UserAccount;
  students: Student[];
}

/** A course of one term with one section, its teacher, and its students enrolled. */
export async function createCourseSection(
  em: EntityManager,
  school: School,
  term: Term,
  spec: SectionSpec,
): Promise<CourseSection> {
  const course = em.create(Course, {
    school,
    term,
    code: spec.code,
    subjectName: spec.subjectName,
    gradeYear: spec.gradeYear,
    credits: spec.credits,
  });
  const section = em.create(CourseSection, { school, course, name: spec.sectionName, teacher: spec.teacher });
  for (const student of spec.students) em.create(Enrolment, { school, section, student });
  await em.flush();
  return section;
}
