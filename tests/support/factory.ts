import { randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { inTenantTransaction } from '../../api/src/common/tenant.js';
import { pgTextArray } from '../../api/src/common/sql.js';
import { keepBytes } from '../../api/src/modules/files/generated-upload.js';
import { academicYearOf, semesterOf, taipeiIsoDate } from '../../api/src/common/roc.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import {
  createAcademicYears,
  createAuthority,
  createBureauAccount,
  createClass,
  createSchool,
  createSchoolAccount,
  createCourseSection,
  createStudent,
  fictionalCourseCode,
  fictionalName,
  fictionalNationalId,
} from '../../api/src/db/seed/builders.js';
import type { Authority } from '../../api/src/modules/authority/authority.entity.js';
import { AdminSection, Role } from '../../api/src/common/roles.js';
import type { Student } from '../../api/src/modules/people/student.entity.js';
import type { UserAccount } from '../../api/src/modules/people/user-account.entity.js';
import type { SchoolClass } from '../../api/src/modules/people/school-class.entity.js';
import { type School, SchoolDivision } from '../../api/src/modules/school/school.entity.js';
import type { AcademicYear, Term } from '../../api/src/modules/term/term.entity.js';
import type { AppServices } from '../../api/src/common/context.js';
import { governsAcademicYear, type TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { adoptTemplateFor, insertTemplate } from '../../api/src/modules/timeline/timeline.service.js';
import type { TimelineTemplate } from '../../api/src/modules/timeline/timeline-template.entity.js';
import type { TimelineTask } from '../../api/src/modules/timeline/timeline-task.entity.js';

export interface WindowSpec {
  kind: TaskKind;
  category?: SubmissionCategory | null;
  /** The data the window governs; by default the current term's, or its academic year's for a yearly window. */
  period?: string;
  grade12Round?: boolean;
  startsAt: Date;
  endsAt: Date;
  earliestStart?: Date;
  latestEnd?: Date;
}

export const TEST_PASSWORD = 'test-password-1';

export interface Login {
  username: string;
  password: string;
}

export interface TestSchool {
  school: School;
  years: AcademicYear[];
  terms: Term[];
  classes: SchoolClass[];
  students: Student[];
  accounts: UserAccount[];
  /** One login per role the tests need. */
  logins: {
    registration: Login;
    affairs: Login;
    teacher: Login;
    homeroom: Login;
    counselor: Login;
    otherCounselor: Login;
    /** 教學組 and 資訊組: imports courses, enrolments and teacher accounts. */
    teaching: Login;
    student: Login;
  };
}

export interface SchoolOptions {
  division?: SchoolDivision;
  code?: string;
  studentsPerClass?: number;
  /** Give every student a login (the default), or only the first one (faster for large classes). */
  studentLogins?: 'all' | 'first';
}

export interface SectionSpec {
  subjectName: string;
  teacher: UserAccount;
  students: Student[];
  gradeYear?: number;
}

let personCounter = 0;
let sectionCounter = 0;
const token = (): string => randomBytes(4).toString('hex');
const randomCode = (): string => String(100000 + Math.floor(Math.random() * 900000));

/**
 * A school code no school of the division has yet: a run's files share one database and make hundreds of schools,
 * and two random codes alike (a few per cent a run) had failed a test on the unique (code, division).
 */
async function unusedCode(em: EntityManager, division: SchoolDivision): Promise<string> {
  for (;;) {
    const code = randomCode();
    const taken = await em.execute('select 1 from school where code = ? and division = ?', [code, division]);
    if (taken.length === 0) return code;
  }
}

/** An authority of its own, to which schools are added; every test builds the schools it needs. */
export class TestCity {
  constructor(
    private readonly factory: TestFactory,
    readonly authority: Authority,
    readonly bureauLogin: Login,
  ) {}

  school(options: SchoolOptions = {}): Promise<TestSchool> {
    return this.factory.school(this.authority, options);
  }

  /** Publishes a template for the current term with these windows, and has each school adopt it as it is. */
  async timeline(
    windows: WindowSpec[],
    schools: TestSchool[],
  ): Promise<{ template: TimelineTemplate; tasks: Map<TestSchool, TimelineTask[]> }> {
    return this.factory.timeline(this.authority, windows, schools);
  }
}

export class TestFactory {
  constructor(
    private readonly owner: MikroORM,
    private readonly services: AppServices,
  ) {}

  async timeline(
    authority: Authority,
    windows: WindowSpec[],
    schools: TestSchool[],
  ): Promise<{ template: TimelineTemplate; tasks: Map<TestSchool, TimelineTask[]> }> {
    const { clock, config } = this.services;
    const now = clock.now();
    const template = await inTenantTransaction(
      this.owner.em,
      { schoolId: null, authorityId: authority.id },
      async (tx) => {
        const result = await insertTemplate(
          tx,
          authority.id,
          {
            academicYear: academicYearOf(now),
            semester: semesterOf(now),
            name: `測試期程 ${token()}`,
            tasks: windows.map((window) => ({
              ...window,
              period:
                window.period ??
                (governsAcademicYear(window.kind, window.category)
                  ? `${academicYearOf(now)}_0`
                  : `${academicYearOf(now)}${semesterOf(now)}`),
            })),
          },
          now,
          config.timeline,
          null,
        );
        if (!result.value) throw new Error(`template refused: ${JSON.stringify(result.userErrors)}`);
        return result.value;
      },
    );
    const tasks = new Map<TestSchool, TimelineTask[]>();
    for (const school of schools) {
      const adopted = await inTenantTransaction(
        this.owner.em,
        { schoolId: school.school.id, authorityId: null },
        (tx) => adoptTemplateFor(tx, school.school.id, tx.merge(template), [], now, config.timeline),
      );
      if (!adopted.value) throw new Error(`adoption refused: ${JSON.stringify(adopted.userErrors)}`);
      tasks.set(school, adopted.value);
    }
    return { template, tasks };
  }

  /** Courses of the school's current term, one section each, with the given teacher and students enrolled. */
  /** The school's term the server's clock is in. */
  currentTerm(school: TestSchool): Term {
    const today = taipeiIsoDate(this.services.clock.now());
    return school.terms.find((t) => t.startsOn <= today && today <= t.endsOn)!;
  }

  /**
   * The course records a submission round reads: 物理 for `physicsStudents` (by default the first class) and 國語文 for
   * every student, all graded 80, passed and counted. Returns the 物理 section and the current term.
   */
  async gradedSections(
    school: TestSchool,
    physicsStudents: Student[] = school.students.filter((s) => s.schoolClass?.id === school.classes[0]!.id),
  ): Promise<{ physics: CourseSection; term: Term }> {
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    const [physics] = await this.sections(school, [
      { subjectName: '物理', teacher, students: physicsStudents },
      { subjectName: '國語文', teacher, students: school.students },
    ]);
    await this.owner.em
      .fork()
      .getConnection()
      .execute('update enrolment set term_grade = 80, passed = true, credits_counted = true where school_id = ?', [
        school.school.id,
      ]);
    return { physics: physics!, term: this.currentTerm(school) };
  }

  async sections(school: TestSchool, specs: SectionSpec[]): Promise<CourseSection[]> {
    const term = this.currentTerm(school);
    return inTenantTransaction(this.owner.em, { schoolId: school.school.id, authorityId: null }, async (tx) => {
      const sections: CourseSection[] = [];
      for (const spec of specs) {
        sectionCounter += 1;
        sections.push(
          await createCourseSection(tx, tx.merge(school.school), tx.merge(term), {
            code: fictionalCourseCode(sectionCounter),
            subjectName: spec.subjectName,
            gradeYear: spec.gradeYear ?? 12,
            credits: 2,
            sectionName: '301',
            teacher: tx.merge(spec.teacher),
            students: spec.students.map((student) => tx.merge(student)),
          }),
        );
      }
      return sections;
    });
  }

  /**
   * Course outcomes waiting for certification, `perStudent` for every student of the section, each with a stored
   * document upload whose bytes (a few of a PDF's) are in the file store, so a package can carry them.
   */
  async outcomes(
    school: TestSchool,
    section: Pick<CourseSection, 'id'>,
    perStudent: number,
    uploaderId: string,
  ): Promise<number> {
    return inTenantTransaction(this.owner.em, { schoolId: school.school.id, authorityId: null }, async (tx) => {
      const made = await tx.execute<{ upload_id: string }[]>(
        `with made as (
           select e.school_id, e.id as enrolment_id, e.student_id, c.term_id, t.academic_year_id, n,
                  gen_random_uuid() as outcome_id, gen_random_uuid() as upload_id
           from enrolment e
           join course_section s on s.school_id = e.school_id and s.id = e.section_id
           join course c on c.school_id = s.school_id and c.id = s.course_id
           join term t on t.school_id = c.school_id and t.id = c.term_id
           cross join generate_series(1, ?) n
           where e.school_id = ? and e.section_id = ?
         ), uploads as (
           insert into upload (school_id, id, purpose, file_name, declared_size, created_by, created_at, expires_at,
                               sha256, size, content_type, stored_at)
           select school_id, upload_id, 'DOCUMENT', '成果' || n || '.pdf', 100, ?, now(), now(),
                  encode(sha256(upload_id::text::bytea), 'hex'), 100, 'application/pdf', now()
           from made returning id
         ), outcomes as (
           insert into course_outcome (school_id, id, student_id, enrolment_id, term_id, academic_year_id, kind, status,
                                       created_at, updated_at)
           select school_id, outcome_id, student_id, enrolment_id, term_id, academic_year_id, 'OTHER', 'PENDING',
                  now(), now()
           from made returning id
         )
         insert into course_outcome_version (school_id, id, outcome_id, version, description, document_upload_id,
                                             status, created_at)
         select m.school_id, gen_random_uuid(), m.outcome_id, 1, '簡述 ' || m.n, m.upload_id, 'PENDING', now()
         from made m
         where exists (select 1 from outcomes o where o.id = m.outcome_id)
           and exists (select 1 from uploads u where u.id = m.upload_id)
         returning document_upload_id as upload_id`,
        [perStudent, school.school.id, section.id, uploaderId],
      );
      const files = await Promise.all(
        made.map(async ({ upload_id }) => {
          const bytes = Buffer.from(`%PDF-1.4\n% outcome ${upload_id}\n`);
          return { id: upload_id, sha256: await keepBytes(this.services.files, bytes), size: bytes.length };
        }),
      );
      await tx.execute(
        `update upload u set sha256 = f.sha256, size = f.size, declared_size = f.size
         from unnest(?::uuid[], ?::text[], ?::int[]) as f(id, sha256, size)
         where u.school_id = ? and u.id = f.id`,
        [
          pgTextArray(files.map((f) => f.id)),
          pgTextArray(files.map((f) => f.sha256)),
          `{${files.map((f) => f.size).join(',')}}`,
          school.school.id,
        ],
      );
      const [count] = await tx.execute<{ n: number }[]>(
        'select count(*)::int as n from course_outcome o join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id where e.section_id = ?',
        [section.id],
      );
      return count?.n ?? 0;
    });
  }

  async city(): Promise<TestCity> {
    const prefix = `t${token()}`;
    const authority = await this.owner.em
      .fork()
      .transactional((tx) => createAuthority(tx, `AUTH-${prefix}`, `測試教育局 ${prefix}`));
    const bureauLogin = { username: `${prefix}.bureau`, password: TEST_PASSWORD };
    await inTenantTransaction(this.owner.em, { schoolId: null, authorityId: authority.id }, (tx) =>
      createBureauAccount(tx, this.services.auth, tx.merge(authority), {
        ...bureauLogin,
        displayName: '教育局測試員',
      }),
    );
    return new TestCity(this, authority, bureauLogin);
  }

  /** A school with the current and previous academic year, one class with a homeroom teacher, staff and students. */
  async school(authority: Authority, options: SchoolOptions = {}): Promise<TestSchool> {
    const prefix = `t${token()}`;
    const division = options.division ?? SchoolDivision.DAY;
    const school = await this.owner.em.fork().transactional(async (tx) =>
      createSchool(tx, tx.merge(authority), {
        code: options.code ?? (await unusedCode(tx, division)),
        name: `測試高級中學 ${prefix}`,
        division,
      }),
    );
    const { auth, pii, clock } = this.services;
    const login = (role: string): Login => ({ username: `${prefix}.${role}`, password: TEST_PASSWORD });
    const logins = {
      registration: login('registration'),
      affairs: login('affairs'),
      teacher: login('teacher'),
      homeroom: login('homeroom'),
      counselor: login('counselor'),
      otherCounselor: login('counselor2'),
      teaching: login('teaching'),
      student: login('student1'),
    };
    return inTenantTransaction(this.owner.em, { schoolId: school.id, authorityId: null }, async (tx) => {
      const here = tx.merge(school);
      const current = academicYearOf(clock.now());
      const yearMap = await createAcademicYears(tx, here, [current - 1, current]);
      const accounts = [
        await createSchoolAccount(tx, auth, here, {
          ...logins.registration,
          displayName: '註冊組長',
          roles: [Role.SCHOOL_ADMIN],
          adminSections: [AdminSection.REGISTRATION],
        }),
        await createSchoolAccount(tx, auth, here, {
          ...logins.teacher,
          displayName: '任課老師',
          roles: [Role.TEACHER],
        }),
        await createSchoolAccount(tx, auth, here, {
          ...logins.homeroom,
          displayName: '導師',
          roles: [Role.TEACHER, Role.HOMEROOM_TEACHER],
        }),
        await createSchoolAccount(tx, auth, here, {
          ...logins.counselor,
          displayName: '諮詢老師',
          roles: [Role.TEACHER, Role.COUNSELOR],
        }),
        await createSchoolAccount(tx, auth, here, {
          ...logins.affairs,
          displayName: '訓育組長',
          roles: [Role.SCHOOL_ADMIN],
          adminSections: [AdminSection.STUDENT_AFFAIRS],
        }),
        await createSchoolAccount(tx, auth, here, {
          ...logins.otherCounselor,
          displayName: '另一位諮詢老師',
          roles: [Role.TEACHER, Role.COUNSELOR],
        }),
        await createSchoolAccount(tx, auth, here, {
          ...logins.teaching,
          displayName: '教學組長',
          roles: [Role.SCHOOL_ADMIN],
          adminSections: [AdminSection.TEACHING, AdminSection.IT],
        }),
      ];
      const thisYear = yearMap.get(current)!.year;
      const homeroomClass = await createClass(tx, here, thisYear, {
        name: '301',
        gradeYear: 12,
        homeroomTeacher: accounts[2],
      });
      const otherClass = await createClass(tx, here, thisYear, { name: '101', gradeYear: 10 });
      const students: Student[] = [];
      const perClass = options.studentsPerClass ?? 2;
      for (const [classIndex, schoolClass] of [homeroomClass, otherClass].entries()) {
        for (let seat = 1; seat <= perClass; seat += 1) {
          personCounter += 1;
          const n = Number.parseInt(token(), 16) + personCounter;
          const first = classIndex === 0 && seat === 1;
          const login = first
            ? logins.student
            : options.studentLogins === 'first'
              ? undefined
              : { username: `${prefix}.s${classIndex}${seat}`, password: TEST_PASSWORD };
          const { student, account } = await createStudent(tx, auth, pii, here, {
            studentNumber: `${classIndex + 1}${String(seat).padStart(4, '0')}`,
            name: fictionalName(n),
            nationalId: fictionalNationalId(n),
            birthDate: '2008-05-01',
            cohort: current - (schoolClass.gradeYear - 10),
            seatNumber: seat,
            schoolClass,
            login,
          });
          students.push(student);
          if (account) accounts.push(account);
        }
      }
      return {
        school,
        years: [...yearMap.values()].map((entry) => entry.year),
        terms: [...yearMap.values()].flatMap((entry) => entry.terms),
        classes: [homeroomClass, otherClass],
        students,
        accounts,
        logins,
      };
    });
  }
}
