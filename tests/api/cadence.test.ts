import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { inTenantTransaction } from '../../api/src/common/tenant.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import { TEST_PASSWORD, type TestCity, type TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// The round's cadence (DOMAIN.md §3–§4): 基本資料 and 修課紀錄 per term, 課程學習成果 and 多元表現 per academic year,
// windows naming the data they govern, and the 高三 round for grade-12 students only. The clock starts in 115-2.
const DAY = 24 * 3600_000;
const NOW = new Date('2027-04-20T09:00:00+08:00');
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const { BASIC, COURSE_RECORDS, PERFORMANCES } = SubmissionCategory;

const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) { submission { id periodLabel grade12Round rosters { path rows } } userErrors { code message } }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) { receiptImport { id } userErrors { code message } }
}`;
const FINALIZE = `mutation ($input: FinalizeTermInput!) {
  finalizeTerm(input: $input) { finalLock { category grade12Round } userErrors { code message } }
}`;
const SELECT = `mutation ($input: SelectItemInput!) {
  selectItem(input: $input) { performance { id selectedAt } userErrors { code message } }
}`;
const RECORD = `mutation ($input: RecordPerformanceInput!) {
  recordPerformance(input: $input) { performance { id } userErrors { code message } }
}`;
const CONSOLE = `query ($termId: ID!, $grade12Round: Boolean!) {
  submissionConsole(termId: $termId, grade12Round: $grade12Round) { category stage periodLabel notInRound }
}`;

type Errors = { code: string; message: string }[];
interface Submitted {
  submitTerm: {
    submission: { id: string; periodLabel: string; grade12Round: boolean; rosters: { path: string; rows: number }[] };
    userErrors: Errors;
  };
}

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp({}, NOW);
  city = await app.factory.city();
});
afterAll(() => app.close());

const termOf = (school: TestSchool, semester: number) =>
  school.terms.find((t) => t.semester === semester && t.academicYear.id === school.years.at(-1)!.id)!;
const termId = (school: TestSchool, semester: number) => toGlobalId('Term', termOf(school, semester).id);
/** A grade-10 student's login (the factory's second class), next to the grade-12 `student1`. */
const grade10Login = (school: TestSchool) => ({
  username: school.logins.student.username.replace(/student1$/, 's11'),
  password: TEST_PASSWORD,
});

/** A selected performance of the year for each student, written directly (setup, not the behaviour tested). */
async function selectedPerformances(school: TestSchool): Promise<void> {
  for (const student of school.students) {
    await app.sql(
      `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                        selected_at, created_at, updated_at)
       values (?, gen_random_uuid(), ?, ?, 'OTHER', '淨灘志工', '簡述', now(), now(), now())`,
      [school.school.id, student.id, school.years.at(-1)!.id],
    );
  }
}

async function submitSendImport(
  staff: ApiClient,
  input: { termId: string; category: string; grade12Round?: boolean },
  key: string,
): Promise<Submitted['submitTerm']['submission']> {
  const result = await staff.ok<Submitted>(SUBMIT, { input: { ...input, idempotencyKey: key } });
  expect(result.submitTerm.userErrors).toEqual([]);
  const submission = result.submitTerm.submission;
  const sent = await staff.ok<{ sendToCentralRepository: { receiptFiles: { id: string }[] } }>(SEND, {
    input: { submissionId: submission.id },
  });
  for (const file of sent.sendToCentralRepository.receiptFiles) {
    const imported = await staff.ok<{ importReceipts: { userErrors: Errors } }>(IMPORT, {
      input: { submissionId: submission.id, uploadId: file.id },
    });
    expect(imported.importReceipts.userErrors).toEqual([]);
  }
  return submission;
}

const rowsOf = (submission: Submitted['submitTerm']['submission']) =>
  Object.fromEntries(submission.rosters.map((roster) => [roster.path.split('/')[1], roster.rows]));

describe('the annual cadence', () => {
  it('keeps a term’s final lock off the year’s performances, and the year’s lock freezes them', async () => {
    app.clock.set(NOW);
    const school = await city.school();
    await city.timeline(
      [
        { kind: TaskKind.SUBMIT, category: BASIC, period: '1151', startsAt: at(-1), endsAt: at(2) },
        { kind: TaskKind.CONFIRM_RECEIPTS, period: '1151', startsAt: at(-1), endsAt: at(3) },
        { kind: TaskKind.FINAL_SUBMIT, period: '1151', startsAt: at(3), endsAt: at(10) },
        { kind: TaskKind.SUBMIT, category: PERFORMANCES, period: '115_0', startsAt: at(-1), endsAt: at(2) },
        { kind: TaskKind.CONFIRM_RECEIPTS, period: '1152', startsAt: at(-1), endsAt: at(3) },
        { kind: TaskKind.FINAL_SUBMIT, period: '1152', startsAt: at(3), endsAt: at(10) },
        { kind: TaskKind.UPLOAD_PERFORMANCES, period: '115_0', startsAt: at(-1), endsAt: at(20) },
      ],
      [school],
    );
    await selectedPerformances(school);
    await app.sql(
      `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
       values (?, gen_random_uuid(), ?, ?, '班級', '班長', 1, '2026-09-01', '2027-01-20')`,
      [school.school.id, school.students[1]!.id, termOf(school, 1).id],
    );
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const basic = await submitSendImport(staff, { termId: termId(school, 1), category: BASIC }, 'term-basic-0001');
    expect(basic.periodLabel).toBe('115學年度第1學期');
    await submitSendImport(staff, { termId: termId(school, 2), category: PERFORMANCES }, 'year-performances-1');

    // The performances package covers the whole year: not a term's.
    const console2 = await staff.ok<{
      submissionConsole: { category: string; periodLabel: string; notInRound: string | null }[];
    }>(CONSOLE, { termId: termId(school, 2), grade12Round: false });
    expect(console2.submissionConsole.find((c) => c.category === PERFORMANCES)!.periodLabel).toBe('115學年度');
    const console1 = await staff.ok<{ submissionConsole: { category: string; notInRound: string | null }[] }>(CONSOLE, {
      termId: termId(school, 1),
      grade12Round: false,
    });
    expect(console1.submissionConsole.find((c) => c.category === PERFORMANCES)!.notInRound).toBe(
      '「多元表現」每學年提交一次：請在 115學年度第2學期的梯次提交，內容為整個 115學年度。',
    );

    const record = (client: ApiClient) =>
      client.request<{ recordPerformance: { userErrors: Errors } }>(RECORD, {
        input: { category: 'OTHER', title: '社區服務', details: [], description: '簡述' },
      });
    app.clock.set(at(4));
    const staffLater = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);

    // Finalising the first term's 基本資料 leaves the year's performances open.
    const termLock = await staffLater.ok<{ finalizeTerm: { userErrors: Errors } }>(FINALIZE, {
      input: { termId: termId(school, 1), category: BASIC },
    });
    expect(termLock.finalizeTerm.userErrors).toEqual([]);
    const lockedCategories = async (term: string) =>
      (
        await student.ok<{ myFinalLocks: { category: string; periodLabel: string }[] }>(
          'query($termId: ID) { myFinalLocks(termId: $termId) { category periodLabel } }',
          { termId: term },
        )
      ).myFinalLocks;
    expect(await lockedCategories(termId(school, 1))).toEqual([{ category: BASIC, periodLabel: '115學年度第1學期' }]);
    expect(await lockedCategories(termId(school, 2))).toEqual([]);
    const open = await record(student);
    expect(open.errors).toEqual([]);
    expect(open.data!.recordPerformance.userErrors).toEqual([]);

    // Finalising the year's performances (on the second term's round) freezes every performance of the year.
    const locked = await staffLater.ok<{ finalizeTerm: { finalLock: unknown; userErrors: Errors } }>(FINALIZE, {
      input: { termId: termId(school, 2), category: PERFORMANCES },
    });
    expect(locked.finalizeTerm.userErrors).toEqual([]);
    const refused = await record(student);
    expect(refused.errors[0]?.extensions?.code).toBe('TERM_FINALIZED');
    expect(refused.errors[0]?.message).toBe('115學年度的「多元表現」已完成最終提交，資料不能再新增、修改或刪除。');
    app.clock.set(NOW);
  });
});

describe('the 高三 round', () => {
  it('has grade-12 students select in their own window, packages them alone, and locks only their data', async () => {
    app.clock.set(NOW);
    const school = await city.school();
    const grade12 = { grade12Round: true };
    await city.timeline(
      [
        { kind: TaskKind.SELECT_PERFORMANCES, period: '115_0', startsAt: at(-30), endsAt: at(-10) },
        { kind: TaskKind.SUBMIT, category: BASIC, period: '1152', startsAt: at(-1), endsAt: at(2) },
        { kind: TaskKind.SELECT_PERFORMANCES, period: '115_0', ...grade12, startsAt: at(-5), endsAt: at(1) },
        { kind: TaskKind.SUBMIT, category: BASIC, period: '1152', ...grade12, startsAt: at(-1), endsAt: at(2) },
        { kind: TaskKind.SUBMIT, category: PERFORMANCES, period: '115_0', ...grade12, startsAt: at(-1), endsAt: at(2) },
        { kind: TaskKind.CONFIRM_RECEIPTS, period: '1152', ...grade12, startsAt: at(-1), endsAt: at(3) },
        { kind: TaskKind.FINAL_SUBMIT, period: '1152', ...grade12, startsAt: at(3), endsAt: at(5) },
      ],
      [school],
    );
    const performances = async () => {
      const rows = await app.sql<{ id: string; student_id: string }>(
        'select id, student_id from diverse_performance where school_id = ? order by student_id',
        [school.school.id],
      );
      return rows;
    };
    await selectedPerformances(school);
    await app.sql('update diverse_performance set selected_at = null where school_id = ?', [school.school.id]);
    const [senior] = school.students;
    const junior = school.students.find((s) => s.cohort === senior!.cohort + 2)!;
    const item = async (studentId: string) =>
      toGlobalId('DiversePerformance', (await performances()).find((p) => p.student_id === studentId)!.id);

    // Before the year's items go: the console says the 高三 selection is still open, how few have selected, and
    // offers no final lock before its window.
    const readinessOf = async (client: ApiClient) => {
      const result = await client.ok<{
        submissionConsole: {
          category: string;
          submitWindowProblem: string | null;
          finalWindowProblem: string | null;
          warnings: string[];
        }[];
      }>(
        `query($termId: ID!, $grade12Round: Boolean!) { submissionConsole(termId: $termId, grade12Round: $grade12Round) {
          category submitWindowProblem finalWindowProblem warnings } }`,
        { termId: termId(school, 2), grade12Round: true },
      );
      return (category: string) => result.submissionConsole.find((c) => c.category === category)!;
    };
    const selectionStillOpen = expect.stringMatching(
      /^學生的「高三 勾選 115學年度 多元表現」到 \d{3}\/\d{2}\/\d{2} \d{2}:\d{2} 才截止：現在提交的名冊不含之後的勾選/,
    );
    const seniorCount = school.students.filter((s) => s.cohort === school.students[0]!.cohort).length;
    const staffEarly = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const early = await readinessOf(staffEarly);
    expect(early(PERFORMANCES)).toEqual({
      category: PERFORMANCES,
      submitWindowProblem: null,
      finalWindowProblem: expect.stringMatching(/^「高三 完成 115學年度第2學期 最終提交」尚未開放/),
      warnings: [
        selectionStillOpen,
        `${seniorCount} 位學生中只有 0 位勾選了多元表現（0%）：請確認學生已完成勾選再提交。`,
      ],
    });
    // 修課紀錄 is not in this round: nothing to say about it.
    expect(early(COURSE_RECORDS).warnings).toEqual([]);

    // Selection: the grade-12 student in the 高三 window, the grade-10 student's (regular) window has closed.
    const seniorClient = await app.client().login(school.logins.student.username, school.logins.student.password);
    const juniorClient = await app.client().login(grade10Login(school).username, grade10Login(school).password);
    const seniorSelect = await seniorClient.ok<{ selectItem: { userErrors: Errors } }>(SELECT, {
      input: { itemId: await item(senior!.id), selected: true },
    });
    expect(seniorSelect.selectItem.userErrors).toEqual([]);
    const juniorSelect = await juniorClient.ok<{ selectItem: { userErrors: Errors } }>(SELECT, {
      input: { itemId: await item(junior.id), selected: true },
    });
    expect(juniorSelect.selectItem.userErrors[0]).toMatchObject({ code: 'WINDOW_CLOSED' });
    expect(juniorSelect.selectItem.userErrors[0]!.message).toMatch(/^「勾選 115學年度 多元表現」已於 /);
    // Each sees the selection window that applies to them, not the other round's.
    const deadlines = async (client: ApiClient) =>
      (
        await client.ok<{ myDeadlines: { task: { label: string } }[] }>('{ myDeadlines { task { label } } }')
      ).myDeadlines
        .map((deadline) => deadline.task.label)
        .filter((label) => label.includes('勾選'));
    expect(await deadlines(seniorClient)).toEqual(['高三 勾選 115學年度 多元表現']);
    expect(await deadlines(juniorClient)).toEqual(['勾選 115學年度 多元表現']);
    await app.sql('update diverse_performance set selected_at = now() where school_id = ? and student_id = ?', [
      school.school.id,
      junior.id,
    ]);

    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const second = termId(school, 2);
    const perClass = school.students.length / 2;
    // Half of them have selected now: only the open selection is left to mention.
    expect((await readinessOf(staff))(PERFORMANCES).warnings).toEqual([selectionStillOpen]);

    // The 高三 round carries no 修課紀錄, and no first term.
    const records = await staff.ok<Submitted>(SUBMIT, {
      input: { termId: second, category: COURSE_RECORDS, grade12Round: true, idempotencyKey: 'g12-records-1' },
    });
    expect(records.submitTerm.userErrors.map((e) => e.code)).toEqual(['NOT_IN_GRADE12_ROUND']);
    const firstTerm = await staff.ok<Submitted>(SUBMIT, {
      input: { termId: termId(school, 1), category: BASIC, grade12Round: true, idempotencyKey: 'g12-basic-term1' },
    });
    expect(firstTerm.submitTerm.userErrors.map((e) => e.code)).toEqual(['NOT_IN_GRADE12_ROUND']);

    // Packages of the 高三 round hold the grade-12 students only; the regular round's then leaves them out.
    const basic12 = await staff.ok<Submitted>(SUBMIT, {
      input: { termId: second, category: BASIC, grade12Round: true, idempotencyKey: 'g12-basic-0001' },
    });
    expect(basic12.submitTerm.userErrors).toEqual([]);
    expect(basic12.submitTerm.submission).toMatchObject({ grade12Round: true, periodLabel: '115學年度第2學期' });
    expect(rowsOf(basic12.submitTerm.submission)['2_學生資料名冊.xlsx']).toBe(perClass);
    const basicRest = await staff.ok<Submitted>(SUBMIT, {
      input: { termId: second, category: BASIC, idempotencyKey: 'regular-basic-1' },
    });
    expect(basicRest.submitTerm.userErrors).toEqual([]);
    expect(rowsOf(basicRest.submitTerm.submission)['2_學生資料名冊.xlsx']).toBe(perClass);
    const students = await app.sql<{ student_id: string; submission_id: string }>(
      "select student_id, submission_id from submission_row where school_id = ? and roster like '%學生資料名冊%'",
      [school.school.id],
    );
    const seniors = new Set(school.students.filter((s) => s.cohort === senior!.cohort).map((s) => s.id));
    const bySubmission = (id: string) => students.filter((row) => row.submission_id === id).map((r) => r.student_id);
    expect(bySubmission(basic12.submitTerm.submission.id).every((id) => seniors.has(id))).toBe(true);
    expect(bySubmission(basicRest.submitTerm.submission.id).some((id) => seniors.has(id))).toBe(false);

    const performances12 = await submitSendImport(
      staff,
      { termId: second, category: PERFORMANCES, grade12Round: true },
      'g12-performances-1',
    );
    expect(performances12.periodLabel).toBe('115學年度');
    expect(rowsOf(performances12)['10_其他多元表現名冊.xlsx']).toBe(1);

    // Its final lock freezes the grade-12 students' performances of the year and leaves grade 10–11 untouched.
    app.clock.set(at(4));
    const staffLater = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const locked = await staffLater.ok<{ finalizeTerm: { finalLock: unknown; userErrors: Errors } }>(FINALIZE, {
      input: { termId: second, category: PERFORMANCES, grade12Round: true },
    });
    expect(locked.finalizeTerm).toEqual({ finalLock: { category: PERFORMANCES, grade12Round: true }, userErrors: [] });
    const update = (studentId: string) =>
      inTenantTransaction(app.services.orm.em, { schoolId: school.school.id, authorityId: null }, (em) =>
        em.execute(`update diverse_performance set description = '改過' where student_id = ?`, [studentId]),
      );
    await expect(update(senior!.id)).rejects.toMatchObject({ code: 'PF001' });
    await expect(update(junior.id)).resolves.toBeDefined();
    // The students' pages know it before they try: the senior's year is locked (either term), the junior's is not.
    const locks = async (client: ApiClient, term: string) =>
      (
        await client.ok<{ myFinalLocks: { category: string; periodLabel: string; message: string }[] }>(
          'query($termId: ID) { myFinalLocks(termId: $termId) { category periodLabel message } }',
          { termId: term },
        )
      ).myFinalLocks;
    const seniorLater = await app.client().login(school.logins.student.username, school.logins.student.password);
    const juniorLater = await app.client().login(grade10Login(school).username, grade10Login(school).password);
    for (const term of [termId(school, 1), second]) {
      expect(await locks(seniorLater, term)).toEqual([
        {
          category: PERFORMANCES,
          periodLabel: '115學年度高三學生',
          message: '115學年度高三學生的「多元表現」已完成最終提交，不能再上傳、更換、刪除或變更勾選。',
        },
      ]);
      expect(await locks(juniorLater, term)).toEqual([]);
    }
    // Staff have no such list (it is the student's own).
    const staffLocks = await staffLater.request('query { myFinalLocks { category } }');
    expect(staffLocks.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const console12 = await staffLater.ok<{
      submissionConsole: { category: string; stage: string; notInRound: string | null }[];
    }>(CONSOLE, { termId: second, grade12Round: true });
    expect(console12.submissionConsole.find((c) => c.category === PERFORMANCES)!.stage).toBe('FINAL');
    expect(console12.submissionConsole.find((c) => c.category === COURSE_RECORDS)!.notInRound).toMatch(
      /^高三升學前梯次只在第2學期/,
    );
    // The regular round's lock of the year is still to come.
    const regular = await staffLater.ok<{ submissionConsole: { category: string; stage: string }[] }>(CONSOLE, {
      termId: second,
      grade12Round: false,
    });
    expect(regular.submissionConsole.find((c) => c.category === PERFORMANCES)!.stage).toBe('NOT_SUBMITTED');
    app.clock.set(NOW);
  });
});

describe('windows name the data they govern', () => {
  it('opens 115-1’s outcome upload from the 115-2 plan, and only for 115-1’s data', async () => {
    app.clock.set(NOW);
    const school = await city.school();
    await city.timeline(
      [{ kind: TaskKind.UPLOAD_COURSE_OUTCOMES, period: '11501', startsAt: at(-1), endsAt: at(5) }],
      [school],
    );
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const plan = await staff.ok<{
      timeline: { period: string; periodLabel: string; label: string; term: { id: string } }[];
    }>('{ timeline { period periodLabel label term { id } } }');
    expect(plan.timeline).toEqual([
      {
        period: '1151',
        periodLabel: '115學年度第1學期',
        label: '上傳 115學年度第1學期 課程學習成果',
        term: { id: termId(school, 2) },
      },
    ]);
    const answers = await inTenantTransaction(
      app.services.orm.em,
      { schoolId: school.school.id, authorityId: null },
      async (em) => ({
        first: await app.services.windows.check(em, {
          period: { termId: termOf(school, 1).id },
          kind: TaskKind.UPLOAD_COURSE_OUTCOMES,
        }),
        second: await app.services.windows.check(em, {
          period: { termId: termOf(school, 2).id },
          kind: TaskKind.UPLOAD_COURSE_OUTCOMES,
        }),
      }),
    );
    expect(answers.first.userError).toBeNull();
    expect(answers.second.userError).toMatchObject({
      code: 'WINDOW_NOT_OPEN',
      message: '學校尚未排定「上傳 115學年度第2學期 課程學習成果」的期程，請洽學校。',
    });
  });
});
