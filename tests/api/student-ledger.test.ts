import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { putBytes, uploadImportFile } from '../support/uploads.js';
import { sheetRows, workbookOf } from '../support/workbooks.js';

const DAY = 24 * 3600_000;
/** A moment in 114學年度第2學期, when the previous year's items were uploaded and submitted. */
const LAST_YEAR = new Date('2026-03-02T09:00:00+08:00');
const after = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterEach(() => app.clock.set(DEFAULT_TEST_NOW));
afterAll(() => app.close());

type Errors = { code: string; message: string }[];

const REQUEST_UPLOAD = `mutation ($input: RequestUploadInput!) {
  requestUpload(input: $input) { upload { id } uploadUrl userErrors { code message } }
}`;
const UPLOAD_OUTCOME = `mutation ($input: UploadCourseOutcomeInput!) {
  uploadCourseOutcome(input: $input) { outcome { id } userErrors { code message } }
}`;
const CERTIFY = `mutation ($input: CertifyCourseOutcomesInput!) {
  certifyCourseOutcomes(input: $input) { userErrors { code message } }
}`;
const REJECT = `mutation ($input: RejectCourseOutcomeInput!) {
  rejectCourseOutcome(input: $input) { userErrors { code message } }
}`;
const SELECT = `mutation ($input: SelectItemInput!) { selectItem(input: $input) { userErrors { code message } } }`;
const RECORD = `mutation ($input: RecordPerformanceInput!) {
  recordPerformance(input: $input) { performance { id } userErrors { code message } }
}`;
const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) { submission { id } userErrors { code message } }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id sha256 } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) { receiptImport { id } userErrors { code message } }
}`;
const ROWS = `query ($studentId: ID!, $termId: ID) {
  studentReceiptRows(studentId: $studentId, termId: $termId) { id reconciliation fields { label value } }
}`;
const CONFIRM = `mutation ($input: ConfirmReceiptRowsInput!) {
  confirmReceiptRows(input: $input) { userErrors { code message } }
}`;
const RAISE = `mutation ($input: RaiseDisputeInput!) {
  raiseDispute(input: $input) { dispute { id } userErrors { code message } }
}`;
const RESOLVE = `mutation ($input: ResolveDisputeInput!) {
  resolveDispute(input: $input) { dispute { id status } userErrors { code message } }
}`;
const FINALIZE = `mutation ($input: FinalizeTermInput!) {
  finalizeTerm(input: $input) { finalLock { lockedAt } userErrors { code message } }
}`;
const LEDGER_FIELDS = `
  studentId studentName flaggedItems
  years {
    academicYear label outcomesSelected outcomesMax performancesSelected performancesMax uploadCapPerTerm
    uploadsByTerm { termLabel uploaded }
    windows { label endsAt open }
    items {
      id kind title subtitle periodLabel
      stages { step state at detail }
      flags { kind actor actorLabel message link dueAt viewerCanAct }
      versions { version statusLabel decidedBy reason }
    }
  }
  transferred { id title }`;
const LEDGER = `query ($studentId: ID!) { studentLedger(studentId: $studentId) { ${LEDGER_FIELDS} } }`;
const MY_LEDGER = `query { myLedger { ${LEDGER_FIELDS} } }`;

interface Stage {
  step: string;
  state: string;
  at: string | null;
  detail: string | null;
}
interface Flag {
  kind: string;
  actor: string;
  actorLabel: string;
  message: string;
  link: string | null;
  dueAt: string | null;
  viewerCanAct: boolean;
}
interface Item {
  id: string;
  kind: string;
  title: string;
  subtitle: string;
  periodLabel: string;
  stages: Stage[];
  flags: Flag[];
  versions: { version: number; statusLabel: string; decidedBy: string | null; reason: string | null }[];
}
interface Year {
  academicYear: number;
  label: string;
  outcomesSelected: number;
  outcomesMax: number;
  performancesSelected: number;
  performancesMax: number;
  uploadCapPerTerm: number | null;
  uploadsByTerm: { termLabel: string; uploaded: number }[];
  windows: { label: string; endsAt: string; open: boolean }[];
  items: Item[];
}
interface Ledger {
  studentId: string;
  studentName: string;
  flaggedItems: number;
  years: Year[];
  transferred: { id: string; title: string }[];
}

interface People {
  school: TestSchool;
  student: ApiClient;
  teacher: ApiClient;
  registration: ApiClient;
  studentId: string;
}

async function uploadFile(client: ApiClient, fileName: string, bytes: Buffer): Promise<string> {
  const slot = await client.ok<{ requestUpload: { upload: { id: string } | null; uploadUrl: string } }>(
    REQUEST_UPLOAD,
    { input: { purpose: 'DOCUMENT', fileName, size: bytes.length } },
  );
  const put = await putBytes(app.url, client, slot.requestUpload.uploadUrl, bytes);
  expect(put.status).toBe(200);
  return put.body.upload!.id;
}

/** One outcome through the real upload path, with a file of its own (its SHA-256 names its row in the rosters). */
async function uploadOutcome(p: People, enrolmentId: string, description: string): Promise<string> {
  const documentUploadId = await uploadFile(
    p.student,
    'report.pdf',
    Buffer.from(`%PDF-1.4\n% ${description} ${Math.random()}\n%%EOF\n`),
  );
  const result = await p.student.ok<{ uploadCourseOutcome: { outcome: { id: string } | null; userErrors: Errors } }>(
    UPLOAD_OUTCOME,
    { input: { enrolmentId, kind: 'OTHER', description, documentUploadId } },
  );
  expect(result.uploadCourseOutcome.userErrors).toEqual([]);
  return result.uploadCourseOutcome.outcome!.id;
}

async function ok(client: ApiClient, query: string, input: Record<string, unknown>, field: string) {
  const result = await client.ok<Record<string, { userErrors: Errors }>>(query, { input });
  expect(result[field]!.userErrors).toEqual([]);
  return result[field] as unknown as Record<string, unknown>;
}

/** A section of the teacher's in the clock's term with the first class in it: the first student's enrolment id. */
async function enrolmentOf(school: TestSchool, subjectName: string): Promise<string> {
  const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  const classmates = school.students.filter((student) => student.schoolClass?.id === school.classes[0]!.id);
  const [section] = await app.factory.sections(school, [{ subjectName, teacher, students: classmates }]);
  const enrolment = await app.sqlOne<{ id: string }>(
    'select id from enrolment where section_id = ? and student_id = ?',
    [section!.id, school.students[0]!.id],
  );
  return toGlobalId('Enrolment', enrolment.id);
}

const termIdOf = (school: TestSchool, year: number, semester: number) => {
  const academicYear = school.years.find((y) => y.year === year)!;
  return toGlobalId(
    'Term',
    school.terms.find((t) => t.academicYear.id === academicYear.id && t.semester === semester)!.id,
  );
};

async function submitAndAnswer(p: People, termId: string, key: string) {
  const submitted = await ok(
    p.registration,
    SUBMIT,
    { termId, category: 'COURSE_OUTCOMES', idempotencyKey: key },
    'submitTerm',
  );
  const submissionId = (submitted.submission as { id: string }).id;
  const sent = await p.registration.ok<{ sendToCentralRepository: { receiptFiles: { id: string; sha256: string }[] } }>(
    SEND,
    { input: { submissionId } },
  );
  return { submissionId, receipt: sent.sendToCentralRepository.receiptFiles[0]! };
}

const receiptRows = async (client: ApiClient, p: People, termId: string) =>
  (
    await client.ok<{
      studentReceiptRows: { id: string; reconciliation: string; fields: { label: string; value: string }[] }[];
    }>(ROWS, { studentId: p.studentId, termId })
  ).studentReceiptRows;

const described = (rows: Awaited<ReturnType<typeof receiptRows>>, description: string) =>
  rows.find((row) => row.fields.some((field) => field.label === '簡述' && field.value === description))!;

const signIn = (login: { username: string; password: string }) => app.client().login(login.username, login.password);

/** The school's first student, a teacher and 註冊組, each signed in. */
async function peopleOf(school: TestSchool): Promise<People> {
  const [student, teacher, registration] = await Promise.all([
    signIn(school.logins.student),
    signIn(school.logins.teacher),
    signIn(school.logins.registration),
  ]);
  return { school, student, teacher, registration, studentId: toGlobalId('Student', school.students[0]!.id) };
}

const stageOf = (item: Item, step: string) => item.stages.find((s) => s.step === step)!;
const itemOf = (year: Year, id: string) => year.items.find((i) => i.id === id)!;

describe('the per-student ledger (學習歷程履歷)', () => {
  it('follows every item across two years from upload to lock, and flags what fell out of the chain', async () => {
    const school = await city.school();
    const p = await peopleOf(school);
    const { student, teacher, registration } = p;

    // ---- 114學年度: one outcome all the way to the final lock.
    app.clock.set(LAST_YEAR);
    await city.timeline(
      [
        { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: after(LAST_YEAR, -1), endsAt: after(LAST_YEAR, 5) },
        { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: after(LAST_YEAR, -1), endsAt: after(LAST_YEAR, 5) },
        { kind: TaskKind.SELECT_COURSE_OUTCOMES, startsAt: after(LAST_YEAR, -1), endsAt: after(LAST_YEAR, 5) },
        {
          kind: TaskKind.SUBMIT,
          category: SubmissionCategory.COURSE_OUTCOMES,
          startsAt: after(LAST_YEAR, -1),
          endsAt: after(LAST_YEAR, 5),
        },
        { kind: TaskKind.CONFIRM_RECEIPTS, startsAt: after(LAST_YEAR, -1), endsAt: after(LAST_YEAR, 3) },
        { kind: TaskKind.RESOLVE_DISPUTES, startsAt: after(LAST_YEAR, -1), endsAt: after(LAST_YEAR, 6) },
        { kind: TaskKind.FINAL_SUBMIT, startsAt: after(LAST_YEAR, 3), endsAt: after(LAST_YEAR, 10) },
      ],
      [school],
    );
    const chemistry = await enrolmentOf(school, '化學');
    const locked = await uploadOutcome(p, chemistry, '化學實驗：酸鹼滴定');
    await ok(teacher, CERTIFY, { outcomeIds: [locked] }, 'certifyCourseOutcomes');
    await ok(student, SELECT, { itemId: locked, selected: true }, 'selectItem');
    const lastTerm = termIdOf(school, 114, 2);
    const last = await submitAndAnswer(p, lastTerm, 'ledger-114');
    await ok(registration, IMPORT, { submissionId: last.submissionId, uploadId: last.receipt.id }, 'importReceipts');
    const lastRows = await receiptRows(student, p, lastTerm);
    await ok(student, CONFIRM, { receiptRowIds: lastRows.map((r) => r.id) }, 'confirmReceiptRows');
    app.clock.set(after(LAST_YEAR, 4));
    await ok(registration, FINALIZE, { termId: lastTerm, category: 'COURSE_OUTCOMES' }, 'finalizeTerm');

    // ---- 115學年度 (now): every way out of the chain.
    app.clock.set(DEFAULT_TEST_NOW);
    const now = DEFAULT_TEST_NOW;
    await city.timeline(
      [
        { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: after(now, -1), endsAt: after(now, 5) },
        { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: after(now, -1), endsAt: after(now, 6) },
        { kind: TaskKind.SELECT_COURSE_OUTCOMES, startsAt: after(now, -1), endsAt: after(now, 7) },
        { kind: TaskKind.UPLOAD_PERFORMANCES, startsAt: after(now, -1), endsAt: after(now, 7) },
        { kind: TaskKind.SELECT_PERFORMANCES, startsAt: after(now, -1), endsAt: after(now, 7) },
        {
          kind: TaskKind.SUBMIT,
          category: SubmissionCategory.COURSE_OUTCOMES,
          startsAt: after(now, -1),
          endsAt: after(now, 5),
        },
        { kind: TaskKind.CONFIRM_RECEIPTS, period: '1152', startsAt: after(now, -1), endsAt: after(now, 3) },
        { kind: TaskKind.RESOLVE_DISPUTES, period: '1152', startsAt: after(now, -1), endsAt: after(now, 6) },
        { kind: TaskKind.FINAL_SUBMIT, period: '1152', startsAt: after(now, 3), endsAt: after(now, 10) },
      ],
      [school],
    );
    const physics = await enrolmentOf(school, '物理');
    const ids: Record<string, string> = {};
    for (const name of [
      'unselected',
      'rejected',
      'pending',
      'missing',
      'changed',
      'refused',
      'unconfirmed',
      'disputed',
    ]) {
      ids[name] = await uploadOutcome(p, physics, `物理成果：${name}`);
    }
    const certified = Object.entries(ids)
      .filter(([name]) => name !== 'rejected' && name !== 'pending')
      .map(([, id]) => id);
    await ok(teacher, CERTIFY, { outcomeIds: certified }, 'certifyCourseOutcomes');
    await ok(teacher, REJECT, { outcomeId: ids.rejected, reason: '檔案不是本課程的作業' }, 'rejectCourseOutcome');
    for (const name of ['missing', 'changed', 'refused', 'unconfirmed', 'disputed']) {
      await ok(student, SELECT, { itemId: ids[name], selected: true }, 'selectItem');
    }
    const recorded = await ok(
      student,
      RECORD,
      { category: 'OTHER', title: '淨灘志工', details: [], description: '與同學淨灘' },
      'recordPerformance',
    );
    const performanceId = (recorded.performance as { id: string }).id;

    const roundTerm = termIdOf(school, 115, 2);
    const current = await submitAndAnswer(p, roundTerm, 'ledger-115');
    // The central database's answer, edited: one row left out, one 簡述 changed, one refused.
    const rows = await sheetRows(await app.services.files.read(current.receipt.sha256));
    const header = rows[0]!;
    const description = header.indexOf('簡述');
    const status = header.indexOf('收訖狀態');
    const answer = rows.flatMap((row, index) => {
      if (index === 0) return [row];
      const edited = [...row];
      if (row[description] === '物理成果：missing') return [];
      if (row[description] === '物理成果：changed') edited[description] = '物理成果：被改過';
      if (row[description] === '物理成果：refused') {
        edited[status] = '退件';
        edited[status + 1] = '檔案無法開啟';
      }
      return [edited];
    });
    const file = await uploadImportFile(
      app.url,
      registration,
      '收訖明細_課程學習成果.xlsx',
      await workbookOf('收訖明細', answer),
    );
    await ok(registration, IMPORT, { submissionId: current.submissionId, uploadId: file.id }, 'importReceipts');
    const currentRows = await receiptRows(student, p, roundTerm);
    const disputed = await ok(
      student,
      RAISE,
      { receiptRowId: described(currentRows, '物理成果：disputed').id, reason: '簡述不是我寫的' },
      'raiseDispute',
    );
    const disputeId = (disputed.dispute as { id: string }).id;

    // An outcome that came from the school of origin with an exchange file (written as the owner, as applying one would).
    const registrar = school.accounts.find((account) => account.username === school.logins.registration.username)!;
    await app.sql(
      `with e as (
         insert into portfolio_exchange (school_id, id, student_id, exchange_id, format_version, origin_authority_code,
           origin_school_code, origin_school_name, origin_division, created_at, file_sha256, file_size, record_count,
           file_count, imported_by, imported_at)
         values (?, gen_random_uuid(), ?, gen_random_uuid(), 1, 'TPE', '999999', '原就讀高中', 'DAY', now(),
           repeat('a', 64), 100, 1, 0, ?, now())
         returning school_id, id, student_id)
       insert into exchanged_record (school_id, id, exchange_id, student_id, kind, term_key, title, data, ordering)
       select school_id, gen_random_uuid(), id, student_id, 'COURSE_OUTCOME', '1141', '歷史專題', '[]', 0 from e`,
      [school.school.id, school.students[0]!.id, registrar.id],
    );
    let ledger = (await student.ok<{ myLedger: Ledger }>(MY_LEDGER)).myLedger;
    expect(ledger.studentId).toBe(p.studentId);
    expect(ledger.transferred.map((item) => item.title)).toEqual(['歷史專題']);
    expect(ledger.years.map((y) => y.academicYear)).toEqual([115, 114]);
    const [thisYear, lastYear] = ledger.years as [Year, Year];
    expect(thisYear.label).toBe('115學年度（高三）');
    expect(lastYear.label).toBe('114學年度（高二）');
    expect(thisYear).toMatchObject({
      outcomesSelected: 5,
      outcomesMax: 6,
      performancesSelected: 0,
      performancesMax: 10,
    });
    expect(thisYear.uploadCapPerTerm).toBeNull();
    expect(thisYear.uploadsByTerm).toEqual([
      { termLabel: '115學年度第1學期', uploaded: 8 },
      { termLabel: '115學年度第2學期', uploaded: 0 },
    ]);
    expect(thisYear.windows.some((w) => w.open && /勾選.*課程學習成果/.test(w.label))).toBe(true);

    // 114: the whole chain, with dates.
    const full = itemOf(lastYear, locked);
    expect(full.title).toBe('化學');
    expect(full.periodLabel).toBe('114學年度第2學期');
    expect(full.stages.map((s) => [s.step, s.state])).toEqual([
      ['UPLOADED', 'DONE'],
      ['CERTIFIED', 'DONE'],
      ['SELECTED', 'DONE'],
      ['SUBMITTED', 'DONE'],
      ['RECEIVED', 'DONE'],
      ['CONFIRMED', 'DONE'],
      ['LOCKED', 'DONE'],
    ]);
    expect(full.stages.every((s) => s.at !== null)).toBe(true);
    expect(stageOf(full, 'CERTIFIED').detail).toBe('由 任課老師 認證');
    expect(stageOf(full, 'SUBMITTED').detail).toMatch(/學生課程學習成果名冊 第 \d+ 列/);
    expect(new Date(stageOf(full, 'LOCKED').at!).getTime()).toBe(after(LAST_YEAR, 4).getTime());
    expect(full.flags).toEqual([]);

    const flagsOf = (name: string) => itemOf(thisYear, ids[name]!).flags;
    expect(flagsOf('unselected')).toEqual([
      expect.objectContaining({
        kind: 'CERTIFIED_NOT_SELECTED',
        actor: 'STUDENT',
        link: '/selection',
        message: expect.stringMatching(/^已認證但未勾選：勾選期限 115\/12\/05 09:00 前到『勾選』頁勾選/),
      }),
    ]);
    const rejected = itemOf(thisYear, ids.rejected!);
    expect(stageOf(rejected, 'CERTIFIED')).toMatchObject({ state: 'PROBLEM' });
    expect(stageOf(rejected, 'CERTIFIED').detail).toMatch(/檔案不是本課程的作業/);
    expect(rejected.flags).toEqual([
      expect.objectContaining({ kind: 'NOT_CERTIFIED', actor: 'STUDENT', link: '/outcomes' }),
    ]);
    expect(rejected.flags[0]!.message).toMatch(/補件/);
    expect(flagsOf('pending').map((f) => [f.kind, f.actor])).toEqual([['AWAITING_CERTIFICATION', 'TEACHER']]);
    expect(flagsOf('missing')).toEqual([
      expect.objectContaining({
        kind: 'MISSING_FROM_RECEIPTS',
        actor: 'REGISTRATION',
        actorLabel: '註冊組',
        message: '已勾選但收訖明細沒有這一筆：請註冊組查明並重新提交',
      }),
    ]);
    const changed = itemOf(thisYear, ids.changed!);
    expect(stageOf(changed, 'RECEIVED').state).toBe('PROBLEM');
    expect(stageOf(changed, 'RECEIVED').detail).toMatch(/「簡述」與提交的不同（提交的是 簡述「物理成果：changed」）/);
    expect(changed.flags.map((f) => [f.kind, f.actor])).toContainEqual(['RECEIVED_CHANGED', 'STUDENT']);
    const refused = itemOf(thisYear, ids.refused!);
    expect(stageOf(refused, 'RECEIVED').detail).toBe('退件：檔案無法開啟');
    expect(refused.flags.map((f) => [f.kind, f.actor])).toContainEqual(['REJECTED_BY_CENTRAL', 'REGISTRATION']);
    expect(refused.flags.find((f) => f.kind === 'REJECTED_BY_CENTRAL')!.message).toMatch(/檔案無法開啟/);
    expect(flagsOf('unconfirmed')).toEqual([
      expect.objectContaining({ kind: 'RECEIPT_UNCONFIRMED', actor: 'STUDENT', link: '/receipts' }),
    ]);
    expect(stageOf(itemOf(thisYear, ids.unconfirmed!), 'RECEIVED')).toMatchObject({ state: 'DONE' });
    const open = itemOf(thisYear, ids.disputed!);
    expect(stageOf(open, 'CONFIRMED')).toMatchObject({ state: 'PROBLEM' });
    expect(open.flags.map((f) => [f.kind, f.actor])).toEqual([['DISPUTE_OPEN', 'REGISTRATION']]);
    const performance = itemOf(thisYear, performanceId);
    expect(performance.kind).toBe('PERFORMANCE');
    expect(performance.flags.map((f) => f.kind)).toEqual(['CERTIFIED_NOT_SELECTED']);
    expect(performance.stages.map((s) => s.step)).toEqual([
      'UPLOADED',
      'SELECTED',
      'SUBMITTED',
      'RECEIVED',
      'CONFIRMED',
      'LOCKED',
    ]);
    expect(ledger.flaggedItems).toBe(9);

    // The dispute answered: the chain says how it ended.
    await ok(
      registration,
      RESOLVE,
      { disputeId, resolution: 'NO_CHANGE', answer: '簡述與您上傳的相同' },
      'resolveDispute',
    );
    ledger = (await registration.ok<{ studentLedger: Ledger }>(LEDGER, { studentId: p.studentId })).studentLedger;
    // Each reader is offered the way to act only where the flag asks them.
    expect(flagsOf('unselected')[0]!.viewerCanAct).toBe(true);
    expect(flagsOf('missing')[0]!.viewerCanAct).toBe(false);
    const asStaff = (name: string) => itemOf(ledger.years[0]!, ids[name]!).flags;
    expect(asStaff('missing')[0]!.viewerCanAct).toBe(true);
    expect(asStaff('unselected')[0]!.viewerCanAct).toBe(false);
    expect(asStaff('pending')[0]!.viewerCanAct).toBe(false);
    const answered = itemOf(ledger.years[0]!, ids.disputed!);
    expect(stageOf(answered, 'CONFIRMED')).toMatchObject({ state: 'DONE' });
    expect(stageOf(answered, 'CONFIRMED').detail).toMatch(/簡述與您上傳的相同/);
    expect(answered.flags).toEqual([]);

    // Who may read it: the student's homeroom teacher and school staff; not another student, not another class's
    // homeroom teacher, not another school.
    const homeroom = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    expect(
      (await homeroom.ok<{ studentLedger: Ledger }>(LEDGER, { studentId: p.studentId })).studentLedger.studentId,
    ).toBe(p.studentId);
    const otherClass = await homeroom.request(LEDGER, { studentId: toGlobalId('Student', school.students[2]!.id) });
    expect(otherClass.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const classmate = await app
      .client()
      .login(`${school.logins.student.username.replace(/student1$/, 's02')}`, school.logins.student.password);
    const notMine = await classmate.request(LEDGER, { studentId: p.studentId });
    expect(notMine.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const elsewhere = await city.school();
    const foreign = await app
      .client()
      .login(elsewhere.logins.registration.username, elsewhere.logins.registration.password);
    const refusedForeign = await foreign.request(LEDGER, { studentId: p.studentId });
    expect(refusedForeign.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refusedForeign.data).toBeNull();
    const teacherOnly = await teacher.request(LEDGER, { studentId: p.studentId });
    expect(teacherOnly.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('flags a certified outcome the student missed selecting to 註冊組 once the window closed, until the year is submitted', async () => {
    const school = await city.school();
    const p = await peopleOf(school);
    const { student, teacher } = p;
    const now = DEFAULT_TEST_NOW;
    await city.timeline(
      [
        { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: after(now, -3), endsAt: after(now, 5) },
        { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: after(now, -3), endsAt: after(now, 6) },
        { kind: TaskKind.SELECT_COURSE_OUTCOMES, startsAt: after(now, -3), endsAt: after(now, 1) },
      ],
      [school],
    );
    const missed = await uploadOutcome(p, await enrolmentOf(school, '物理'), '物理成果：錯過勾選');
    await ok(teacher, CERTIFY, { outcomeIds: [missed] }, 'certifyCourseOutcomes');
    const flagsOf = async (client: ApiClient, own = client === student) => {
      const ledger = own
        ? (await client.ok<{ myLedger: Ledger }>(MY_LEDGER)).myLedger
        : (await client.ok<{ studentLedger: Ledger }>(LEDGER, { studentId: p.studentId })).studentLedger;
      return itemOf(ledger.years[0]!, missed).flags;
    };

    // While the window is open it is the student's to do.
    expect((await flagsOf(student)).map((f) => [f.kind, f.actor])).toEqual([['CERTIFIED_NOT_SELECTED', 'STUDENT']]);

    // Closed, nothing submitted yet: 註冊組 can still extend the window for this student.
    app.clock.set(after(now, 2));
    // Two days on, the sessions have lapsed: each signs in again.
    const [studentAgain, registrationAgain] = await Promise.all([
      signIn(school.logins.student),
      signIn(school.logins.registration),
    ]);
    const [asRegistration] = await flagsOf(registrationAgain);
    expect(asRegistration).toMatchObject({
      kind: 'SELECTION_MISSED',
      actor: 'REGISTRATION',
      link: '/timeline',
      viewerCanAct: true,
    });
    expect(asRegistration!.message).toContain('勾選期限 115/11/29 09:00 已過（本學年已勾選 0/6）');
    expect(asRegistration!.message).toContain('請在『期程』為這位學生延長勾選期限');
    const [asStudent] = await flagsOf(studentAgain, true);
    expect(asStudent).toMatchObject({ kind: 'SELECTION_MISSED', viewerCanAct: false });
  });
});
