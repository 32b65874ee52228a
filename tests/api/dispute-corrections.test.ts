import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { parsePdf } from '../../api/src/modules/round/confirmation/__tests__/pdf-reader.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import { TEST_PASSWORD, type TestCity, type TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// Corrections during 疑義處理 (issue 20): staff correct what a dispute is about before the final lock, a dispute can be
// raised by staff too, a student edits or deletes their own performances before a submission carries them, a receipt
// row shows the fields to check, and a student prints their own confirmation. The clock is in 115-2 (March), so one
// round carries 基本資料, 修課紀錄 and the year's 多元表現.
const DAY = 24 * 3600_000;
const NOW = new Date('2027-03-10T09:00:00+08:00');
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const { BASIC, COURSE_RECORDS, PERFORMANCES } = SubmissionCategory;

const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) { submission { id } userErrors { code message } }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) { receiptImport { id } userErrors { code message } }
}`;
const FINALIZE = `mutation ($input: FinalizeTermInput!) {
  finalizeTerm(input: $input) { finalLock { category } userErrors { code message } }
}`;
const ROWS = `query ($studentId: ID!, $termId: ID) {
  studentReceiptRows(studentId: $studentId, termId: $termId) {
    id kind decision viewerCanRaiseStaffDispute fields { label value }
    dispute { id status answer raisedByStaff resubmission { id } }
  }
}`;
const RAISE = `mutation ($input: RaiseDisputeInput!) {
  raiseDispute(input: $input) { dispute { id status raisedByStaff } userErrors { field code message } }
}`;
const CONFIRM = `mutation ($input: ConfirmReceiptRowsInput!) {
  confirmReceiptRows(input: $input) { receiptRows { id } userErrors { code message } }
}`;
const RECORDS = `query ($disputeId: ID!) {
  disputeRecords(disputeId: $disputeId) {
    matchedId notCorrectable
    cadreRecords { id unit position }
    enrolments { id termGrade }
    performances { id title details { key value } }
  }
}`;
const CORRECT_PERFORMANCE = `mutation ($input: CorrectPerformanceInput!) {
  correctPerformance(input: $input) {
    performance { id title details { key value } }
    dispute { id status answer }
    userErrors { field code message }
  }
}`;
const DELETE_STUDENT_PERFORMANCE = `mutation ($input: DeleteStudentPerformanceInput!) {
  deleteStudentPerformance(input: $input) { deletedId dispute { id status } userErrors { field code message } }
}`;
const UPDATE_CADRE = `mutation ($input: UpdateCadreRecordInput!) {
  updateCadreRecord(input: $input) { record { id position level } dispute { id } userErrors { field code message } }
}`;
const DELETE_CADRE = `mutation ($input: DeleteCadreRecordInput!) {
  deleteCadreRecord(input: $input) { deletedId userErrors { field code message } }
}`;
const CORRECT_ENROLMENT = `mutation ($input: CorrectEnrolmentInput!) {
  correctEnrolment(input: $input) {
    enrolment { id termGrade passed kind }
    dispute { id status answer }
    userErrors { field code message }
  }
}`;
const RECORD_PERFORMANCE = `mutation ($input: RecordPerformanceInput!) {
  recordPerformance(input: $input) { performance { id } userErrors { code message } }
}`;
const UPDATE_PERFORMANCE = `mutation ($input: UpdatePerformanceInput!) {
  updatePerformance(input: $input) { performance { id title description details { key value } } userErrors { field code message } }
}`;
const DELETE_PERFORMANCE = `mutation ($input: DeletePerformanceInput!) {
  deletePerformance(input: $input) { deletedId userErrors { field code message } }
}`;
const EDIT_RULE = `query ($termId: ID) { myPerformanceEditRule(termId: $termId) { allowed reason } }`;
const AUDIT = `query ($area: AuditArea) {
  auditLog(area: $area, first: 50) { nodes { operation detailText } }
}`;

type Errors = { field?: string[]; code: string; message: string }[];
interface Row {
  id: string;
  kind: string;
  decision: string | null;
  viewerCanRaiseStaffDispute: boolean;
  fields: { label: string; value: string }[];
  dispute: {
    id: string;
    status: string;
    answer: string | null;
    raisedByStaff: boolean;
    resubmission: { id: string } | null;
  } | null;
}

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp({}, NOW);
  city = await app.factory.city();
});
afterEach(() => app.clock.set(NOW));
afterAll(() => app.close());

const login = (who: { username: string; password: string }) => app.client().login(who.username, who.password);
const termOf = (school: TestSchool) =>
  school.terms.find((t) => t.startsOn <= '2027-03-10' && t.endsOn >= '2027-03-10')!;
const termId = (school: TestSchool) => toGlobalId('Term', termOf(school).id);
const studentId = (school: TestSchool, index = 0) => toGlobalId('Student', school.students[index]!.id);

/** Every window of the round around NOW: submission and confirmation open, disputes until day 6, the lock from day 3. */
async function schoolWithRound(extra: { kind: TaskKind; startsAt: Date; endsAt: Date }[] = []): Promise<TestSchool> {
  const school = await city.school({ studentsPerClass: 2 });
  await city.timeline(
    [
      ...[BASIC, COURSE_RECORDS, PERFORMANCES].map((category) => ({
        kind: TaskKind.SUBMIT,
        category,
        startsAt: at(-1),
        endsAt: at(20),
      })),
      { kind: TaskKind.CONFIRM_RECEIPTS, startsAt: at(-1), endsAt: at(3) },
      { kind: TaskKind.RESOLVE_DISPUTES, startsAt: at(-1), endsAt: at(6) },
      { kind: TaskKind.FINAL_SUBMIT, startsAt: at(3), endsAt: at(10) },
      ...extra,
    ],
    [school],
  );
  return school;
}

async function submitSendImport(staff: ApiClient, school: TestSchool, category: string, key: string): Promise<string> {
  const submitted = await staff.ok<{ submitTerm: { submission: { id: string } | null; userErrors: Errors } }>(SUBMIT, {
    input: { termId: termId(school), category, idempotencyKey: key },
  });
  expect(submitted.submitTerm.userErrors).toEqual([]);
  const submissionId = submitted.submitTerm.submission!.id;
  const sent = await staff.ok<{ sendToCentralRepository: { receiptFiles: { id: string }[] } }>(SEND, {
    input: { submissionId },
  });
  for (const file of sent.sendToCentralRepository.receiptFiles) {
    const imported = await staff.ok<{ importReceipts: { userErrors: Errors } }>(IMPORT, {
      input: { submissionId, uploadId: file.id },
    });
    expect(imported.importReceipts.userErrors).toEqual([]);
  }
  return submissionId;
}

const rowsOf = async (client: ApiClient, school: TestSchool, index = 0) =>
  (
    await client.ok<{ studentReceiptRows: Row[] }>(ROWS, {
      studentId: studentId(school, index),
      termId: termId(school),
    })
  ).studentReceiptRows;

const fieldText = (row: Row) => row.fields.map((field) => `${field.label}：${field.value}`).join('；');

/** A selected competition of the year for the first student: 全國科展, 獎項 佳作. */
async function competition(school: TestSchool): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, details,
                                      description, selected_at, created_at, updated_at)
     values (?, gen_random_uuid(), ?, ?, 'COMPETITION', '全國科展', ?::jsonb, '物理科作品', now(), now(), now())
     returning id`,
    [
      school.school.id,
      school.students[0]!.id,
      school.years.at(-1)!.id,
      JSON.stringify({ item: '物理', level: '全國', award: '佳作', resultDate: '2026-10-01', participation: '個人' }),
    ],
  );
  return row!.id;
}

