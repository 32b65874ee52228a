import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { academicYearOf } from '../../api/src/common/roc.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { inTenantTransaction } from '../../api/src/common/tenant.js';
import { readRosters } from '../../api/src/modules/round/central/rosters.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';

// The new academic year (學年度升級), point 1 of issue 21, and 復學 (point 3): through the real endpoints, each test on
// a school of its own. The factory's school has this year's classes 301 (grade 12) and 101 (grade 10).

let app: TestApp;
let thisYear: number;

const PREVIEW = `query ($toYear: Int!, $upload: ID) {
  rolloverPreview(toYear: $toYear, classListUploadId: $upload) {
    fromYear toYear byClassList canCommit
    counts { promoted repeating graduated suspendedKept unplaced classesCreated }
    classes { name gradeYear students exists homeroomFrom }
    problems { rowNumber column code message }
    openRounds { termLabel categoryLabels }
    done { label }
  }
}`;
const COMMIT = `mutation ($input: CommitRolloverInput!) {
  commitRollover(input: $input) {
    rolloverRun { id label runAtLabel counts { promoted repeating graduated suspendedKept classesCreated } }
    userErrors { field code message }
  }
}`;
const READMIT = `mutation ($input: ReadmitStudentInput!) {
  readmitStudent(input: $input) { student { status cohort schoolClass { name } } userErrors { field code message } }
}`;

