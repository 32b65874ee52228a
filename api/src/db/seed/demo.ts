import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { academicYearOf, semesterOf } from '../../common/roc.js';
import { inTenantTransaction } from '../../common/tenant.js';
import { Authority } from '../../modules/authority/authority.entity.js';
import { AdminSection, Role } from '../../common/roles.js';
import { type School, SchoolDivision, DIVISION_LABELS } from '../../modules/school/school.entity.js';
import type { AppServices } from '../../common/context.js';
import { previousTermOf, seedDemoTimelines } from './demo-timelines.js';
import { type DemoSchool, type DemoSection, type DemoStudent, seedDemoActivity } from './demo-activity.js';
import type { SeedPerson } from './seed-actor.js';
import { Enrolment, type CourseSection } from '../../modules/course/course.entity.js';
import type { UserAccount } from '../../modules/people/user-account.entity.js';
import {
  createAcademicYears,
  createAuthority,
  createBureauAccount,
  createClass,
  createSchool,
  createSchoolAccount,
  createStudent,
  createCourseSection,
  fictionalCourseCode,
  fictionalName,
  fictionalNationalId,
  type AccountSpec,
} from './builders.js';

export const DEMO_AUTHORITY_CODE = 'TPE-DEMO';
export const DEMO_PASSWORD = 'demo1234';

export interface DemoLogin {
  role: string;
  school: string;
  username: string;
  password: string;
}

interface DemoSchoolPlan {
  code: string;
  name: string;
  division: SchoolDivision;
  prefix: string;
  staff: (AccountSpec & { label: string })[];
  /** Class name, grade year, and whether the school's homeroom teacher leads it. */
  classes: { name: string; gradeYear: number; homeroom: boolean; students: number }[];
}

const staff = (
  prefix: string,
  username: string,
  label: string,
  displayName: string,
  roles: Role[],
  adminSections: AdminSection[] = [],
) => ({
  username: `${prefix}.${username}`,
  label,
  displayName,
  password: DEMO_PASSWORD,
  roles,
  adminSections,
});

function plan(): DemoSchoolPlan[] {
  return [
    {
      code: '383301',
      name: '臺北市立示範高級中學',
      division: SchoolDivision.DAY,
      prefix: 'sf',
      staff: [
        staff('sf', 'registration', '學校行政（註冊組）', '周註冊', [Role.SCHOOL_ADMIN], [AdminSection.REGISTRATION]),
        staff('sf', 'teaching', '學校行政（教學組）', '吳教學', [Role.SCHOOL_ADMIN], [AdminSection.TEACHING]),
        staff('sf', 'affairs', '學校行政（訓育組）', '鄭訓育', [Role.SCHOOL_ADMIN], [AdminSection.STUDENT_AFFAIRS]),
        staff('sf', 'it', '學校行政（資訊組）', '王資訊', [Role.SCHOOL_ADMIN], [AdminSection.IT]),
        staff(
          'sf',
          'secretary',
          '學校行政（執行秘書）',
          '林秘書',
          [Role.SCHOOL_ADMIN, Role.TEACHER],
          [AdminSection.COORDINATOR],
        ),
        staff('sf', 'teacher', '任課教師', '陳老師', [Role.TEACHER]),
        staff('sf', 'homeroom', '導師（兼任課教師）', '黃導師', [Role.TEACHER, Role.HOMEROOM_TEACHER]),
        staff('sf', 'counselor', '課程諮詢教師', '張諮詢', [Role.TEACHER, Role.COUNSELOR]),
      ],
      classes: [
        { name: '101', gradeYear: 10, homeroom: false, students: 8 },
        { name: '201', gradeYear: 11, homeroom: false, students: 8 },
        { name: '301', gradeYear: 12, homeroom: true, students: 8 },
      ],
    },
    {
      code: '383301',
      name: '臺北市立示範高級中學',
      division: SchoolDivision.NIGHT,
      prefix: 'sfn',
      staff: [
        staff('sfn', 'registration', '學校行政（註冊組）', '蔡註冊', [Role.SCHOOL_ADMIN], [AdminSection.REGISTRATION]),
        staff('sfn', 'homeroom', '導師（兼任課教師）', '許導師', [Role.TEACHER, Role.HOMEROOM_TEACHER]),
      ],
      classes: [{ name: '進101', gradeYear: 10, homeroom: true, students: 4 }],
    },
    {
      code: '393301',
      name: '臺北市立範例高級中學',
      division: SchoolDivision.DAY,
      prefix: 'fl',
      staff: [
        staff('fl', 'registration', '學校行政（註冊組）', '謝註冊', [Role.SCHOOL_ADMIN], [AdminSection.REGISTRATION]),
        staff('fl', 'homeroom', '導師（兼任課教師）', '郭導師', [Role.TEACHER, Role.HOMEROOM_TEACHER]),
      ],
      classes: [
        { name: '101', gradeYear: 10, homeroom: true, students: 4 },
        { name: '301', gradeYear: 12, homeroom: false, students: 4 },
      ],
    },
  ];
}

