import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { verifyStorage } from '../../api/src/modules/files/verify-storage.js';
import { toGlobalId } from '../../api/src/common/ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import type { ApiClient } from '../support/api-client.js';
import { TEST_PASSWORD, type TestCity, type TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { withClient } from '../support/pg-client.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';
import { subscribe } from '../support/ws-client.js';
import { testDatabaseUrl } from '../support/test-database.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterEach(() => app.clock.set(DEFAULT_TEST_NOW));
afterAll(() => app.close());

const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) { submission { id } userErrors { code message } }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) { receiptImport { id kind } userErrors { code message } }
}`;
const ROWS = `query ($studentId: ID!, $termId: ID) {
  studentReceiptRows(studentId: $studentId, termId: $termId) {
    id kind kindLabel status decision dispute { id status answer overdue }
  }
}`;
const CONFIRM = `mutation ($input: ConfirmReceiptRowsInput!) {
  confirmReceiptRows(input: $input) { receiptRows { id decision } userErrors { field code message } }
}`;
const RAISE = `mutation ($input: RaiseDisputeInput!) {
  raiseDispute(input: $input) { dispute { id status reason dueAt overdue } userErrors { field code message } }
}`;
const REVIEW = `mutation ($input: StartDisputeReviewInput!) {
  startDisputeReview(input: $input) { dispute { id status } userErrors { code message } }
}`;
const RESOLVE = `mutation ($input: ResolveDisputeInput!) {
  resolveDispute(input: $input) { dispute { id status answer resubmission { id } } userErrors { field code message } }
}`;
const STAFF_CONFIRM = `mutation ($input: ConfirmReceiptImportInput!) {
  confirmReceiptImport(input: $input) { confirmation { confirmedAt } userErrors { code message } }
}`;
const FINALIZE = `mutation ($input: FinalizeTermInput!) {
  finalizeTerm(input: $input) { finalLock { category lockedAt } userErrors { field code message } }
}`;
const CONSOLE = `query ($termId: ID!) {
  submissionConsole(termId: $termId) {
    category stage submissionCount missingReceiptKinds staffConfirmedImports
    review { rows confirmed disputed unconfirmed }
    disputes { open inReview resolved overdue awaitingResubmission }
    finalLock { lockedAt }
    receiptImports { id kind }
  }
}`;
const CLASS_PROGRESS = `query ($classId: ID!, $termId: ID!) {
  classConfirmationProgress(classId: $classId, termId: $termId) {
    student { studentNumber } rows confirmed disputed unconfirmed
  }
}`;
const DISPUTES = `query ($termId: ID!, $statuses: [DisputeStatus!]) {
  disputes(termId: $termId, statuses: $statuses) { nodes { id status overdue reason student { studentNumber } } }
}`;
const AUDIT = `query ($area: AuditArea) {
  auditLog(area: $area, first: 50) { nodes { operation operationLabel detailText actor { displayName } } }
}`;
const ENTER = `mutation ($input: EnterGradesInput!) {
  enterGrades(input: $input) { enrolments { id } userErrors { code message } }
}`;

interface Row {
  id: string;
  kind: string;
  status: string;
  decision: string | null;
  dispute: { id: string; status: string; answer: string | null; overdue: boolean } | null;
}
interface Stage {
  category: string;
  stage: string;
  submissionCount: number;
  missingReceiptKinds: string[];
  staffConfirmedImports: number;
  review: { rows: number; confirmed: number; disputed: number; unconfirmed: number };
  disputes: { open: number; inReview: number; resolved: number; overdue: number; awaitingResubmission: number };
  finalLock: { lockedAt: string } | null;
  receiptImports: { id: string; kind: string }[];
}
type Errors = { field?: string[]; code: string; message: string }[];

interface Setup {
  school: TestSchool;
  termId: string;
  sectionId: string;
  registration: ApiClient;
  student: ApiClient;
}

/**
 * A school with graded course records for two courses, every window of the round in place (confirmation now for
 * three days, disputes until day 6, the final submission from day 3 to day 10), course records submitted through the
 * reference central repository and the receipts imported.
 */
async function setUp(): Promise<Setup> {
  const school = await city.school({ studentsPerClass: 3 });
  await city.timeline(
    [
      { kind: TaskKind.SUBMIT, category: SubmissionCategory.COURSE_RECORDS, startsAt: at(-1), endsAt: at(20) },
      { kind: TaskKind.GRADE_ENTRY, startsAt: at(-1), endsAt: at(20) },
      { kind: TaskKind.CONFIRM_RECEIPTS, startsAt: at(-1), endsAt: at(3) },
      { kind: TaskKind.RESOLVE_DISPUTES, startsAt: at(-1), endsAt: at(6) },
      { kind: TaskKind.FINAL_SUBMIT, startsAt: at(3), endsAt: at(10) },
    ],
    [school],
  );
  const { physics, term } = await app.factory.gradedSections(school, school.students);
  const registration = await app
    .client()
    .login(school.logins.registration.username, school.logins.registration.password);
  const termId = toGlobalId('Term', term.id);
  await submitAndImport(registration, termId, 'confirm-round-1');
  const student = await app.client().login(school.logins.student.username, school.logins.student.password);
  return { school, termId, sectionId: toGlobalId('CourseSection', physics.id), registration, student };
}

async function submitAndImport(registration: ApiClient, termId: string, key: string): Promise<string> {
  const submitted = await registration.ok<{ submitTerm: { submission: { id: string } | null; userErrors: Errors } }>(
    SUBMIT,
    { input: { termId, category: 'COURSE_RECORDS', idempotencyKey: key } },
  );
  expect(submitted.submitTerm.userErrors).toEqual([]);
  const submissionId = submitted.submitTerm.submission!.id;
  const sent = await registration.ok<{ sendToCentralRepository: { receiptFiles: { id: string }[] } }>(SEND, {
    input: { submissionId },
  });
  for (const file of sent.sendToCentralRepository.receiptFiles) {
    const imported = await registration.ok<{ importReceipts: { userErrors: Errors } }>(IMPORT, {
      input: { submissionId, uploadId: file.id },
    });
    expect(imported.importReceipts.userErrors).toEqual([]);
  }
  return submissionId;
}

const rowsOf = async (client: ApiClient, school: TestSchool, index: number, termId: string) =>
  (
    await client.ok<{ studentReceiptRows: Row[] }>(ROWS, {
      studentId: toGlobalId('Student', school.students[index]!.id),
      termId,
    })
  ).studentReceiptRows;

const reviewCount = async (schoolId: string) =>
  (await app.sqlOne<{ n: number }>('select count(*)::int as n from receipt_review where school_id = ?', [schoolId])).n;

const stageOf = async (client: ApiClient, termId: string): Promise<Stage> =>
  (await client.ok<{ submissionConsole: Stage[] }>(CONSOLE, { termId })).submissionConsole.find(
    (s) => s.category === 'COURSE_RECORDS',
  )!;

describe('confirming receipt lists, disputes and the final lock', () => {
  it('runs the round: confirm, dispute, notify, resolve by correction, resubmit, lock — and the lock holds everywhere', async () => {
    const { school, termId, registration, student } = await setUp();
    const rows = await rowsOf(student, school, 0, termId);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.decision === null && row.dispute === null)).toBe(true);

    // Bad input first: none of it writes anything.
    const before = await reviewCount(school.school.id);
    const empty = await student.ok<{ confirmReceiptRows: { userErrors: Errors } }>(CONFIRM, {
      input: { receiptRowIds: [] },
    });
    expect(empty.confirmReceiptRows.userErrors[0]!.code).toBe('INVALID_ROW_COUNT');
    const othersRow = (await rowsOf(registration, school, 1, termId))[0]!;
    const notMine = await student.ok<{ confirmReceiptRows: { userErrors: Errors } }>(CONFIRM, {
      input: { receiptRowIds: [rows[0]!.id, othersRow.id] },
    });
    expect(notMine.confirmReceiptRows.userErrors[0]!.code).toBe('RECEIPT_ROW_NOT_YOURS');
    const disputeOthers = await student.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: othersRow.id, reason: '不是我的' },
    });
    expect(disputeOthers.raiseDispute.userErrors[0]!.code).toBe('RECEIPT_ROW_NOT_YOURS');
    const noReason = await student.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: rows[1]!.id, reason: '   ' },
    });
    expect(noReason.raiseDispute.userErrors[0]!.code).toBe('REASON_REQUIRED');
    expect(await reviewCount(school.school.id)).toBe(before);
    // Staff raise disputes only on their own categories' rows (tests/api/dispute-corrections.test.ts); a subject
    // teacher is no section at all.
    const subjectTeacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const teacherDispute = await subjectTeacher.request(RAISE, {
      input: { receiptRowId: rows[1]!.id, reason: '測試' },
    });
    expect(teacherDispute.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherSection = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    const affairsDispute = await otherSection.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: rows[1]!.id, reason: '測試' },
    });
    expect(affairsDispute.raiseDispute.userErrors[0]!.code).toBe('NOT_YOUR_CATEGORY');

    // The student confirms one row and disputes the other; the dispute is due when the dispute window ends.
    const confirmed = await student.ok<{
      confirmReceiptRows: { receiptRows: { decision: string }[]; userErrors: Errors };
    }>(CONFIRM, { input: { receiptRowIds: [rows[0]!.id] } });
    expect(confirmed.confirmReceiptRows.userErrors).toEqual([]);
    expect(confirmed.confirmReceiptRows.receiptRows[0]!.decision).toBe('CORRECT');
    const raised = await student.ok<{
      raiseDispute: { dispute: { id: string; status: string; dueAt: string; overdue: boolean }; userErrors: Errors };
    }>(RAISE, { input: { receiptRowId: rows[1]!.id, reason: '國語文的學期成績應為 85 分' } });
    expect(raised.raiseDispute.userErrors).toEqual([]);
    const disputeA = raised.raiseDispute.dispute;
    expect(disputeA.status).toBe('OPEN');
    expect(new Date(disputeA.dueAt).getTime()).toBe(at(6).getTime());
    const again = await student.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: rows[1]!.id, reason: '再一次' },
    });
    expect(again.raiseDispute.userErrors[0]!.code).toBe('ALREADY_DISPUTED');
    const confirmDisputed = await student.ok<{ confirmReceiptRows: { userErrors: Errors } }>(CONFIRM, {
      input: { receiptRowIds: [rows[1]!.id] },
    });
    expect(confirmDisputed.confirmReceiptRows.userErrors[0]!.code).toBe('ROW_DISPUTED');

    // The homeroom teacher sees the class's progress; the other students have not confirmed anything yet.
    const homeroom = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    const progress = await homeroom.ok<{
      classConfirmationProgress: {
        student: { studentNumber: string };
        rows: number;
        confirmed: number;
        disputed: number;
        unconfirmed: number;
      }[];
    }>(CLASS_PROGRESS, { classId: toGlobalId('SchoolClass', school.classes[0]!.id), termId });
    const first = progress.classConfirmationProgress.find(
      (p) => p.student.studentNumber === school.students[0]!.studentNumber,
    )!;
    expect([first.rows, first.confirmed, first.disputed, first.unconfirmed]).toEqual([2, 1, 1, 0]);
    const others = progress.classConfirmationProgress.filter((p) => p !== first);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((p) => p.confirmed === 0 && p.unconfirmed === p.rows && p.rows === 2)).toBe(true);
    const outsider = await student.request(CLASS_PROGRESS, {
      classId: toGlobalId('SchoolClass', school.classes[0]!.id),
      termId,
    });
    expect(outsider.errors[0]?.extensions?.code).toBe('FORBIDDEN');

    // The statistics' confirmation rate follows: the school per class, the bureau per school.
    const classProgress = await registration.ok<{
      schoolTermProgress: { nodes: { className: string; confirmationRatePct: number | null }[] };
    }>('query ($termId: ID!) { schoolTermProgress(termId: $termId) { nodes { className confirmationRatePct } } }', {
      termId,
    });
    expect(
      Object.fromEntries(classProgress.schoolTermProgress.nodes.map((n) => [n.className, n.confirmationRatePct])),
    ).toEqual({ [school.classes[0]!.name]: 33.33, [school.classes[1]!.name]: 0 });
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    const termKey = await app.sqlOne<{ key: string }>(
      `select y.year::text || t.semester::text as key from term t join academic_year y on y.id = t.academic_year_id
       where t.id = (select term_id from submission where school_id = ? limit 1)`,
      [school.school.id],
    );
    const cityProgress = await bureau.ok<{
      cityTermProgress: { nodes: { schoolCode: string; confirmationRatePct: number | null }[] };
    }>(
      'query ($term: String!) { cityTermProgress(term: $term, first: 100) { nodes { schoolCode confirmationRatePct } } }',
      {
        term: termKey.key,
      },
    );
    expect(cityProgress.cityTermProgress.nodes.find((n) => n.schoolCode === school.school.code)).toMatchObject({
      confirmationRatePct: 16.67,
    });

    // Staff confirm their receipt list; a subject teacher may not.
    let stage = await stageOf(registration, termId);
    expect(stage.stage).toBe('DISPUTES');
    const staffConfirm = await registration.ok<{ confirmReceiptImport: { userErrors: Errors } }>(STAFF_CONFIRM, {
      input: { receiptImportId: stage.receiptImports[0]!.id },
    });
    expect(staffConfirm.confirmReceiptImport.userErrors).toEqual([]);
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const teacherConfirm = await teacher.request(STAFF_CONFIRM, {
      input: { receiptImportId: stage.receiptImports[0]!.id },
    });
    expect(teacherConfirm.errors[0]?.extensions?.code).toBe('FORBIDDEN');

    // The dispute has its own address: the sections answering 修課紀錄 read it there; a subject teacher and 訓育組
    // (whose categories are others) get nothing, as in the disputes list.
    const DISPUTE_NODE = 'query ($id: ID!) { node(id: $id) { id ... on Dispute { reason status } } }';
    const read = async (client: ApiClient) =>
      (await client.ok<{ node: unknown }>(DISPUTE_NODE, { id: disputeA.id })).node;
    expect(await read(registration)).toEqual({ id: disputeA.id, reason: expect.any(String), status: 'OPEN' });
    expect(await read(teacher)).toBeNull();
    const affairs = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    expect(await read(affairs)).toBeNull();

    // The student hears through the alert subscription when the dispute is taken up and answered.
    const notices = await subscribe(
      app.wsUrl,
      student.token!,
      'subscription { deadlineAlerts { kind taskId message } }',
      (data) => data.deadlineAlerts as { kind: string; taskId: string; message: string },
    );
    try {
      const reviewed = await registration.ok<{
        startDisputeReview: { dispute: { status: string }; userErrors: Errors };
      }>(REVIEW, { input: { disputeId: disputeA.id } });
      expect(reviewed.startDisputeReview.dispute.status).toBe('IN_REVIEW');
      const badAnswer = await registration.ok<{ resolveDispute: { userErrors: Errors } }>(RESOLVE, {
        input: { disputeId: disputeA.id, resolution: 'CORRECTED', answer: '' },
      });
      expect(badAnswer.resolveDispute.userErrors[0]!.code).toBe('ANSWER_REQUIRED');
      const resolved = await registration.ok<{ resolveDispute: { dispute: { status: string }; userErrors: Errors } }>(
        RESOLVE,
        { input: { disputeId: disputeA.id, resolution: 'CORRECTED', answer: '已更正為 85 分，將重新提交。' } },
      );
      expect(resolved.resolveDispute.dispute.status).toBe('RESOLVED_CORRECTED');
      const heard = await notices.waitFor(2);
      expect(heard.map((n) => n.kind)).toEqual(['DISPUTE_UPDATED', 'DISPUTE_UPDATED']);
      expect(heard.every((n) => n.taskId === disputeA.id)).toBe(true);
      expect(heard[1]!.message).toContain('已更正為 85 分');
    } finally {
      await notices.close();
    }
    // A second student disputes a row and nobody answers in time: it is flagged overdue.
    const second = school.students[1]!;
    const secondAccount = school.accounts.find((a) => a.id === second.account!.id)!;
    const secondStudent = await app.client().login(secondAccount.username, TEST_PASSWORD);
    const secondRow = (await rowsOf(secondStudent, school, 1, termId))[0]!;
    const raisedB = await secondStudent.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: secondRow.id, reason: '物理的學分數不對' },
    });
    expect(raisedB.raiseDispute.userErrors).toEqual([]);

    // Day 7: the final submission window is open, the dispute window closed a day ago with one dispute unanswered.
    app.clock.set(at(7));
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    stage = await stageOf(staff, termId);
    expect(stage.disputes).toEqual({ open: 1, inReview: 0, resolved: 1, overdue: 1, awaitingResubmission: 1 });
    const overdue = await staff.ok<{ disputes: { nodes: { id: string; overdue: boolean; status: string }[] } }>(
      DISPUTES,
      { termId, statuses: ['OPEN', 'IN_REVIEW'] },
    );
    expect(overdue.disputes.nodes).toHaveLength(1);
    expect(overdue.disputes.nodes[0]!.overdue).toBe(true);
    let finalize = await staff.ok<{ finalizeTerm: { userErrors: Errors } }>(FINALIZE, {
      input: { termId, category: 'COURSE_RECORDS' },
    });
    expect(finalize.finalizeTerm.userErrors[0]!.code).toBe('DISPUTES_OPEN');
    await staff.ok(RESOLVE, {
      input: { disputeId: overdue.disputes.nodes[0]!.id, resolution: 'NO_CHANGE', answer: '經查成績無誤。' },
    });
    finalize = await staff.ok(FINALIZE, { input: { termId, category: 'COURSE_RECORDS' } });
    expect(finalize.finalizeTerm.userErrors[0]!.code).toBe('CORRECTIONS_NOT_RESUBMITTED');

    // The correction goes out with a resubmission; its receipts must be imported before the lock.
    await app.sql(
      `update enrolment set term_grade = 85 where school_id = ? and student_id = ?
         and section_id in (select s.id from course_section s join course c on c.id = s.course_id
                            where s.school_id = ? and c.subject_name = '國語文')`,
      [school.school.id, school.students[0]!.id, school.school.id],
    );
    const resubmission = await staff.ok<{ submitTerm: { submission: { id: string } } }>(SUBMIT, {
      input: { termId, category: 'COURSE_RECORDS', idempotencyKey: 'confirm-round-2' },
    });
    const resubmissionId = resubmission.submitTerm.submission.id;
    finalize = await staff.ok(FINALIZE, { input: { termId, category: 'COURSE_RECORDS' } });
    expect(finalize.finalizeTerm.userErrors[0]!.code).toBe('RECEIPTS_NOT_IMPORTED');
    const sent = await staff.ok<{ sendToCentralRepository: { receiptFiles: { id: string }[] } }>(SEND, {
      input: { submissionId: resubmissionId },
    });
    await staff.ok(IMPORT, {
      input: { submissionId: resubmissionId, uploadId: sent.sendToCentralRepository.receiptFiles[0]!.id },
    });
    const carried = await app.sqlOne<{ resubmission_id: string | null }>(
      `select resubmission_id from dispute where school_id = ? and status = 'RESOLVED_CORRECTED'`,
      [school.school.id],
    );
    expect(toGlobalId('Submission', carried.resubmission_id!)).toBe(resubmissionId);

    // A grade changed after the resubmission by a path that is no correction (here SQL, as an import or grade entry
    // would): the lock would freeze what the central database never received, so it waits until it is sent.
    const [graded] = await app.sql<{ id: string; term_grade: string | null }>(
      `select e.id, e.term_grade from enrolment e where e.school_id = ? and e.term_grade is not null limit 1`,
      [school.school.id],
    );
    await app.sql('update enrolment set term_grade = term_grade + 1 where id = ?', [graded!.id]);
    finalize = await staff.ok(FINALIZE, { input: { termId, category: 'COURSE_RECORDS' } });
    expect(finalize.finalizeTerm.userErrors[0]).toMatchObject({
      code: 'CORRECTIONS_NOT_RESUBMITTED',
      message: expect.stringContaining('1 筆資料在最近一次提交之後有變動'),
    });
    await app.sql('update enrolment set term_grade = ? where id = ?', [graded!.term_grade, graded!.id]);

    finalize = await staff.ok<{ finalizeTerm: { finalLock: { category: string } | null; userErrors: Errors } }>(
      FINALIZE,
      { input: { termId, category: 'COURSE_RECORDS' } },
    );
    expect(finalize.finalizeTerm.userErrors).toEqual([]);
    stage = await stageOf(staff, termId);
    expect(stage.stage).toBe('FINAL');
    expect(stage.submissionCount).toBe(2);

    // After the lock: GraphQL, a second lock, a resubmission, receipts and direct SQL as portfolio_app all refused.
    const gradesBefore = await app.sql<{ term_grade: string }>(
      'select term_grade from enrolment where school_id = ? order by id',
      [school.school.id],
    );
    const teacherLate = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const enrolment = await app.sqlOne<{ id: string; section_id: string }>(
      'select id, section_id from enrolment where school_id = ? order by id limit 1',
      [school.school.id],
    );
    const refused = await teacherLate.request(ENTER, {
      input: {
        sectionId: toGlobalId('CourseSection', enrolment.section_id),
        grades: [{ enrolmentId: toGlobalId('Enrolment', enrolment.id), termGrade: 99 }],
      },
    });
    expect(refused.errors[0]?.extensions?.code).toBe('TERM_FINALIZED');
    expect(refused.errors[0]?.message).toMatch(/^\d+學年度第\d學期的「修課紀錄」已完成最終提交/);
    finalize = await staff.ok(FINALIZE, { input: { termId, category: 'COURSE_RECORDS' } });
    expect(finalize.finalizeTerm.userErrors[0]!.code).toBe('TERM_FINALIZED');
    const resubmitLate = await staff.ok<{ submitTerm: { userErrors: Errors } }>(SUBMIT, {
      input: { termId, category: 'COURSE_RECORDS', idempotencyKey: 'confirm-round-3' },
    });
    expect(resubmitLate.submitTerm.userErrors[0]!.code).toBe('TERM_FINALIZED');
    const asApp = app.owner.em.fork();
    await expect(
      asApp.transactional(async (tx) => {
        await tx.execute('set local role portfolio_app');
        await tx.execute(`select set_config('app.school_id', ?, true)`, [school.school.id]);
        await tx.execute('update enrolment set term_grade = 1 where school_id = ?', [school.school.id]);
      }),
    ).rejects.toMatchObject({ code: 'PF001' });
    await expect(app.sql('delete from enrolment where school_id = ?', [school.school.id])).rejects.toMatchObject({
      code: 'PF001',
    });
    // An import that would change an enrolment of the locked term is refused as a whole, with the same clear error.
    const course = await app.sqlOne<{ code: string; name: string }>(
      `select c.code, cs.name from enrolment e join course_section cs on cs.id = e.section_id
       join course c on c.id = cs.course_id where e.id = ?`,
      [enrolment.id],
    );
    const upload = await uploadImportFile(
      app.url,
      staff,
      'enrolments.csv',
      csvFile([
        ['學號', '課程代碼', '班別', '修課類別'],
        [school.students[0]!.studentNumber, course.code, course.name, '重修'],
      ]),
    );
    const preview = await staff.ok<{ previewImport: { importRun: { id: string; toUpdate: number } } }>(
      'mutation ($input: PreviewImportInput!) { previewImport(input: $input) { importRun { id toUpdate } } }',
      { input: { kind: 'ENROLMENTS', uploadId: upload.id } },
    );
    expect(preview.previewImport.importRun.toUpdate).toBe(1);
    const imported = await staff.request(
      'mutation ($input: CommitImportInput!) { commitImport(input: $input) { importRun { id } } }',
      { input: { importId: preview.previewImport.importRun.id } },
    );
    expect(imported.errors[0]?.extensions?.code).toBe('TERM_FINALIZED');
    const kinds = await app.sql<{ kind: string }>('select distinct kind from enrolment where school_id = ?', [
      school.school.id,
    ]);
    expect(kinds).toEqual([{ kind: 'REGULAR' }]);

    const gradesAfter = await app.sql<{ term_grade: string }>(
      'select term_grade from enrolment where school_id = ? order by id',
      [school.school.id],
    );
    expect(gradesAfter).toEqual(gradesBefore);

    // The homeroom teacher downloads the class confirmation sheet (XLSX and PDF); a student may not.
    const homeroomNow = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    const sheetUrl = (format: string) =>
      `${app.url}/classes/${toGlobalId('SchoolClass', school.classes[0]!.id)}/confirmation-sheet.${format}?termId=${encodeURIComponent(termId)}`;
    const xlsx = await fetch(sheetUrl('xlsx'), { headers: { authorization: `Bearer ${homeroomNow.token}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(school.students[0]!.name);
    expect(cells.some((cell) => /\d{3}\/\d{2}\/\d{2}/.test(cell))).toBe(true);
    expect(cells.join(' ')).not.toContain(app.services.pii.decrypt(school.students[0]!.nationalIdEncrypted));
    const pdf = await fetch(sheetUrl('pdf'), { headers: { authorization: `Bearer ${homeroomNow.token}` } });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const studentSheet = await fetch(sheetUrl('pdf'), {
      headers: {
        authorization: `Bearer ${(await app.client().login(school.logins.student.username, school.logins.student.password)).token}`,
      },
    });
    expect(studentSheet.status).toBe(403);

    // The audit view lists every step, by area; students may not read it.
    const audit = await staff.ok<{ auditLog: { nodes: { operation: string; operationLabel: string }[] } }>(AUDIT, {
      area: 'DISPUTES',
    });
    expect(audit.auditLog.nodes.map((n) => n.operation).sort()).toEqual(
      ['dispute.raise', 'dispute.raise', 'dispute.resolve', 'dispute.resolve', 'dispute.review'].sort(),
    );
    const finals = await staff.ok<{ auditLog: { nodes: { operationLabel: string; detailText: string }[] } }>(AUDIT, {
      area: 'FINAL',
    });
    expect(finals.auditLog.nodes.map((n) => [n.operationLabel, n.detailText])).toEqual([
      ['完成最終提交', '類別：修課紀錄'],
    ]);
    const studentNow = await app.client().login(school.logins.student.username, school.logins.student.password);
    const studentAudit = await studentNow.request(AUDIT, { area: 'DISPUTES' });
    expect(studentAudit.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('verify-storage re-hashes the stored submission packages too', async () => {
    const { school } = await setUp();
    const submission = await app.sqlOne<{ id: string; zip_sha256: string }>(
      'select id, zip_sha256 from submission where school_id = ?',
      [school.school.id],
    );
    const file = path.join(app.filesDir, ...storageKeyOf(submission.zip_sha256).split('/'));
    const original = await readFile(file);
    await writeFile(file, Buffer.concat([original, Buffer.from('tampered')]));
    try {
      const report = await withClient(testDatabaseUrl(), (db) =>
        verifyStorage(db, app.services.files, { schoolIds: [school.school.id] }),
      );
      expect(report.problems).toEqual([
        expect.objectContaining({
          kind: 'CORRUPT',
          uploadId: submission.id,
          fileName: '提交資料包 COURSE_RECORDS.zip',
        }),
      ]);
    } finally {
      await writeFile(file, original);
    }
  });

  it('refuses confirming and disputing once the confirmation window has closed, and changes nothing', async () => {
    const { school, termId, student } = await setUp();
    const rows = await rowsOf(student, school, 0, termId);
    app.clock.set(at(3.5));
    const late = await app.client().login(school.logins.student.username, school.logins.student.password);
    const before = await reviewCount(school.school.id);
    const confirm = await late.ok<{ confirmReceiptRows: { userErrors: Errors } }>(CONFIRM, {
      input: { receiptRowIds: [rows[0]!.id] },
    });
    expect(confirm.confirmReceiptRows.userErrors[0]!.code).toBe('WINDOW_CLOSED');
    expect(confirm.confirmReceiptRows.userErrors[0]!.message).toMatch(
      /「確認 \d+學年度第\d學期 收訖明細」已於 \d+\/\d+\/\d+/,
    );
    const dispute = await late.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: rows[0]!.id, reason: '太晚了' },
    });
    expect(dispute.raiseDispute.userErrors[0]!.code).toBe('WINDOW_CLOSED');
    expect(await reviewCount(school.school.id)).toBe(before);
    const disputes = await app.sqlOne<{ n: number }>('select count(*)::int as n from dispute where school_id = ?', [
      school.school.id,
    ]);
    expect(disputes.n).toBe(0);
  });

  it('never lets a student of another school touch or see a row', async () => {
    const { school, termId } = await setUp();
    const other = await city.school();
    const stranger = await app.client().login(other.logins.student.username, other.logins.student.password);
    const foreignRow = (
      await app.sqlOne<{ id: string }>('select id from receipt_row where school_id = ? limit 1', [school.school.id])
    ).id;
    const result = await stranger.ok<{ confirmReceiptRows: { userErrors: Errors } }>(CONFIRM, {
      input: { receiptRowIds: [toGlobalId('ReceiptRow', foreignRow)] },
    });
    expect(result.confirmReceiptRows.userErrors[0]!.code).toBe('RECEIPT_ROW_NOT_YOURS');
    const staff = await app.client().login(other.logins.registration.username, other.logins.registration.password);
    // Another school's term is no term here (the one answer every term argument gives), never that school's figures.
    for (const query of [CONSOLE, DISPUTES]) {
      const foreign = await staff.request(query, { termId });
      expect(foreign.data).toBeNull();
      expect(foreign.errors.map((error) => [error.extensions?.code, error.message])).toEqual([
        ['BAD_USER_INPUT', '找不到指定的學期。'],
      ]);
    }
  });
});
