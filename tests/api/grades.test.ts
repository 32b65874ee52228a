import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { CourseSection } from '../../api/src/modules/course/course.entity.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let math: CourseSection;
let english: CourseSection;

const ENTER = `mutation ($input: EnterGradesInput!) {
  enterGrades(input: $input) { enrolments { id termGrade passed } userErrors { field code message } }
}`;

interface EnterData {
  enterGrades: {
    enrolments: { id: string; termGrade: number | null; passed: boolean | null }[];
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

async function enrolmentIds(section: CourseSection): Promise<string[]> {
  const rows = await app.sql<{ id: string }>(
    'select id from enrolment where school_id = ? and section_id = ? order by id',
    [school.school.id, section.id],
  );
  return rows.map((row) => toGlobalId('Enrolment', row.id));
}

async function gradesOf(section: CourseSection): Promise<(string | null)[]> {
  const rows = await app.sql<{ term_grade: string | null }>(
    'select term_grade from enrolment where school_id = ? and section_id = ? order by id',
    [school.school.id, section.id],
  );
  return rows.map((row) => row.term_grade);
}

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  school = await city.school({ studentsPerClass: 3 });
  await city.timeline([{ kind: TaskKind.GRADE_ENTRY, startsAt: at(-5), endsAt: at(5) }], [school]);
  const teacher = school.accounts.find((a) => a.username === school.logins.teacher.username)!;
  const homeroom = school.accounts.find((a) => a.username === school.logins.homeroom.username)!;
  const classmates = school.students.slice(0, 3);
  const sections = await app.factory.sections(school, [
    { subjectName: '數學', teacher, students: classmates },
    { subjectName: '英文', teacher: homeroom, students: classmates },
  ]);
  [math, english] = [sections[0]!, sections[1]!];
});
afterAll(() => app.close());

