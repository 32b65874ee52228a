import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { uploadImportFile } from '../support/uploads.js';
import { sheetRows, workbookOf } from '../support/workbooks.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) { submission { id } userErrors { code message } }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id fileName sha256 } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) {
    receiptImport { id kind fileSha256 receivedCount rejectedCount flaggedCount }
    userErrors { code message }
  }
}`;
const STUDENT_ROWS = `query ($studentId: ID!) {
  studentReceiptRows(studentId: $studentId) {
    id kind status reason reconciliation changedColumns keyFields nationalIdMasked rowNumber
  }
}`;
const SUMMARY = `query ($submissionId: ID!) {
  receiptClassSummary(submissionId: $submissionId) { className received rejected flagged }
}`;

interface ImportResult {
  importReceipts: {
    receiptImport: {
      id: string;
      kind: string;
      receivedCount: number;
      rejectedCount: number;
      flaggedCount: number;
    } | null;
    userErrors: { code: string; message: string }[];
  };
}
interface ReceiptRowResult {
  kind: string;
  status: string;
  reason: string | null;
  reconciliation: string;
  changedColumns: string[];
  keyFields: string[];
  nationalIdMasked: string | null;
}

interface Round {
  school: TestSchool;
  registration: ApiClient;
  submissionId: string;
  receipt: { id: string; fileName: string; sha256: string };
  bytes: Buffer;
}

/**
 * A school whose second student has a national ID with a wrong check digit (written through SQL as the owner: the
 * API refuses such an ID), course records submitted, and the reference repository's receipt file for them.
 */
async function round(): Promise<Round> {
  const school = await city.school();
  await city.timeline(
    [{ kind: TaskKind.SUBMIT, category: SubmissionCategory.COURSE_RECORDS, startsAt: at(-1), endsAt: at(5) }],
    [school],
  );
  const { term } = await app.factory.gradedSections(school);
  await app.sql('update student set national_id_encrypted = ? where id = ?', [
    app.services.pii.encrypt(badCheckDigit(app.services.pii.decrypt(school.students[1]!.nationalIdEncrypted))),
    school.students[1]!.id,
  ]);
  const registration = await app
    .client()
    .login(school.logins.registration.username, school.logins.registration.password);
  const submitted = await registration.ok<{ submitTerm: { submission: { id: string } } }>(SUBMIT, {
    input: {
      termId: toGlobalId('Term', term.id),
      category: 'COURSE_RECORDS',
      idempotencyKey: 'receipts-round-1',
    },
  });
  const submissionId = submitted.submitTerm.submission.id;
  const sent = await registration.ok<{
    sendToCentralRepository: {
      receiptFiles: { id: string; fileName: string; sha256: string }[] | null;
      userErrors: unknown[];
    };
  }>(SEND, { input: { submissionId } });
  expect(sent.sendToCentralRepository.userErrors).toEqual([]);
  const [receipt] = sent.sendToCentralRepository.receiptFiles!;
  expect(sent.sendToCentralRepository.receiptFiles).toHaveLength(1);
  return {
    school,
    registration,
    submissionId,
    receipt: receipt!,
    bytes: await app.services.files.read(receipt!.sha256),
  };
}

function badCheckDigit(id: string): string {
  const last = Number(id.at(-1));
  return `${id.slice(0, -1)}${(last + 1) % 10}`;
}

const importFile = (client: ApiClient, submissionId: string, uploadId: string) =>
  client.ok<ImportResult>(IMPORT, { input: { submissionId, uploadId } });

const countRows = async (schoolId: string) =>
  (await app.sqlOne<{ n: number }>('select count(*)::int as n from receipt_row where school_id = ?', [schoolId])).n;

describe('receipt lists through the reference central repository', () => {
  it('runs a full round: the rejected national ID is 退件, the student sees their rows, staff see it flagged', async () => {
    const { school, registration, submissionId, receipt, bytes } = await round();
    const rows = await sheetRows(bytes);
    const header = rows[0]!;
    // 修課紀錄 answers several rosters (3, 4 重修, 5 重讀) in one file: each row names its roster.
    expect(header.slice(0, 7)).toEqual(['學校代碼', '學年度', '學期', '收訖種類', '名冊', '身分證號', '出生日期']);
    expect(header.slice(-2)).toEqual(['收訖狀態', '退件原因']);
    expect(new Set(rows.slice(1).map((row) => row[4]))).toEqual(new Set(['學生成績名冊']));
    const status = header.indexOf('收訖狀態');
    const badId = badCheckDigit(app.services.pii.decrypt(school.students[1]!.nationalIdEncrypted));
    const rejected = rows.slice(1).filter((row) => row[status] === '退件');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((row) => row[5] === badId)).toBe(true);
    expect(String(rejected[0]![status + 1])).toMatch(/身分證號/);

    const imported = await importFile(registration, submissionId, receipt.id);
    expect(imported.importReceipts.userErrors).toEqual([]);
    const result = imported.importReceipts.receiptImport!;
    expect(result.kind).toBe('COURSE_RECORDS');
    expect(result.receivedCount + result.rejectedCount).toBe(rows.length - 1);
    expect(result.rejectedCount).toBe(rejected.length);
    expect(result.flaggedCount).toBe(rejected.length);

    // The student sees their own rows, all received; not another student's.
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const own = await student.ok<{ studentReceiptRows: ReceiptRowResult[] }>(STUDENT_ROWS, {
      studentId: toGlobalId('Student', school.students[0]!.id),
    });
    expect(own.studentReceiptRows.length).toBeGreaterThan(0);
    expect(own.studentReceiptRows.every((row) => row.status === 'RECEIVED' && row.reconciliation === 'OK')).toBe(true);
    expect(own.studentReceiptRows[0]!.nationalIdMasked).toMatch(/^.{3}\*{4}.{3}$/);
    expect(own.studentReceiptRows[0]!.keyFields.some((field) => field.startsWith('課程代碼：'))).toBe(true);
    expect(own.studentReceiptRows[0]!.keyFields[0]).toBe('名冊：學生成績名冊');
    const other = await student.request(STUDENT_ROWS, { studentId: toGlobalId('Student', school.students[1]!.id) });
    expect(other.errors[0]?.extensions?.code).toBe('FORBIDDEN');

    // Staff see the rejected rows flagged, with the reason, and per-class counts.
    const flagged = await registration.ok<{ studentReceiptRows: ReceiptRowResult[] }>(STUDENT_ROWS, {
      studentId: toGlobalId('Student', school.students[1]!.id),
    });
    expect(flagged.studentReceiptRows.length).toBe(rejected.length);
    for (const row of flagged.studentReceiptRows) {
      expect(row.status).toBe('REJECTED');
      expect(row.reconciliation).toBe('REJECTED');
      expect(row.reason).toMatch(/檢查碼/);
    }
    const summary = await registration.ok<{
      receiptClassSummary: { className: string | null; received: number; rejected: number; flagged: number }[];
    }>(SUMMARY, { submissionId });
    const totals = summary.receiptClassSummary.reduce(
      (sum, row) => ({ received: sum.received + row.received, rejected: sum.rejected + row.rejected }),
      { received: 0, rejected: 0 },
    );
    expect(totals).toEqual({ received: result.receivedCount, rejected: result.rejectedCount });
    expect(summary.receiptClassSummary.every((row) => row.className)).toBe(true);

    const audit = await app.sql<{ operation: string }>(
      "select operation from audit_log where school_id = ? and operation in ('submission.send_reference', 'receipts.import')",
      [school.school.id],
    );
    expect(audit.map((row) => row.operation).sort()).toEqual(['receipts.import', 'submission.send_reference']);
  });

  it('flags a row missing from an edited receipt file, an extra one and a changed one', async () => {
    const { school, registration, submissionId, bytes } = await round();
    const rows = await sheetRows(bytes);
    const header = rows[0]!;
    const code = header.indexOf('課程代碼');
    const grade = header.indexOf('學期成績');
    const [dropped, changed, ...rest] = rows.slice(1);
    const status = header.indexOf('收訖狀態');
    const extra = [...rest[0]!];
    extra[status] = '已收訖';
    extra[status + 1] = '';
    extra[code] = `${String(extra[code]).slice(0, -1)}${String(extra[code]).endsWith('1') ? '2' : '1'}`;
    const edited = [...changed!];
    edited[grade] = 99;
    const file = await workbookOf('收訖明細', [header, edited, ...rest, extra]);
    const upload = await uploadImportFile(app.url, registration, '收訖明細_修課紀錄.xlsx', file);
    const result = (await importFile(registration, submissionId, upload.id)).importReceipts;
    expect(result.userErrors).toEqual([]);

    const flags = await app.sql<{ reconciliation: string; changed_columns: string[]; row_number: number | null }>(
      "select reconciliation, changed_columns, row_number from receipt_row where school_id = ? and reconciliation in ('CHANGED', 'EXTRA', 'MISSING') order by reconciliation",
      [school.school.id],
    );
    expect(flags.map((row) => row.reconciliation)).toEqual(['CHANGED', 'EXTRA', 'MISSING']);
    expect(flags[0]!.changed_columns).toEqual(['學期成績']);
    expect(flags[2]!.row_number).toBeNull();
    const missing = await app.sqlOne<{ key_fields: Record<string, string> }>(
      "select key_fields from receipt_row where school_id = ? and reconciliation = 'MISSING'",
      [school.school.id],
    );
    expect(missing.key_fields['課程代碼']).toBe(dropped![code]);
  });

  it('refuses a receipt file of another school or another term and writes nothing', async () => {
    const { school, registration, submissionId, bytes } = await round();
    const rows = await sheetRows(bytes);
    const otherSchool = rows.map((row, index) => (index === 0 ? row : ['999999', ...row.slice(1)]));
    const otherTerm = rows.map((row, index) => (index === 0 ? row : [row[0]!, Number(row[1]) - 1, ...row.slice(2)]));
    for (const [rowsOf, code] of [
      [otherSchool, 'RECEIPT_OTHER_SCHOOL'],
      [otherTerm, 'RECEIPT_OTHER_TERM'],
    ] as const) {
      const upload = await uploadImportFile(
        app.url,
        registration,
        'receipt.xlsx',
        await workbookOf('收訖明細', rowsOf),
      );
      const result = (await importFile(registration, submissionId, upload.id)).importReceipts;
      expect(result.receiptImport).toBeNull();
      expect(result.userErrors[0]!.code).toBe(code);
      expect(result.userErrors[0]!.message).toMatch(/未匯入任何資料/);
    }
    expect(await countRows(school.school.id)).toBe(0);
    const imports = await app.sql('select 1 from receipt_import where school_id = ?', [school.school.id]);
    expect(imports).toHaveLength(0);
  });

  it('writes nothing new when the same file is imported twice; refuses another file for the same kind', async () => {
    const { school, registration, submissionId, receipt, bytes } = await round();
    // Two identical requests at once make one import.
    const [a, b] = await Promise.all([
      importFile(registration, submissionId, receipt.id),
      importFile(registration, submissionId, receipt.id),
    ]);
    const first = a.importReceipts.receiptImport!;
    expect(b.importReceipts.userErrors).toEqual([]);
    expect(b.importReceipts.receiptImport!.id).toBe(first.id);
    const count = await countRows(school.school.id);
    expect(count).toBeGreaterThan(0);
    const again = (await importFile(registration, submissionId, receipt.id)).importReceipts;
    expect(again.userErrors).toEqual([]);
    expect(again.receiptImport!.id).toBe(first.id);
    // The same bytes uploaded once more are the same file.
    const reupload = await uploadImportFile(app.url, registration, 'again.xlsx', bytes);
    const third = (await importFile(registration, submissionId, reupload.id)).importReceipts;
    expect(third.receiptImport!.id).toBe(first.id);
    expect(await countRows(school.school.id)).toBe(count);

    const rows = await sheetRows(bytes);
    const other = await uploadImportFile(
      app.url,
      registration,
      'other.xlsx',
      await workbookOf('收訖明細', rows.slice(0, -1)),
    );
    const refused = (await importFile(registration, submissionId, other.id)).importReceipts;
    expect(refused.userErrors[0]!.code).toBe('RECEIPT_ALREADY_IMPORTED');
    expect(await countRows(school.school.id)).toBe(count);
  });

  it('refuses a truncated file and a file that is not a receipt list, writing nothing', async () => {
    const { school, registration, submissionId, bytes } = await round();
    const truncated = await uploadImportFile(app.url, registration, 'cut.xlsx', bytes.subarray(0, bytes.length / 2));
    const cut = (await importFile(registration, submissionId, truncated.id)).importReceipts;
    expect(cut.userErrors[0]!.code).toBe('MALFORMED_XLSX');

    const rows = await sheetRows(bytes);
    const noStatus = rows.map((row) => row.slice(0, -2));
    const foreign = await uploadImportFile(app.url, registration, 'x.xlsx', await workbookOf('收訖明細', noStatus));
    const notReceipt = (await importFile(registration, submissionId, foreign.id)).importReceipts;
    expect(notReceipt.userErrors[0]!.code).toBe('NOT_A_RECEIPT_FILE');
    expect(notReceipt.userErrors[0]!.message).toMatch(/收訖狀態/);

    const badStatus = rows.map((row, index) => (index === 1 ? [...row.slice(0, -2), '不明', ''] : row));
    const odd = await uploadImportFile(app.url, registration, 'y.xlsx', await workbookOf('收訖明細', badStatus));
    const oddResult = (await importFile(registration, submissionId, odd.id)).importReceipts;
    expect(oddResult.userErrors[0]!.code).toBe('INVALID_RECEIPT_ROW');

    // A row's 名冊 must name one of the kind's rosters (a file without the column: category-rosters.test.ts).
    const otherRoster = rows.map((row, index) =>
      index === 2 ? [...row.slice(0, 4), '競賽參與名冊', ...row.slice(5)] : row,
    );
    const wrong = await uploadImportFile(app.url, registration, 'w.xlsx', await workbookOf('收訖明細', otherRoster));
    const wrongResult = (await importFile(registration, submissionId, wrong.id)).importReceipts;
    expect(wrongResult.userErrors).toEqual([
      {
        code: 'INVALID_RECEIPT_ROW',
        message: '第 3 列的名冊「競賽參與名冊」不是「修課紀錄」的名冊，未匯入任何資料。',
      },
    ]);
    expect(await countRows(school.school.id)).toBe(0);
  });

  it('lets only 註冊組 send and import; with CENTRAL_GATEWAY=file the package is handed over as a file', async () => {
    const { school, registration, submissionId, receipt } = await round();
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const send = await teacher.request(SEND, { input: { submissionId } });
    expect(send.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const imported = await teacher.request(IMPORT, { input: { submissionId, uploadId: receipt.id } });
    expect(imported.errors[0]?.extensions?.code).toBe('FORBIDDEN');

    const uploadsBefore = await app.sql('select 1 from upload where school_id = ?', [school.school.id]);
    app.services.config.centralGateway = 'file';
    try {
      const result = await registration.ok<{ sendToCentralRepository: { userErrors: { code: string }[] } }>(SEND, {
        input: { submissionId },
      });
      expect(result.sendToCentralRepository.userErrors.map((error) => error.code)).toEqual(['FILE_EXCHANGE']);
    } finally {
      app.services.config.centralGateway = 'reference';
    }
    const uploadsAfter = await app.sql('select 1 from upload where school_id = ?', [school.school.id]);
    expect(uploadsAfter).toHaveLength(uploadsBefore.length);
    expect(await countRows(school.school.id)).toBe(0);
  });
});