interface Preview {
  rolloverPreview: {
    fromYear: number;
    toYear: number;
    byClassList: boolean;
    canCommit: boolean;
    counts: Record<string, number>;
    classes: { name: string; gradeYear: number; students: number; exists: boolean; homeroomFrom: string | null }[];
    problems: { rowNumber: number; column: string | null; code: string; message: string }[];
    openRounds: { termLabel: string; categoryLabels: string[] }[];
    done: { label: string } | null;
  };
}
interface Commit {
  commitRollover: {
    rolloverRun: { id: string; label: string; counts: Record<string, number> } | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

/** Everything a rollover may write, so a refusal can be shown to have written nothing. */
async function footprint(school: TestSchool) {
  return app.sqlOne<Record<string, unknown>>(
    `select (select count(*)::int from rollover_run where school_id = $1) as runs,
            (select count(*)::int from class_placement where school_id = $1) as placements,
            (select count(*)::int from academic_year where school_id = $1) as years,
            (select count(*)::int from school_class where school_id = $1) as classes,
            (select string_agg(student_number || ':' || status || ':' || coalesce(class_id::text, '-') || ':' || cohort, ',' order by student_number)
               from student where school_id = $1) as students`.replace(/\$1/g, '?'),
    [school.school.id, school.school.id, school.school.id, school.school.id, school.school.id],
  );
}

const registrar = (school: TestSchool) =>
  app.client().login(school.logins.registration.username, school.logins.registration.password);

async function newSchool(studentsPerClass = 2): Promise<TestSchool> {
  return (await app.factory.city()).school({ studentsPerClass, studentLogins: 'first' });
}

beforeAll(async () => {
  app = await startTestApp();
  thisYear = academicYearOf(app.clock.now());
  // Late in the year's second term: the rollover to the next year is due.
  app.clock.set(new Date(`${thisYear + 1912}-07-20T02:00:00Z`));
});
afterAll(() => app.close());

describe('學年度升級 by the class-name rule', () => {
  it('previews, refuses while terms are open unless acknowledged, then moves everyone at once', async () => {
    const school = await newSchool(3);
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    await app.sql('update school_class set homeroom_teacher_id = ? where school_id = ? and id = ?', [
      teacher.id,
      school.school.id,
      school.classes[1]!.id,
    ]);
    const staff = await registrar(school);
    const before = await footprint(school);
    const preview = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 1 })).rolloverPreview;
    expect(preview).toMatchObject({ fromYear: thisYear, toYear: thisYear + 1, byClassList: false, canCommit: true });
    expect(preview.counts).toMatchObject({
      promoted: 3,
      graduated: 3,
      repeating: 0,
      suspendedKept: 0,
      classesCreated: 1,
    });
    expect(preview.classes).toEqual([{ name: '201', gradeYear: 11, students: 3, exists: false, homeroomFrom: '101' }]);
    expect(preview.problems).toEqual([]);
    // Nothing is finally submitted in a fresh school: both years' terms are listed as open.
    expect(preview.openRounds.map((round) => round.termLabel)).toContain(`${thisYear}學年度第2學期`);
    expect(await footprint(school)).toEqual(before);

    const refused = await staff.ok<Commit>(COMMIT, { input: { toYear: thisYear + 1 } });
    expect(refused.commitRollover.rolloverRun).toBeNull();
    expect(refused.commitRollover.userErrors[0]).toMatchObject({ code: 'ROUNDS_OPEN' });
    expect(refused.commitRollover.userErrors[0]!.message).toContain(`${thisYear}學年度第2學期`);
    expect(await footprint(school)).toEqual(before);

    const done = await staff.ok<Commit>(COMMIT, { input: { toYear: thisYear + 1, acknowledgeOpenRounds: true } });
    expect(done.commitRollover.userErrors).toEqual([]);
    expect(done.commitRollover.rolloverRun).toMatchObject({
      label: `${thisYear}學年度升級到${thisYear + 1}學年度`,
      counts: { promoted: 3, graduated: 3, classesCreated: 1 },
    });

    const rows = await app.sql<{
      student_number: string;
      status: string;
      class_name: string;
      year: number;
      seat_number: number;
    }>(
      `select s.student_number, s.status, c.name as class_name, y.year, s.seat_number
         from student s join school_class c on c.school_id = s.school_id and c.id = s.class_id
         join academic_year y on y.school_id = c.school_id and y.id = c.academic_year_id
        where s.school_id = ? order by s.student_number`,
      [school.school.id],
    );
    const seniors = rows.filter((row) => row.student_number.startsWith('1'));
    const juniors = rows.filter((row) => row.student_number.startsWith('2'));
    // Graduates keep the class they left from; grade 10 moves to 201 of the new year, seats kept.
    expect(
      seniors.every((row) => row.status === 'GRADUATED' && row.class_name === '301' && row.year === thisYear),
    ).toBe(true);
    expect(juniors.map((row) => [row.status, row.class_name, row.year, row.seat_number])).toEqual([
      ['ENROLLED', '201', thisYear + 1, 1],
      ['ENROLLED', '201', thisYear + 1, 2],
      ['ENROLLED', '201', thisYear + 1, 3],
    ]);
    // The new year and its two terms exist; the homeroom teacher went up with the class.
    const newYear = await app.sqlOne<{ terms: number; homeroom: string | null; old_homeroom: string | null }>(
      `select (select count(*)::int from term t where t.school_id = y.school_id and t.academic_year_id = y.id) as terms,
              (select homeroom_teacher_id from school_class where school_id = y.school_id and academic_year_id = y.id and name = '201') as homeroom,
              (select homeroom_teacher_id from school_class where school_id = y.school_id and name = '101') as old_homeroom
         from academic_year y where y.school_id = ? and y.year = ?`,
      [school.school.id, thisYear + 1],
    );
    expect(newYear.terms).toBe(2);
    expect(newYear.homeroom).toBe(teacher.id);
    expect(newYear.old_homeroom).toBe(teacher.id);
    // Where everyone sat in the year they left stays readable, and the graduates' status history says when.
    const placements = await app.sqlOne<{ n: number; graduated: number }>(
      `select (select count(*)::int from class_placement where school_id = $1) as n,
              (select count(*)::int from student_status_change where school_id = $1 and status = 'GRADUATED') as graduated`.replace(
        /\$1/g,
        '?',
      ),
      [school.school.id, school.school.id],
    );
    expect(placements).toEqual({ n: 6, graduated: 3 });
    const audit = await app.sqlOne<{ detail: Record<string, unknown> }>(
      `select detail from audit_log where school_id = ? and operation = 'rollover.commit'`,
      [school.school.id],
    );
    expect(audit.detail).toMatchObject({ fromYear: thisYear, toYear: thisYear + 1, promoted: 3, graduated: 3 });

    // The year left behind still reads as it was: its second term's student roster (submitted in the autumn, after
    // the rollover) lists each student in the class and seat they had that year, not the new ones.
    const secondTerm = school.terms.find(
      (term) => term.semester === 2 && term.academicYear.id === school.years.at(-1)!.id,
    )!;
    const rosters = await inTenantTransaction(
      app.services.orm.em,
      { schoolId: school.school.id, authorityId: null },
      (em) =>
        readRosters(
          em,
          app.services.pii,
          {
            schoolCode: school.school.code,
            termId: secondTerm.id,
            academicYearId: school.years.at(-1)!.id,
            year: thisYear,
            semester: 2,
            cohort: null,
          },
          SubmissionCategory.BASIC,
          app.services.config.portfolio,
        ),
    );
    const register = rosters.find((roster) => roster.path.includes('學生資料名冊'))!;
    const [classAt, seatAt] = [register.columns.indexOf('班級'), register.columns.indexOf('座號')];
    expect(
      register.rows
        .map((row) => [row.cells[classAt], row.cells[seatAt]])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual([
      ['101', 1],
      ['101', 2],
      ['101', 3],
      ['301', 1],
      ['301', 2],
      ['301', 3],
    ]);

    // Class lists show the year asked for; by default the current one (here still the year rolled from).
    const CLASSES = `query ($year: Int) { classes(first: 100, academicYear: $year) { nodes { name gradeYear } } }`;
    type Classes = { classes: { nodes: { name: string; gradeYear: number }[] } };
    expect((await staff.ok<Classes>(CLASSES, { year: thisYear + 1 })).classes.nodes).toEqual([
      { name: '201', gradeYear: 11 },
    ]);
    expect((await staff.ok<Classes>(CLASSES, {})).classes.nodes.map((c) => c.name)).toEqual(['101', '301']);
    expect((await staff.ok<Classes>(CLASSES, { year: 99 })).classes.nodes).toEqual([]);

    // A graduate may still sign in, read-only (the account rules of issue 18).
    const graduate = await app.client().login(school.logins.student.username, school.logins.student.password);
    const me = await graduate.ok<{ me: { readOnlyReason: string | null } }>('{ me { readOnlyReason } }');
    expect(me.me.readOnlyReason).toContain('畢業');

    // Run twice: refused with when it was done, nothing written.
    const after = await footprint(school);
    const again = await staff.ok<Commit>(COMMIT, { input: { toYear: thisYear + 1, acknowledgeOpenRounds: true } });
    expect(again.commitRollover.userErrors[0]).toMatchObject({ code: 'ROLLOVER_DONE' });
    const preview2 = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 1 })).rolloverPreview;
    expect(preview2.done?.label).toBe(`${thisYear}學年度升級到${thisYear + 1}學年度`);
    expect(preview2.canCommit).toBe(false);
    expect(await footprint(school)).toEqual(after);
  });

  it("leaves 休學 students where they are; 復學 puts them in this year's class and a later cohort", async () => {
    const school = await newSchool(2);
    const suspended = school.students.find((student) => student.studentNumber === '20002')!;
    await app.sql(`update student set status = 'SUSPENDED', status_changed_at = ? where school_id = ? and id = ?`, [
      app.clock.now(),
      school.school.id,
      suspended.id,
    ]);
    const staff = await registrar(school);
    const preview = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 1 })).rolloverPreview;
    expect(preview.counts).toMatchObject({ promoted: 1, graduated: 2, suspendedKept: 1 });
    const done = await staff.ok<Commit>(COMMIT, { input: { toYear: thisYear + 1, acknowledgeOpenRounds: true } });
    expect(done.commitRollover.userErrors).toEqual([]);
    const kept = await app.sqlOne<{ status: string; class_id: string }>(
      'select status, class_id from student where school_id = ? and id = ?',
      [school.school.id, suspended.id],
    );
    expect(kept).toEqual({ status: 'SUSPENDED', class_id: school.classes[1]!.id });

    // A year later in the new year, the student comes back into grade 10 (the new 101): a cohort a year later.
    app.clock.set(new Date(`${thisYear + 1912}-09-01T02:00:00Z`));
    try {
      const staff = await registrar(school);
      const newClass = await app.sqlOne<{ id: string }>(
        `insert into school_class (school_id, id, academic_year_id, name, grade_year)
         select school_id, gen_random_uuid(), id, '101', 10 from academic_year where school_id = ? and year = ? returning id`,
        [school.school.id, thisYear + 1],
      );
      const wrongClass = await staff.ok<{ readmitStudent: { userErrors: { code: string }[] } }>(READMIT, {
        input: { id: toGlobalId('Student', suspended.id), classId: toGlobalId('SchoolClass', school.classes[1]!.id) },
      });
      expect(wrongClass.readmitStudent.userErrors.map((error) => error.code)).toEqual(['CLASS_NOT_CURRENT']);
      const senior = await app.sqlOne<{ id: string }>(
        `insert into school_class (school_id, id, academic_year_id, name, grade_year)
         select school_id, gen_random_uuid(), id, '388', 12 from academic_year where school_id = ? and year = ? returning id`,
        [school.school.id, thisYear + 1],
      );
      const skipped = await staff.ok<{ readmitStudent: { userErrors: { code: string; message: string }[] } }>(READMIT, {
        input: { id: toGlobalId('Student', suspended.id), classId: toGlobalId('SchoolClass', senior.id) },
      });
      expect(skipped.readmitStudent.userErrors.map((error) => error.code)).toEqual(['GRADE_MISMATCH']);
      expect(skipped.readmitStudent.userErrors[0]!.message).toContain('休學前在高一');
      const earlier = await staff.ok<{ readmitStudent: { userErrors: { code: string }[] } }>(READMIT, {
        input: {
          id: toGlobalId('Student', suspended.id),
          classId: toGlobalId('SchoolClass', newClass.id),
          cohort: thisYear - 1,
        },
      });
      expect(earlier.readmitStudent.userErrors.map((error) => error.code)).toEqual(['COHORT_EARLIER']);
      const back = await staff.ok<{
        readmitStudent: { student: { status: string; cohort: number; schoolClass: { name: string } } | null };
      }>(READMIT, {
        input: {
          id: toGlobalId('Student', suspended.id),
          classId: toGlobalId('SchoolClass', newClass.id),
          seatNumber: 40,
        },
      });
      expect(back.readmitStudent.student).toEqual({
        status: 'ENROLLED',
        cohort: thisYear + 1,
        schoolClass: { name: '101' },
      });
      // The statistics count the student in the cohort they are in now.
      const stats = await app.sqlOne<{ cohort: number }>(
        'select cohort from student_stats where school_id = ? and student_id = ?',
        [school.school.id, suspended.id],
      );
      expect(stats.cohort).toBe(thisYear + 1);
      const notSuspended = await staff.ok<{ readmitStudent: { userErrors: { code: string }[] } }>(READMIT, {
        input: { id: toGlobalId('Student', suspended.id), classId: toGlobalId('SchoolClass', newClass.id) },
      });
      expect(notSuspended.readmitStudent.userErrors.map((error) => error.code)).toEqual(['NOT_SUSPENDED']);
    } finally {
      app.clock.set(new Date(`${thisYear + 1912}-07-20T02:00:00Z`));
    }
  });
});