describe('entering grades', () => {
  it('lets the subject teacher see their own sections and enter grades inside the window', async () => {
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const sections = await teacher.ok<{
      mySections: { id: string; course: { subjectName: string; code: string }; enrolments: { id: string }[] }[];
    }>('{ mySections { id course { subjectName code } enrolments { id } } }');
    expect(sections.mySections.map((s) => s.course.subjectName)).toEqual(['數學']);
    expect(sections.mySections[0]!.enrolments).toHaveLength(3);

    const [a, b, c] = await enrolmentIds(math);
    const result = await teacher.ok<EnterData>(ENTER, {
      input: {
        sectionId: toGlobalId('CourseSection', math.id),
        grades: [
          { enrolmentId: a, termGrade: 88.5 },
          { enrolmentId: b, termGrade: 59, qualitativeNote: '需加強' },
          { enrolmentId: c, termGrade: 40, passed: true, makeupGrade: 60 },
        ],
      },
    });
    expect(result.enterGrades.userErrors).toEqual([]);
    expect(result.enterGrades.enrolments.map((e) => [e.termGrade, e.passed])).toEqual([
      [88.5, true],
      [59, false],
      [40, true],
    ]);
    const audit = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from audit_log where school_id = ? and operation = 'grades.enter'`,
      [school.school.id],
    );
    expect(audit.n).toBe(1);
  });

  it('refuses a teacher entering grades for another teacher’s section, and writes nothing', async () => {
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const before = await gradesOf(english);
    const [a] = await enrolmentIds(english);
    const result = await teacher.request(ENTER, {
      input: { sectionId: toGlobalId('CourseSection', english.id), grades: [{ enrolmentId: a, termGrade: 100 }] },
    });
    expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await gradesOf(english)).toEqual(before);
  });

  it('takes every grade with at most two decimals, whatever binary floating point makes of it', async () => {
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const [a, b, c] = await enrolmentIds(math);
    // 64.1 * 100 is 6409.999999999999 in floating point; the grade itself has one decimal.
    const result = await teacher.ok<EnterData>(ENTER, {
      input: {
        sectionId: toGlobalId('CourseSection', math.id),
        grades: [
          { enrolmentId: a, termGrade: 64.1 },
          { enrolmentId: b, termGrade: 57.35 },
          { enrolmentId: c, termGrade: 0.29 },
        ],
      },
    });
    expect(result.enterGrades.userErrors).toEqual([]);
    expect(result.enterGrades.enrolments.map((e) => e.termGrade)).toEqual([64.1, 57.35, 0.29]);
  });

  it('checks every row first: one bad grade leaves all of them unchanged', async () => {
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const before = await gradesOf(math);
    const [a, b, c] = await enrolmentIds(math);
    const [foreign] = await enrolmentIds(english);
    const result = await teacher.ok<EnterData>(ENTER, {
      input: {
        sectionId: toGlobalId('CourseSection', math.id),
        grades: [
          { enrolmentId: a, termGrade: 70 },
          { enrolmentId: b, termGrade: 101 },
          { enrolmentId: c, termGrade: 66.666 },
          { enrolmentId: foreign, termGrade: 80 },
          { enrolmentId: a, termGrade: 71, qualitativeNote: '字'.repeat(201) },
        ],
      },
    });
    expect(result.enterGrades.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.grades.1.termGrade', 'INVALID_GRADE'],
      ['input.grades.2.termGrade', 'INVALID_GRADE'],
      ['input.grades.3.enrolmentId', 'NOT_IN_SECTION'],
      ['input.grades.4.enrolmentId', 'DUPLICATE_ROW'],
      ['input.grades.4.qualitativeNote', 'NOTE_TOO_LONG'],
    ]);
    expect(await gradesOf(math)).toEqual(before);
  });

  it('obeys the GRADE_ENTRY window by the server clock, naming it in ROC dates', async () => {
    const [a] = await enrolmentIds(math);
    const before = await gradesOf(math);
    const signIn = () => app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    app.clock.advance(6 * DAY);
    try {
      const teacher = await signIn();
      const late = await teacher.ok<EnterData>(ENTER, {
        input: { sectionId: toGlobalId('CourseSection', math.id), grades: [{ enrolmentId: a, termGrade: 99 }] },
      });
      expect(late.enterGrades.userErrors).toEqual([
        {
          field: [],
          code: 'WINDOW_CLOSED',
          message:
            '「登錄 115學年度第1學期 學期成績」已於 115/12/03 09:00 截止（期間 115/11/23 09:00–115/12/03 09:00）。',
        },
      ]);
    } finally {
      app.clock.advance(-6 * DAY);
    }
    app.clock.advance(-6 * DAY);
    try {
      const teacher = await signIn();
      const early = await teacher.ok<EnterData>(ENTER, {
        input: { sectionId: toGlobalId('CourseSection', math.id), grades: [{ enrolmentId: a, termGrade: 99 }] },
      });
      expect(early.enterGrades.userErrors.map((e) => e.code)).toEqual(['WINDOW_NOT_OPEN']);
    } finally {
      app.clock.advance(6 * DAY);
    }
    expect(await gradesOf(math)).toEqual(before);
  });
});

describe('the homeroom view without N+1', () => {
  const ROSTER = `query ($id: ID!) {
    node(id: $id) {
      ... on SchoolClass {
        name
        students {
          studentNumber
          name
          statusLabel
          enrolments { termGrade passed section { name teacher { displayName } course { code subjectName credits } } }
        }
      }
    }
  }`;

  /** Counts the SQL statements the API runs while answering one request. */
  async function statementsFor(run: () => Promise<unknown>): Promise<number> {
    const connection = app.services.orm.em.getConnection();
    const original = connection.execute.bind(connection);
    let count = 0;
    connection.execute = ((...args: Parameters<typeof original>) => {
      count += 1;
      return original(...args);
    }) as typeof connection.execute;
    try {
      await run();
    } finally {
      connection.execute = original;
    }
    return count;
  }

  async function rosterStatements(size: number): Promise<{ statements: number; students: number; enrolments: number }> {
    const target = await city.school({ studentsPerClass: size, studentLogins: 'first' });
    const teacher = target.accounts.find((a) => a.username === target.logins.teacher.username)!;
    const classmates = target.students.filter((s) => s.schoolClass?.id === target.classes[0]!.id);
    await app.factory.sections(
      target,
      ['國文', '數學', '英文'].map((subjectName) => ({ subjectName, teacher, students: classmates })),
    );
    const homeroom = await app.client().login(target.logins.homeroom.username, target.logins.homeroom.password);
    let data: { node: { students: { enrolments: unknown[] }[] } } | undefined;
    const statements = await statementsFor(async () => {
      data = await homeroom.ok(ROSTER, { id: toGlobalId('SchoolClass', target.classes[0]!.id) });
    });
    return {
      statements,
      students: data!.node.students.length,
      enrolments: data!.node.students.reduce((sum, s) => sum + s.enrolments.length, 0),
    };
  }

  it('answers class → students → enrolments → grades with the same number of statements for 5 and for 40 students', async () => {
    const small = await rosterStatements(5);
    const large = await rosterStatements(40);
    expect(small.students).toBe(5);
    expect(large.students).toBe(40);
    expect(small.enrolments).toBe(15);
    expect(large.enrolments).toBe(120);
    expect(large.statements).toBe(small.statements);
  });
});