/**
 * Seeds the demo city once: the bureau, two schools of which one has both divisions (three tenants), the current
 * academic year with classes, staff of every section, teachers and students, this term's and the previous term's
 * courses, the timelines, and then a term of activity through the platform's services (demo-activity.ts) so that
 * every page has something to show. Returns the logins to print; on a database that already has the demo, seeds
 * nothing and returns them again.
 */
export async function seedDemo(owner: MikroORM, services: AppServices): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [
    { role: '教育局管理者', school: '臺北市政府教育局', username: 'bureau.admin', password: DEMO_PASSWORD },
  ];
  const schools = plan();
  for (const school of schools) {
    const where = `${school.name} ${DIVISION_LABELS[school.division]}`;
    for (const member of school.staff)
      logins.push({ role: member.label, school: where, username: member.username, password: DEMO_PASSWORD });
    logins.push({
      role: '學生',
      school: where,
      username: `${school.prefix}.s${studentNumber(school, 0, 0)}`,
      password: DEMO_PASSWORD,
    });
  }

  const em = owner.em.fork();
  if (await em.findOne(Authority, { code: DEMO_AUTHORITY_CODE }, { filters: false })) return logins;

  const { auth, pii, clock } = services;
  const currentYear = academicYearOf(clock.now());
  const authority = await owner.em
    .fork()
    .transactional((tx) => createAuthority(tx, DEMO_AUTHORITY_CODE, '臺北市政府教育局'));
  await inTenantTransaction(owner.em, { schoolId: null, authorityId: authority.id }, async (tx) => {
    await createBureauAccount(tx, auth, tx.getReference(Authority, authority.id), {
      username: 'bureau.admin',
      displayName: '教育局承辦人',
      password: DEMO_PASSWORD,
    });
  });

  let person = 0;
  let courseNumber = 0;
  const demoSchools: DemoSchool[] = [];
  const previous = previousTermOf(clock.now());
  for (const schoolPlan of schools) {
    const school: School = await owner.em.fork().transactional((tx) =>
      createSchool(tx, tx.getReference(Authority, authority.id), {
        code: schoolPlan.code,
        name: schoolPlan.name,
        division: schoolPlan.division,
      }),
    );
    const seeded = await inTenantTransaction(owner.em, { schoolId: school.id, authorityId: null }, async (tx) => {
      const here = tx.merge(school);
      const years = await createAcademicYears(tx, here, [currentYear - 1, currentYear]);
      const thisYear = years.get(currentYear)!.year;
      const term = years.get(currentYear)!.terms[semesterOf(clock.now()) - 1]!;
      const lastTerm = years.get(previous.year)!.terms[previous.semester - 1]!;
      const accounts = [];
      for (const member of schoolPlan.staff) accounts.push(await createSchoolAccount(tx, auth, here, member));
      const homeroomTeacher = accounts.find((account) => account.roles.includes(Role.HOMEROOM_TEACHER)) ?? null;
      const students: DemoStudent[] = [];
      const sections: DemoSection[] = [];
      const lastSections: DemoSection[] = [];
      for (const [classIndex, classPlan] of schoolPlan.classes.entries()) {
        const schoolClass = await createClass(tx, here, thisYear, {
          name: classPlan.name,
          gradeYear: classPlan.gradeYear,
          homeroomTeacher: classPlan.homeroom ? homeroomTeacher : null,
        });
        const cohort = currentYear - (classPlan.gradeYear - 10);
        const classmates = [];
        for (let seat = 1; seat <= classPlan.students; seat += 1) {
          person += 1;
          const number = studentNumber(schoolPlan, classIndex, seat - 1);
          const { student, account } = await createStudent(tx, auth, pii, here, {
            studentNumber: number,
            name: fictionalName(person),
            nationalId: fictionalNationalId(person),
            birthDate: `${cohort + 1911 - 15}-${String((person % 12) + 1).padStart(2, '0')}-${String((person % 27) + 1).padStart(2, '0')}`,
            cohort,
            seatNumber: seat,
            schoolClass,
            login: { username: `${schoolPlan.prefix}.s${number}`, password: DEMO_PASSWORD },
          });
          classmates.push(student);
          students.push({ id: student.id, number, login: personOf(account!) });
        }
        // This term's courses for the class, so teachers have sections to grade and homeroom teachers records to see.
        const teachers = accounts.filter((account) => account.roles.includes(Role.TEACHER));
        for (const [subjectIndex, subjectName] of ['國文', '英文', '數學'].entries()) {
          courseNumber += 1;
          const spec = {
            code: fictionalCourseCode(courseNumber),
            subjectName,
            gradeYear: classPlan.gradeYear,
            credits: subjectName === '數學' ? 4 : 3,
            sectionName: classPlan.name,
            teacher: teachers[(subjectIndex + 1) % teachers.length]!,
            students: classmates,
          };
          sections.push(await demoSection(tx, await createCourseSection(tx, here, term, spec), spec));
        }
        // The previous term's courses of the class, as it was called then: after a second term the class was a
        // grade lower (a grade-10 class had not started yet).
        const yearsBack = previous.year === currentYear ? 0 : 1;
        const gradeThen = classPlan.gradeYear - yearsBack;
        const subjects = PREVIOUS_TERM_SUBJECTS[gradeThen] ?? [];
        for (const [subjectIndex, subjectName] of subjects.entries()) {
          courseNumber += 1;
          const spec = {
            code: fictionalCourseCode(courseNumber),
            subjectName,
            gradeYear: gradeThen,
            credits: subjectName === '數學' ? 4 : subjectIndex < 3 ? 3 : 2,
            sectionName: classPlan.name.replace(/\d/, (digit) => String(Number(digit) - yearsBack)),
            teacher: teachers[(subjectIndex + 1) % teachers.length]!,
            students: classmates,
          };
          lastSections.push(await demoSection(tx, await createCourseSection(tx, here, lastTerm, spec), spec));
        }
      }
      return {
        id: school.id,
        authorityId: authority.id,
        prefix: schoolPlan.prefix,
        staff: accounts.map(personOf),
        students,
        current: { termId: term.id, startsOn: term.startsOn, endsOn: term.endsOn, sections },
        previous: { termId: lastTerm.id, startsOn: lastTerm.startsOn, endsOn: lastTerm.endsOn, sections: lastSections },
      };
    });
    demoSchools.push(seeded);
  }
  await seedDemoTimelines(
    owner,
    authority.id,
    demoSchools.map((school) => school.id),
    clock.now(),
    services.config.timeline,
  );
  const started = Date.now();
  const activity = await seedDemoActivity(services, demoSchools, clock.now());
  // Written in bulk a moment ago: until autovacuum gets to the tables, PostgreSQL has no statistics and plans as if
  // they were empty (我的班級's enrolments took a nested loop over every course of the term, ten times slower).
  await owner.em.getConnection().execute('analyze');
  services.log.info('demo activity seeded', { ...activity, milliseconds: Date.now() - started });
  return logins;
}