const competitionInput = (award: string) => ({
  category: 'COMPETITION',
  title: '全國科展',
  description: '物理科作品',
  details: [
    { key: 'item', value: '物理' },
    { key: 'level', value: '全國' },
    { key: 'award', value: award },
    { key: 'resultDate', value: '2026-10-01' },
    { key: 'participation', value: '個人' },
  ],
});

const detailsOf = async (performanceId: string) =>
  (
    await app.sqlOne<{ details: Record<string, string> }>('select details from diverse_performance where id = ?', [
      performanceId,
    ])
  ).details;

describe('corrections during 疑義處理', () => {
  it('corrects a disputed performance from its dispute, carries it in the resubmission and refuses after the lock', async () => {
    const school = await schoolWithRound();
    const performanceId = await competition(school);
    const performance = toGlobalId('DiversePerformance', performanceId);
    const registration = await login(school.logins.registration);
    await submitSendImport(registration, school, PERFORMANCES, 'performances-round-1');

    // The student's row shows what was submitted, the award included; nothing of the school, period or national ID.
    const student = await login(school.logins.student);
    const [row] = (await rowsOf(student, school)).filter((r) => r.kind === 'PERFORMANCES');
    expect(fieldText(row!)).toMatch(/獎項[^；]*佳作/);
    const labels = row!.fields.map((field) => field.label);
    for (const hidden of ['學校代碼', '學年度', '學期', '身分證號', '出生日期']) expect(labels).not.toContain(hidden);
    expect(labels.some((label) => label.endsWith('SHA-256'))).toBe(false);
    const nationalId = app.services.pii.decrypt(school.students[0]!.nationalIdEncrypted);
    expect(JSON.stringify(row!.fields)).not.toContain(nationalId);
    expect(row!.viewerCanRaiseStaffDispute).toBe(false);

    const raised = await student.ok<{ raiseDispute: { dispute: { id: string }; userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: row!.id, reason: '獎項應為第一名' },
    });
    expect(raised.raiseDispute.userErrors).toEqual([]);
    const disputeId = raised.raiseDispute.dispute.id;

    // 教學組 does not handle 多元表現: refused with the reason, nothing changed.
    const teaching = await login(school.logins.teaching);
    const wrongSection = await teaching.ok<{ correctPerformance: { userErrors: Errors } }>(CORRECT_PERFORMANCE, {
      input: { performanceId: performance, ...competitionInput('第一名'), disputeId },
    });
    expect(wrongSection.correctPerformance.userErrors.map((e) => e.code)).toEqual(['NOT_YOUR_CATEGORY']);
    expect(wrongSection.correctPerformance.userErrors[0]!.message).toContain('多元表現');
    const teacher = await login(school.logins.teacher);
    const notStaff = await teacher.request(CORRECT_PERFORMANCE, {
      input: { performanceId: performance, ...competitionInput('第一名') },
    });
    expect(notStaff.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await detailsOf(performanceId)).award).toBe('佳作');

    // 訓育組 opens what the dispute is about: the row names this performance.
    const affairs = await login(school.logins.affairs);
    const records = await affairs.ok<{
      disputeRecords: { matchedId: string | null; performances: { id: string }[]; notCorrectable: string | null };
    }>(RECORDS, { disputeId });
    expect(records.disputeRecords.matchedId).toBe(performance);
    expect(records.disputeRecords.performances.map((p) => p.id)).toEqual([performance]);
    expect(records.disputeRecords.notCorrectable).toBeNull();
    expect((await teaching.request(RECORDS, { disputeId })).errors[0]?.extensions?.code).toBe('FORBIDDEN');

    // Hostile or mistaken input changes nothing.
    const bad = async (input: Record<string, unknown>) =>
      (
        await affairs.ok<{ correctPerformance: { userErrors: Errors } }>(CORRECT_PERFORMANCE, {
          input: { performanceId: performance, ...competitionInput('第一名'), disputeId, ...input },
        })
      ).correctPerformance.userErrors.map((e) => e.code);
    expect(await bad({ performanceId: 'nonsense' })).toEqual(['PERFORMANCE_NOT_FOUND']);
    expect(await bad({ performanceId: toGlobalId('CadreRecord', performanceId) })).toEqual(['PERFORMANCE_NOT_FOUND']);
    expect(await bad({ disputeId: toGlobalId('Dispute', performanceId) })).toEqual(['DISPUTE_NOT_FOUND']);
    expect(await bad({ answer: '長'.repeat(401) })).toEqual(['ANSWER_TOO_LONG']);
    expect(await bad({ description: '字'.repeat(101) })).toEqual(['DESCRIPTION_TOO_LONG']);
    expect(await bad({ details: [{ key: 'award', value: '' }] })).toContain('REQUIRED');
    expect(await bad({ externalLink: 'javascript:alert(1)' })).toEqual(['INVALID_LINK']);
    expect(await bad(competitionInput('佳作'))).toEqual(['NOTHING_CHANGED']);
    const badEnum = await affairs.request(CORRECT_PERFORMANCE, {
      input: { performanceId: performance, ...competitionInput('第一名'), category: 'NOPE' },
    });
    expect(badEnum.status).toBe(400);
    expect((await detailsOf(performanceId)).award).toBe('佳作');
    expect(
      (
        await app.sqlOne<{ n: number }>('select count(*)::int as n from record_correction where school_id = ?', [
          school.school.id,
        ])
      ).n,
    ).toBe(0);

    // The correction answers the dispute: corrected, and the answer says what changed.
    const corrected = await affairs.ok<{
      correctPerformance: {
        performance: { details: { key: string; value: string }[] };
        dispute: { id: string; status: string; answer: string };
        userErrors: Errors;
      };
    }>(CORRECT_PERFORMANCE, {
      input: { performanceId: performance, ...competitionInput('第一名'), disputeId, answer: '已查證獎狀。' },
    });
    expect(corrected.correctPerformance.userErrors).toEqual([]);
    expect(corrected.correctPerformance.performance.details).toContainEqual({ key: 'award', value: '第一名' });
    expect(corrected.correctPerformance.dispute).toMatchObject({ id: disputeId, status: 'RESOLVED_CORRECTED' });
    expect(corrected.correctPerformance.dispute.answer).toBe('已查證獎狀。（更正內容：獎項：佳作 → 第一名）');
    const again = await affairs.ok<{ correctPerformance: { userErrors: Errors } }>(CORRECT_PERFORMANCE, {
      input: { performanceId: performance, ...competitionInput('第二名'), disputeId },
    });
    expect(again.correctPerformance.userErrors.map((e) => e.code)).toEqual(['DISPUTE_RESOLVED']);
    const kept = await app.sqlOne<{ dispute_id: string; action: string; changes: unknown }>(
      'select dispute_id, action, changes from record_correction where school_id = ?',
      [school.school.id],
    );
    expect(toGlobalId('Dispute', kept.dispute_id)).toBe(disputeId);
    expect(kept).toMatchObject({ action: 'UPDATE', changes: [{ label: '獎項', before: '佳作', after: '第一名' }] });
    const audit = await registration.ok<{ auditLog: { nodes: { operation: string; detailText: string }[] } }>(AUDIT, {
      area: 'RECORDS',
    });
    // The audit names the field; the values stay in record_correction, not in a log every office account reads.
    const correctedAudit = audit.auditLog.nodes.find((n) => n.operation === 'performance.correct')?.detailText;
    expect(correctedAudit).toContain('變更欄位：獎項');
    expect(correctedAudit).not.toContain('佳作');

    // Day 4: the lock waits for the resubmission; then the new package and receipts carry 第一名.
    app.clock.set(at(4));
    const staff = await login(school.logins.registration);
    const early = await staff.ok<{ finalizeTerm: { userErrors: Errors } }>(FINALIZE, {
      input: { termId: termId(school), category: PERFORMANCES },
    });
    expect(early.finalizeTerm.userErrors.map((e) => e.code)).toEqual(['CORRECTIONS_NOT_RESUBMITTED']);
    const resubmissionId = await submitSendImport(staff, school, PERFORMANCES, 'performances-round-2');
    const cells = await app.sqlOne<{ cells: unknown[] }>(
      'select cells from submission_row where submission_id = ? and student_id = ?',
      [fromGlobalId(resubmissionId)!.id, school.students[0]!.id],
    );
    expect(JSON.stringify(cells.cells)).toContain('第一名');
    expect(JSON.stringify(cells.cells)).not.toContain('佳作');
    const studentLater = await login(school.logins.student);
    const [newRow] = (await rowsOf(studentLater, school)).filter((r) => r.kind === 'PERFORMANCES');
    expect(newRow!.id).not.toBe(row!.id);
    expect(fieldText(newRow!)).toMatch(/獎項[^；]*第一名/);
    const oldRows = await studentLater.ok<{ studentReceiptRows: Row[] }>(ROWS, { studentId: studentId(school) });
    expect(oldRows.studentReceiptRows.find((r) => r.id === row!.id)?.dispute?.resubmission?.id).toBe(resubmissionId);

    const locked = await staff.ok<{ finalizeTerm: { userErrors: Errors } }>(FINALIZE, {
      input: { termId: termId(school), category: PERFORMANCES },
    });
    expect(locked.finalizeTerm.userErrors).toEqual([]);
    const affairsLater = await login(school.logins.affairs);
    const afterLock = await affairsLater.ok<{ correctPerformance: { userErrors: Errors } }>(CORRECT_PERFORMANCE, {
      input: { performanceId: performance, ...competitionInput('第二名') },
    });
    expect(afterLock.correctPerformance.userErrors.map((e) => [e.code, e.message])).toEqual([
      ['TERM_FINALIZED', '115學年度的「多元表現」已完成最終提交，資料不能再新增、修改或刪除。'],
    ]);
    const deleteLocked = await affairsLater.ok<{ deleteStudentPerformance: { userErrors: Errors } }>(
      DELETE_STUDENT_PERFORMANCE,
      { input: { performanceId: performance } },
    );
    expect(deleteLocked.deleteStudentPerformance.userErrors.map((e) => e.code)).toEqual(['TERM_FINALIZED']);
    const studentEdit = await studentLater.ok<{ updatePerformance: { userErrors: Errors } }>(UPDATE_PERFORMANCE, {
      input: { performanceId: performance, ...competitionInput('第二名') },
    });
    expect(studentEdit.updatePerformance.userErrors.map((e) => e.code)).toEqual(['WINDOW_NOT_OPEN']);
    expect((await detailsOf(performanceId)).award).toBe('第一名');
  });

  it('holds the lock for a correction made without a dispute until it is resubmitted; cadre records by section', async () => {
    const school = await schoolWithRound();
    const term = termOf(school);
    const [cadre] = await app.sql<{ id: string }>(
      `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
       values (?, gen_random_uuid(), ?, ?, '班級', '班長', 1, '2027-02-15', '2027-06-30') returning id`,
      [school.school.id, school.students[0]!.id, term.id],
    );
    const cadreId = toGlobalId('CadreRecord', cadre!.id);
    const registration = await login(school.logins.registration);
    await submitSendImport(registration, school, BASIC, 'basic-round-1');
    const input = {
      cadreRecordId: cadreId,
      unit: '班級',
      position: '副班長',
      level: 2,
      startsOn: '2027-02-15',
      endsOn: '2027-06-30',
    };

    const teaching = await login(school.logins.teaching);
    const wrong = await teaching.ok<{ updateCadreRecord: { userErrors: Errors } }>(UPDATE_CADRE, { input });
    expect(wrong.updateCadreRecord.userErrors.map((e) => e.code)).toEqual(['NOT_YOUR_CATEGORY']);
    const student = await login(school.logins.student);
    expect((await student.request(UPDATE_CADRE, { input })).errors[0]?.extensions?.code).toBe('FORBIDDEN');

    const affairs = await login(school.logins.affairs);
    const bad = async (change: Record<string, unknown>) =>
      (
        await affairs.ok<{ updateCadreRecord: { userErrors: Errors } }>(UPDATE_CADRE, {
          input: { ...input, ...change },
        })
      ).updateCadreRecord.userErrors.map((e) => e.code);
    expect(await bad({ cadreRecordId: 'x'.repeat(500) })).toEqual(['CADRE_RECORD_NOT_FOUND']);
    expect(await bad({ level: 9 })).toEqual(['INVALID_LEVEL']);
    expect(await bad({ unit: ' ', endsOn: '2027-01-01' })).toEqual(['INVALID_TEXT', 'ENDS_BEFORE_START']);
    expect(await bad({ startsOn: '2027-02-30' })).toEqual(['INVALID_DATE']);
    expect(await bad({ position: '班長', level: 1 })).toEqual(['NOTHING_CHANGED']);
    const position = async () =>
      (await app.sqlOne<{ position: string }>('select position from cadre_record where id = ?', [cadre!.id])).position;
    expect(await position()).toBe('班長');

    const updated = await affairs.ok<{
      updateCadreRecord: { record: { position: string }; dispute: null; userErrors: Errors };
    }>(UPDATE_CADRE, { input });
    expect(updated.updateCadreRecord).toMatchObject({ record: { position: '副班長' }, dispute: null, userErrors: [] });

    // The console says the correction still has to go out.
    const basic = async (client: ApiClient) =>
      (
        await client.ok<{ submissionConsole: { category: string; stage: string; warnings: string[] }[] }>(
          'query ($termId: ID!) { submissionConsole(termId: $termId) { category stage warnings } }',
          { termId: termId(school) },
        )
      ).submissionConsole.find((c) => c.category === BASIC)!;
    expect(await basic(registration)).toMatchObject({
      stage: 'DISPUTES',
      warnings: expect.arrayContaining([expect.stringContaining('有 1 筆更正是在最近一次提交之後做的')]),
    });

    app.clock.set(at(4));
    const staff = await login(school.logins.registration);
    const early = await staff.ok<{ finalizeTerm: { userErrors: Errors } }>(FINALIZE, {
      input: { termId: termId(school), category: BASIC },
    });
    expect(early.finalizeTerm.userErrors.map((e) => e.code)).toEqual(['CORRECTIONS_NOT_RESUBMITTED']);
    await submitSendImport(staff, school, BASIC, 'basic-round-2');
    expect((await basic(staff)).warnings.some((w) => w.includes('筆更正'))).toBe(false);
    const locked = await staff.ok<{ finalizeTerm: { userErrors: Errors } }>(FINALIZE, {
      input: { termId: termId(school), category: BASIC },
    });
    expect(locked.finalizeTerm.userErrors).toEqual([]);

    const affairsLater = await login(school.logins.affairs);
    const late = await affairsLater.ok<{ updateCadreRecord: { userErrors: Errors } }>(UPDATE_CADRE, {
      input: { ...input, position: '風紀股長' },
    });
    expect(late.updateCadreRecord.userErrors.map((e) => e.message)).toEqual([
      '115學年度第2學期的「基本資料／校內幹部」已完成最終提交，資料不能再新增、修改或刪除。',
    ]);
    const deleted = await affairsLater.ok<{ deleteCadreRecord: { deletedId: string | null; userErrors: Errors } }>(
      DELETE_CADRE,
      { input: { cadreRecordId: cadreId } },
    );
    expect(deleted.deleteCadreRecord).toMatchObject({ deletedId: null, userErrors: [{ code: 'TERM_FINALIZED' }] });
    expect(await position()).toBe('副班長');
    const audit = await staff.ok<{ auditLog: { nodes: { operation: string }[] } }>(AUDIT, { area: 'RECORDS' });
    expect(audit.auditLog.nodes.filter((n) => n.operation.startsWith('cadre.')).map((n) => n.operation)).toEqual([
      'cadre.update',
    ]);
  });

  it('lets the section raise a dispute on a row of its category and correct the enrolment from it', async () => {
    const school = await schoolWithRound();
    await app.factory.gradedSections(school, school.students);
    const registration = await login(school.logins.registration);
    await submitSendImport(registration, school, COURSE_RECORDS, 'course-round-1');
    const rows = await rowsOf(registration, school);
    expect(rows.every((r) => r.viewerCanRaiseStaffDispute)).toBe(true);
    const chinese = rows.find((r) => fieldText(r).includes('國語文'))!;
    expect(fieldText(chinese)).toContain('學期成績：80');
    expect(fieldText(chinese)).toContain('是否及格：是');

    // Only the sections that submit 修課紀錄 raise disputes on it; a teacher is no section at all.
    const affairs = await login(school.logins.affairs);
    expect((await rowsOf(affairs, school)).every((r) => !r.viewerCanRaiseStaffDispute)).toBe(true);
    const notTheirs = await affairs.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: chinese.id, reason: '成績有誤' },
    });
    expect(notTheirs.raiseDispute.userErrors.map((e) => e.code)).toEqual(['NOT_YOUR_CATEGORY']);
    const teacher = await login(school.logins.teacher);
    expect(
      (await teacher.request(RAISE, { input: { receiptRowId: chinese.id, reason: '成績有誤' } })).errors[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const noReason = await registration.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: chinese.id, reason: '  ' },
    });
    expect(noReason.raiseDispute.userErrors.map((e) => e.code)).toEqual(['REASON_REQUIRED']);
    const unknownRow = await registration.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: toGlobalId('ReceiptRow', school.school.id), reason: '成績有誤' },
    });
    expect(unknownRow.raiseDispute.userErrors.map((e) => e.code)).toEqual(['RECEIPT_ROW_NOT_FOUND']);
    expect(
      (
        await app.sqlOne<{ n: number }>('select count(*)::int as n from dispute where school_id = ?', [
          school.school.id,
        ])
      ).n,
    ).toBe(0);

    const raised = await registration.ok<{
      raiseDispute: { dispute: { id: string; status: string; raisedByStaff: boolean }; userErrors: Errors };
    }>(RAISE, { input: { receiptRowId: chinese.id, reason: '國語文學期成績應為 85 分（任課教師來函）' } });
    expect(raised.raiseDispute.userErrors).toEqual([]);
    expect(raised.raiseDispute.dispute).toMatchObject({ status: 'OPEN', raisedByStaff: true });
    const disputeId = raised.raiseDispute.dispute.id;
    const twice = await registration.ok<{ raiseDispute: { userErrors: Errors } }>(RAISE, {
      input: { receiptRowId: chinese.id, reason: '再一次' },
    });
    expect(twice.raiseDispute.userErrors.map((e) => e.code)).toEqual(['ALREADY_DISPUTED']);

    // The student sees the school's dispute on their page and cannot mark the row correct meanwhile.
    const student = await login(school.logins.student);
    const mine = (await rowsOf(student, school)).find((r) => r.id === chinese.id)!;
    expect(mine.dispute).toMatchObject({ id: disputeId, status: 'OPEN', raisedByStaff: true });
    // Their own answer is theirs: the school's dispute leaves it unanswered (it counts in no confirmation rate).
    expect(mine.decision).toBeNull();
    const confirm = await student.ok<{ confirmReceiptRows: { userErrors: Errors } }>(CONFIRM, {
      input: { receiptRowIds: [chinese.id] },
    });
    expect(confirm.confirmReceiptRows.userErrors.map((e) => e.code)).toEqual(['ROW_DISPUTED']);

    const records = await registration.ok<{ disputeRecords: { matchedId: string; enrolments: { id: string }[] } }>(
      RECORDS,
      { disputeId },
    );
    expect(records.disputeRecords.enrolments).toHaveLength(2);
    const enrolmentId = records.disputeRecords.matchedId;
    const enrolment = await app.sqlOne<{ subject_name: string }>(
      `select c.subject_name from enrolment e join course_section s on s.id = e.section_id join course c on c.id = s.course_id
       where e.id = ?`,
      [fromGlobalId(enrolmentId)!.id],
    );
    expect(enrolment.subject_name).toBe('國語文');

    // Another student's enrolment cannot answer this dispute; a grade out of range changes nothing.
    const others = await rowsOf(registration, school, 1);
    const otherDispute = await registration.ok<{ raiseDispute: { dispute: { id: string } } }>(RAISE, {
      input: { receiptRowId: others[0]!.id, reason: '核對中' },
    });
    const wrongDispute = await registration.ok<{ correctEnrolment: { userErrors: Errors } }>(CORRECT_ENROLMENT, {
      input: { enrolmentId, kind: 'REGULAR', termGrade: 85, disputeId: otherDispute.raiseDispute.dispute.id },
    });
    expect(wrongDispute.correctEnrolment.userErrors.map((e) => e.code)).toEqual(['DISPUTE_OTHER_RECORD']);
    const outOfRange = await registration.ok<{ correctEnrolment: { userErrors: Errors } }>(CORRECT_ENROLMENT, {
      input: { enrolmentId, kind: 'REGULAR', termGrade: 100.5, makeupGrade: -1, qualitativeNote: '註'.repeat(201) },
    });
    expect(outOfRange.correctEnrolment.userErrors.map((e) => e.code)).toEqual([
      'INVALID_GRADE',
      'INVALID_GRADE',
      'NOTE_TOO_LONG',
    ]);

    const corrected = await registration.ok<{
      correctEnrolment: {
        enrolment: { termGrade: number; passed: boolean; kind: string };
        dispute: { status: string; answer: string };
        userErrors: Errors;
      };
    }>(CORRECT_ENROLMENT, {
      input: { enrolmentId, kind: 'REGULAR', termGrade: 85, creditsCounted: true, disputeId },
    });
    expect(corrected.correctEnrolment.userErrors).toEqual([]);
    expect(corrected.correctEnrolment.enrolment).toMatchObject({ termGrade: 85, passed: true, kind: 'REGULAR' });
    expect(corrected.correctEnrolment.dispute).toMatchObject({
      status: 'RESOLVED_CORRECTED',
      answer: '已依疑義更正資料，將於下次提交送至中央資料庫。（更正內容：學期成績：80 → 85）',
    });

    const resubmissionId = await submitSendImport(registration, school, COURSE_RECORDS, 'course-round-2');
    const submitted = await app.sql<{ cells: unknown[] }>(
      'select cells from submission_row where submission_id = ? and student_id = ? order by row_number',
      [fromGlobalId(resubmissionId)!.id, school.students[0]!.id],
    );
    expect(submitted.some((r) => r.cells.includes(85))).toBe(true);
    const after = (await rowsOf(student, school)).find((r) => fieldText(r).includes('國語文'))!;
    expect(fieldText(after)).toContain('學期成績：85');
  });

  it('lets a student edit and delete their own performances until a submission carries them', async () => {
    const school = await schoolWithRound([{ kind: TaskKind.UPLOAD_PERFORMANCES, startsAt: at(-1), endsAt: at(2) }]);
    const student = await login(school.logins.student);
    const record = async (title: string) =>
      (
        await student.ok<{ recordPerformance: { performance: { id: string }; userErrors: Errors } }>(
          RECORD_PERFORMANCE,
          { input: { ...competitionInput('佳作'), title } },
        )
      ).recordPerformance.performance.id;
    const kept = await record('全國科展');
    const dropped = await record('校內科展');
    expect((await student.ok<{ myPerformanceEditRule: unknown }>(EDIT_RULE, {})).myPerformanceEditRule).toEqual({
      allowed: true,
      reason: null,
    });

    const update = (input: Record<string, unknown>, client = student) =>
      client.ok<{
        updatePerformance: {
          performance: { title: string; details: { key: string; value: string }[] } | null;
          userErrors: Errors;
        };
      }>(UPDATE_PERFORMANCE, { input: { performanceId: kept, ...competitionInput('第一名'), ...input } });
    expect((await update({ description: '字'.repeat(101) })).updatePerformance.userErrors.map((e) => e.code)).toEqual([
      'DESCRIPTION_TOO_LONG',
    ]);
    expect(
      (await update({ documentUploadId: toGlobalId('Upload', school.school.id) })).updatePerformance.userErrors.length,
    ).toBeGreaterThan(0);
    const edited = await update({ title: '全國科學展覽會' });
    expect(edited.updatePerformance.userErrors).toEqual([]);
    expect(edited.updatePerformance.performance).toMatchObject({ title: '全國科學展覽會' });
    expect(edited.updatePerformance.performance!.details).toContainEqual({ key: 'award', value: '第一名' });

    // Someone else's performance is not found for them; staff do not use the student's mutations.
    const classmateLogin = school.accounts.find((a) => a.id === school.students[1]!.account!.id)!;
    const classmate = await app.client().login(classmateLogin.username, TEST_PASSWORD);
    const foreign = await update({}, classmate);
    expect(foreign.updatePerformance.userErrors.map((e) => e.code)).toEqual(['PERFORMANCE_NOT_FOUND']);
    const foreignDelete = await classmate.ok<{ deletePerformance: { userErrors: Errors } }>(DELETE_PERFORMANCE, {
      input: { performanceId: kept },
    });
    expect(foreignDelete.deletePerformance.userErrors.map((e) => e.code)).toEqual(['PERFORMANCE_NOT_FOUND']);
    const registration = await login(school.logins.registration);
    expect(
      (
        await registration.request(UPDATE_PERFORMANCE, {
          input: { performanceId: kept, ...competitionInput('第一名') },
        })
      ).errors[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    const removed = await student.ok<{ deletePerformance: { deletedId: string; userErrors: Errors } }>(
      DELETE_PERFORMANCE,
      { input: { performanceId: dropped } },
    );
    expect(removed.deletePerformance).toEqual({ deletedId: dropped, userErrors: [] });
    const left = await app.sql<{ title: string }>('select title from diverse_performance where school_id = ?', [
      school.school.id,
    ]);
    expect(left).toEqual([{ title: '全國科學展覽會' }]);
    const audit = await registration.ok<{ auditLog: { nodes: { operation: string }[] } }>(AUDIT, { area: 'RECORDS' });
    expect(audit.auditLog.nodes.map((n) => n.operation).filter((op) => op.startsWith('performance.'))).toEqual([
      'performance.delete',
      'performance.update',
      'performance.record',
      'performance.record',
    ]);

    // Once a submission of the year's 多元表現 carries a row of theirs, changes go through a dispute.
    await app.sql('update diverse_performance set selected_at = now() where school_id = ?', [school.school.id]);
    await submitSendImport(registration, school, PERFORMANCES, 'student-edit-round');
    const rule = (await student.ok<{ myPerformanceEditRule: { allowed: boolean; reason: string } }>(EDIT_RULE, {}))
      .myPerformanceEditRule;
    expect(rule.allowed).toBe(false);
    expect(rule.reason).toContain('已提交至中央資料庫');
    expect((await update({ title: '再改' })).updatePerformance.userErrors.map((e) => e.code)).toEqual([
      'ALREADY_SUBMITTED',
    ]);
    const late = await student.ok<{ deletePerformance: { userErrors: Errors } }>(DELETE_PERFORMANCE, {
      input: { performanceId: kept },
    });
    expect(late.deletePerformance.userErrors.map((e) => e.code)).toEqual(['ALREADY_SUBMITTED']);

    // A classmate with nothing submitted still may, until the upload window closes.
    const theirs = (
      await classmate.ok<{ recordPerformance: { performance: { id: string } } }>(RECORD_PERFORMANCE, {
        input: competitionInput('佳作'),
      })
    ).recordPerformance.performance.id;
    expect(
      (await classmate.ok<{ myPerformanceEditRule: { allowed: boolean } }>(EDIT_RULE, {})).myPerformanceEditRule
        .allowed,
    ).toBe(true);
    app.clock.set(at(3));
    const closed = await (
      await app.client().login(classmateLogin.username, TEST_PASSWORD)
    ).ok<{
      deletePerformance: { userErrors: Errors };
    }>(DELETE_PERFORMANCE, { input: { performanceId: theirs } });
    expect(closed.deletePerformance.userErrors.map((e) => e.code)).toEqual(['WINDOW_CLOSED']);
    expect(
      (
        await app.sqlOne<{ n: number }>('select count(*)::int as n from diverse_performance where school_id = ?', [
          school.school.id,
        ])
      ).n,
    ).toBe(2);
  });

  it('lets the student print their own confirmation, with the fields and answers, and nobody else’s', async () => {
    const school = await schoolWithRound();
    await competition(school);
    const registration = await login(school.logins.registration);
    await submitSendImport(registration, school, PERFORMANCES, 'sheet-round-1');
    const student = await login(school.logins.student);
    const [row] = await rowsOf(student, school);
    await student.ok(RAISE, { input: { receiptRowId: row!.id, reason: '獎項應為第一名' } });

    const sheetUrl = (index: number, term = termId(school)) =>
      `${app.url}/students/${studentId(school, index)}/confirmation.pdf?termId=${encodeURIComponent(term)}`;
    const get = (url: string, client?: ApiClient) =>
      fetch(url, client ? { headers: { authorization: `Bearer ${client.token}` } } : {});
    const response = await get(sheetUrl(0), student);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const disposition = decodeURIComponent(response.headers.get('content-disposition')!);
    expect(disposition).toMatch(
      new RegExp(`收訖明細確認單_${school.students[0]!.studentNumber}_115學年度第2學期_1160310[.]pdf$`),
    );
    const pdf = parsePdf(Buffer.from(await response.arrayBuffer()));
    const text = pdf.pages.flatMap((page) => page.texts).join('');
    expect(text).toContain('收訖明細確認單');
    expect(text).toContain(school.students[0]!.name);
    expect(text).toContain('115學年度第2學期');
    expect(text).toMatch(/獎項[^；]*佳作/);
    expect(text).toContain('疑義：獎項應為第一名');
    expect(text).toContain('學生簽名');
    expect(text).not.toContain(app.services.pii.decrypt(school.students[0]!.nationalIdEncrypted));
    expect(pdf.pages.every((page) => page.notdefGlyphs === 0)).toBe(true);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.every((font) => font.embeddedBytes > 0)).toBe(true);

    // Another student's sheet is refused, as are no session and a term that is not one; staff may print it, logged.
    const classmateLogin = school.accounts.find((a) => a.id === school.students[1]!.account!.id)!;
    const classmate = await app.client().login(classmateLogin.username, TEST_PASSWORD);
    expect((await get(sheetUrl(0), classmate)).status).toBe(403);
    expect((await get(sheetUrl(0))).status).toBe(401);
    expect((await get(sheetUrl(0, 'not-a-term'), student)).status).toBe(400);
    expect((await get(`${app.url}/students/nonsense/confirmation.pdf?termId=x`, student)).status).toBe(404);
    const other = await city.school();
    const stranger = await login(other.logins.registration);
    expect((await get(sheetUrl(0), stranger)).status).toBe(404);
    const logs = async () =>
      (
        await app.sqlOne<{ n: number }>(
          'select count(*)::int as n from pii_access_log where school_id = ? and student_id = ?',
          [school.school.id, school.students[0]!.id],
        )
      ).n;
    const before = await logs();
    expect((await get(sheetUrl(0), registration)).status).toBe(200);
    expect(await logs()).toBe(before + 1);
  });
});