describe('學年度升級 from a class list', () => {
  it('lists every problem of a class list and writes nothing; a good list moves, keeps repeaters and graduates the rest', async () => {
    const school = await newSchool(2);
    const staff = await registrar(school);
    const before = await footprint(school);
    const bad = csvFile([
      ['學號', '新班級', '座號'],
      ['20001', '202', '5'],
      ['20001', '203', '6'],
      ['99999', '202', '1'],
      ['10001', '101', '1'],
      ['10002', 'X 班', '1'],
    ]);
    const badUpload = await uploadImportFile(app.url, staff, 'class-list.csv', bad);
    const preview = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 1, upload: badUpload.id })).rolloverPreview;
    expect(preview.canCommit).toBe(false);
    expect(preview.problems.map((problem) => [problem.rowNumber, problem.code])).toEqual([
      [0, 'NOT_LISTED'],
      [3, 'DUPLICATE_ROW'],
      [4, 'UNKNOWN_STUDENT'],
      [5, 'GRADE_JUMP'],
      [6, 'INVALID_CLASS_NAME'],
    ]);
    expect(preview.problems[0]!.message).toContain('20002');
    const refused = await staff.ok<Commit>(COMMIT, {
      input: { toYear: thisYear + 1, classListUploadId: badUpload.id, acknowledgeOpenRounds: true },
    });
    expect(refused.commitRollover.rolloverRun).toBeNull();
    expect(refused.commitRollover.userErrors.length).toBe(5);
    expect(await footprint(school)).toEqual(before);

    // 20001 up to 202, 20002 repeats grade 10 in 102, 10001 repeats grade 12 in 301, 10002 is not listed: graduates.
    const good = csvFile([
      ['學號', '新班級', '座號'],
      ['20001', '202', '5'],
      ['20002', '102', ''],
      ['10001', '301', '1'],
    ]);
    const goodUpload = await uploadImportFile(app.url, staff, 'class-list.csv', good);
    const okPreview = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 1, upload: goodUpload.id }))
      .rolloverPreview;
    expect(okPreview.problems).toEqual([]);
    expect(okPreview.counts).toMatchObject({ promoted: 1, repeating: 2, graduated: 1, classesCreated: 3 });
    const done = await staff.ok<Commit>(COMMIT, {
      input: { toYear: thisYear + 1, classListUploadId: goodUpload.id, acknowledgeOpenRounds: true },
    });
    expect(done.commitRollover.userErrors).toEqual([]);
    const rows = await app.sql<{
      student_number: string;
      status: string;
      class_name: string;
      seat_number: number | null;
    }>(
      `select s.student_number, s.status, c.name as class_name, s.seat_number
         from student s join school_class c on c.school_id = s.school_id and c.id = s.class_id
        where s.school_id = ? order by s.student_number`,
      [school.school.id],
    );
    // Repeaters join the cohort of the grade they repeat; the others keep theirs.
    const cohorts = await app.sql<{ student_number: string; cohort: number }>(
      'select student_number, cohort from student where school_id = ? order by student_number',
      [school.school.id],
    );
    expect(cohorts.map((row) => row.cohort)).toEqual([thisYear - 1, thisYear - 2, thisYear, thisYear + 1]);
    expect(rows.map((row) => [row.student_number, row.status, row.class_name, row.seat_number])).toEqual([
      ['10001', 'ENROLLED', '301', 1],
      ['10002', 'GRADUATED', '301', 2],
      ['20001', 'ENROLLED', '202', 5],
      ['20002', 'ENROLLED', '102', 2],
    ]);
    const run = await app.sqlOne<{ by_class_list: boolean; sha: string }>(
      `select r.by_class_list, a.detail->>'classListSha256' as sha from rollover_run r
         join audit_log a on a.school_id = r.school_id and a.operation = 'rollover.commit' where r.school_id = ?`,
      [school.school.id],
    );
    expect(run.by_class_list).toBe(true);
    expect(run.sha).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('學年度升級: refusals', () => {
  it('refuses too early in the year, a year without data, a foreign upload and anyone but 註冊組', async () => {
    const school = await newSchool(1);
    const other = await newSchool(1);
    const staff = await registrar(school);
    const before = await footprint(school);
    app.clock.set(new Date(`${thisYear + 1911}-10-01T02:00:00Z`));
    try {
      const early = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 1 })).rolloverPreview;
      expect(early.problems.map((problem) => problem.code)).toEqual(['TOO_EARLY']);
      expect(early.problems[0]!.message).toContain(`${thisYear + 1}/07/01 起`);
      const commit = await staff.ok<Commit>(COMMIT, { input: { toYear: thisYear + 1, acknowledgeOpenRounds: true } });
      expect(commit.commitRollover.userErrors.map((error) => error.code)).toEqual(['TOO_EARLY']);
      // The day before the summer's opening day (ROLLOVER_OPENS_ON, 7/1) in Taipei: still too early.
      app.clock.set(new Date(`${thisYear + 1912}-06-30T15:59:00Z`));
      const lastJuneDay = await (await registrar(school)).ok<Preview>(PREVIEW, { toYear: thisYear + 1 });
      expect(lastJuneDay.rolloverPreview.problems.map((problem) => problem.code)).toEqual(['TOO_EARLY']);
      app.clock.set(new Date(`${thisYear + 1912}-06-30T16:00:00Z`));
      const firstJulyDay = await (await registrar(school)).ok<Preview>(PREVIEW, { toYear: thisYear + 1 });
      expect(firstJulyDay.rolloverPreview.problems).toEqual([]);
    } finally {
      app.clock.set(new Date(`${thisYear + 1912}-07-20T02:00:00Z`));
    }
    const noYear = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 5 })).rolloverPreview;
    expect(noYear.problems.map((problem) => problem.code)).toEqual(['NO_ACADEMIC_YEAR']);
    for (const toYear of [0, -1, 99999]) {
      const wild = (await staff.ok<Preview>(PREVIEW, { toYear })).rolloverPreview;
      expect(wild.problems.map((problem) => problem.code)).toEqual(['INVALID_YEAR']);
    }
    const otherStaff = await registrar(other);
    const foreign = await uploadImportFile(
      app.url,
      otherStaff,
      'class-list.csv',
      csvFile([
        ['學號', '新班級'],
        ['10001', '301'],
      ]),
    );
    const foreignPreview = (await staff.ok<Preview>(PREVIEW, { toYear: thisYear + 1, upload: foreign.id }))
      .rolloverPreview;
    expect(foreignPreview.problems.map((problem) => problem.code)).toEqual(['UPLOAD_NOT_FOUND']);
    for (const login of [school.logins.teaching, school.logins.homeroom, school.logins.student]) {
      const client = await app.client().login(login.username, login.password);
      const result = await client.request(COMMIT, { input: { toYear: thisYear + 1, acknowledgeOpenRounds: true } });
      expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      const preview = await client.request(PREVIEW, { toYear: thisYear + 1 });
      expect(preview.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await footprint(school)).toEqual(before);
  });
});