/** The previous term's subjects by the grade the class was in then. */
const PREVIOUS_TERM_SUBJECTS: Record<number, string[]> = {
  10: ['國文', '英文', '數學', '物理'],
  11: ['國文', '英文', '數學', '自然科學探究與實作'],
  12: ['國文', '英文', '數學', '專題研究'],
};

const personOf = (account: UserAccount): SeedPerson => ({
  accountId: account.id,
  credentialId: account.credentialId,
  username: account.username,
  displayName: account.displayName,
  roles: account.roles,
  adminSections: account.adminSections,
});

async function demoSection(
  tx: EntityManager,
  section: CourseSection,
  spec: { code: string; subjectName: string; sectionName: string; teacher: UserAccount },
): Promise<DemoSection> {
  const enrolments = await tx.find(Enrolment, { section });
  return {
    id: section.id,
    code: spec.code,
    subjectName: spec.subjectName,
    className: spec.sectionName,
    teacherId: spec.teacher.id,
    enrolments: enrolments.map((enrolment) => ({ id: enrolment.id, studentId: enrolment.student.id })),
  };
}

function studentNumber(school: DemoSchoolPlan, classIndex: number, seatIndex: number): string {
  const classPlan = school.classes[classIndex]!;
  return `${classPlan.gradeYear - 9}${String(classIndex + 1).padStart(2, '0')}${String(seatIndex + 1).padStart(3, '0')}`;
}

export function formatLoginTable(logins: DemoLogin[]): string {
  const widths = [10, 15, 9];
  const pad = (text: string, width: number): string => {
    const visual = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    return text + ' '.repeat(Math.max(1, width * 2 - visual));
  };
  const header = `${pad('角色', widths[0]!)}${pad('學校', widths[1]!)}${pad('帳號', widths[2]!)}密碼`;
  const rows = logins.map(
    (l) => `${pad(l.role, widths[0]!)}${pad(l.school, widths[1]!)}${pad(l.username, widths[2]!)}${l.password}`,
  );
  return [header, ...rows].join('\n');
}
