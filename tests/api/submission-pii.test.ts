import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { maskNationalId } from '../../api/src/common/national-id.js';
import { sealClearSubmittedNationalIds } from '../../api/src/modules/round/submission/submitted-national-ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { uploadImportFile } from '../support/uploads.js';
import { sheetRows, workbookOf } from '../support/workbooks.js';
import { testDatabaseUrl } from '../support/test-database.js';

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
  submitTerm(input: $input) { submission { id packageUrl } userErrors { code message } }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id sha256 } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) {
    receiptImport { id kind receivedCount rejectedCount flaggedCount }
    userErrors { code message }
  }
}`;
const STUDENT_ROWS = `query ($studentId: ID!) {
  studentReceiptRows(studentId: $studentId) { id kind status reconciliation changedColumns keyFields nationalIdMasked }
}`;
const RAISE = `mutation ($input: RaiseDisputeInput!) {
  raiseDispute(input: $input) { dispute { id status } userErrors { code message } }
}`;
const EXPORT_PRECHECK = `mutation ($input: ExportPrecheckRosterInput!) {
  exportPrecheckRoster(input: $input) { precheckRun { id } userErrors { code message } }
}`;
const SEND_PRECHECK = `mutation ($input: SendPrecheckToCentralRepositoryInput!) {
  sendPrecheckToCentralRepository(input: $input) { resultFile { id sha256 } userErrors { code message } }
}`;
const IMPORT_PRECHECK = `mutation ($input: ImportPrecheckResultInput!) {
  importPrecheckResult(input: $input) { precheckRun { mismatchCount } userErrors { code message } }
}`;

interface Round {
  app: TestApp;
  school: TestSchool;
  registration: ApiClient;
  termId: string;
  /** Every student's national ID in clear, in the order of school.students. */
  nationalIds: string[];
}

/**
 * A school (in `on`'s database) with its SUBMIT windows open, two sections (six enrolments), one cadre record, and
 * the receipt windows.
 */
async function round(on: { app: TestApp; city: TestCity } = { app, city }): Promise<Round> {
  const { app, city } = on;
  const school = await city.school();
  await city.timeline(
    [
      { kind: TaskKind.SUBMIT, category: SubmissionCategory.COURSE_RECORDS, startsAt: at(-1), endsAt: at(5) },
      { kind: TaskKind.SUBMIT, category: SubmissionCategory.BASIC, startsAt: at(-1), endsAt: at(5) },
      { kind: TaskKind.CONFIRM_RECEIPTS, startsAt: at(-1), endsAt: at(5) },
      { kind: TaskKind.RESOLVE_DISPUTES, startsAt: at(-1), endsAt: at(8) },
      { kind: TaskKind.PRECHECK, startsAt: at(-1), endsAt: at(5) },
    ],
    [school],
  );
  const { term } = await app.factory.gradedSections(school);
  await app.sql(
    `insert into cadre_record (school_id, id, student_id, term_id, unit, position, level, starts_on, ends_on)
     values (?, gen_random_uuid(), ?, ?, '班級', '班長', 1, '2026-09-01', '2027-01-20')`,
    [school.school.id, school.students[1]!.id, term.id],
  );
  const registration = await app
    .client()
    .login(school.logins.registration.username, school.logins.registration.password);
  return {
    app,
    school,
    registration,
    termId: toGlobalId('Term', term.id),
    nationalIds: school.students.map((student) => app.services.pii.decrypt(student.nationalIdEncrypted)),
  };
}

async function submit(r: Round, category: SubmissionCategory, idempotencyKey: string) {
  const result = await r.registration.ok<{
    submitTerm: { submission: { id: string; packageUrl: string } | null; userErrors: unknown[] };
  }>(SUBMIT, { input: { termId: r.termId, category, idempotencyKey } });
  expect(result.submitTerm.userErrors).toEqual([]);
  return result.submitTerm.submission!;
}

async function sendToCentral(r: Round, submissionId: string) {
  const sent = await r.registration.ok<{
    sendToCentralRepository: { receiptFiles: { id: string; sha256: string }[] | null; userErrors: unknown[] };
  }>(SEND, { input: { submissionId } });
  expect(sent.sendToCentralRepository.userErrors).toEqual([]);
  return sent.sendToCentralRepository.receiptFiles!;
}

interface Imported {
  receiptImport: { kind: string; receivedCount: number; rejectedCount: number; flaggedCount: number } | null;
  userErrors: unknown[];
}

async function importReceipt(r: Round, submissionId: string, uploadId: string) {
  const result = await r.registration.ok<{ importReceipts: Imported }>(IMPORT, { input: { submissionId, uploadId } });
  expect(result.importReceipts.userErrors).toEqual([]);
  return result.importReceipts.receiptImport!;
}

/** The 身分證號 column of every roster of a package, by roster path. */
async function packagedNationalIds(r: Round, packageUrl: string): Promise<Map<string, string[]>> {
  const response = await fetch(`${r.app.url}${packageUrl}`, {
    headers: { authorization: `Bearer ${r.registration.token}` },
  });
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const rosters = new Map<string, string[]>();
  for (const file of Object.values(zip.files).filter((entry) => !entry.dir)) {
    const [header, ...rows] = await sheetRows(await file.async('nodebuffer'));
    const column = header!.indexOf('身分證號');
    rosters.set(
      file.name,
      rows.map((row) => (column >= 0 ? String(row[column]) : '')),
    );
  }
  return rosters;
}

/** Every table of the database (public and the job queue) with a row whose text holds one of the IDs. */
async function tablesHolding(r: Round): Promise<string[]> {
  const tables = await r.app.sql<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'r' and n.nspname in ('public', 'graphile_worker')
     order by 1`,
  );
  const pattern = r.nationalIds.join('|');
  const holding: string[] = [];
  for (const { name } of tables) {
    const [found] = await r.app.sql<{ n: number }>(`select count(*)::int as n from ${name} t where t::text ~* ?`, [
      pattern,
    ]);
    if (found!.n > 0) holding.push(name);
  }
  return holding;
}

interface StoredRow {
  id: string;
  roster: string;
  row_number: number;
  student_id: string | null;
  cells: (string | number | null)[];
  national_id_encrypted: string | null;
  national_id_digest: string | null;
  text: string;
}

/** A school's submitted rows as stored (read as the owner), with the whole row as text. */
async function storedRows(r: Round, submissionId: string | null = null): Promise<StoredRow[]> {
  const rows = await r.app.sql<{ row: Omit<StoredRow, 'text'>; text: string }>(
    `select to_jsonb(r) as row, r::text as text
     from submission_row r
     where r.school_id = ? and (?::uuid is null or r.submission_id = ?::uuid)
     order by r.submission_id, r.roster, r.row_number`,
    [r.school.school.id, submissionId, submissionId],
  );
  return rows.map(({ row, text }) => ({ ...row, text }));
}

const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;

describe('national IDs in submitted rows', () => {
  it('are kept sealed in the database through a whole round, while the packages carry them in full', async () => {
    const r = await round();
    const { pii } = app.services;
    const records = await submit(r, SubmissionCategory.COURSE_RECORDS, 'pii-records-0001');
    const basic = await submit(r, SubmissionCategory.BASIC, 'pii-basic-000001');

    // The packages carry every student's national ID in full, as the central database needs them.
    const packaged = new Map([
      ...(await packagedNationalIds(r, records.packageUrl)),
      ...(await packagedNationalIds(r, basic.packageUrl)),
    ]);
    expect(new Set(packaged.get('01_學業表現上傳資料/2_學生資料名冊.xlsx'))).toEqual(new Set(r.nationalIds));
    expect(packaged.get('01_學業表現上傳資料/3_學生成績名冊.xlsx')).toHaveLength(6);

    // The stored copy holds none of them in clear; sealed and digested, they are exactly what was packaged.
    for (const submission of [records, basic]) {
      const rows = await storedRows(r, rawId(submission.id));
      expect(rows.length).toBeGreaterThan(0);
      const inClear = rows.filter((row) => r.nationalIds.some((id) => row.text.includes(id)));
      expect(inClear.map((row) => row.text)).toEqual([]);
      for (const row of rows) {
        if (row.student_id === null) {
          expect([row.national_id_encrypted, row.national_id_digest]).toEqual([null, null]);
          continue;
        }
        const nationalId = packaged.get(row.roster)![row.row_number - 1]!;
        expect(r.nationalIds).toContain(nationalId);
        expect(row.cells[3]).toBeNull();
        expect(pii.decrypt(row.national_id_encrypted!)).toBe(nationalId);
        expect(row.national_id_digest).toBe(pii.digest(nationalId));
      }
    }

    // The round goes on: receipts imported and reconciled, a student disputes a row.
    for (const submission of [records, basic]) {
      for (const file of await sendToCentral(r, submission.id)) {
        const imported = await importReceipt(r, submission.id, file.id);
        expect(imported.flaggedCount).toBe(0);
        expect(imported.receivedCount).toBeGreaterThan(0);
      }
    }
    const student = await app.client().login(r.school.logins.student.username, r.school.logins.student.password);
    const own = await student.ok<{ studentReceiptRows: { id: string; nationalIdMasked: string }[] }>(STUDENT_ROWS, {
      studentId: toGlobalId('Student', r.school.students[0]!.id),
    });
    expect(own.studentReceiptRows.length).toBeGreaterThan(0);
    const shown = new Set(own.studentReceiptRows.map((row) => row.nationalIdMasked));
    expect(shown).toEqual(new Set([maskNationalId(r.nationalIds[0]!)]));
    const raised = await student.ok<{ raiseDispute: { dispute: { status: string } | null; userErrors: unknown[] } }>(
      RAISE,
      { input: { receiptRowId: own.studentReceiptRows[0]!.id, reason: '國語文的學期成績應為 85 分' } },
    );
    expect(raised.raiseDispute.userErrors).toEqual([]);

    // And a pre-check whose result lists one enrolment as 不符.
    const exported = await r.registration.ok<{
      exportPrecheckRoster: { precheckRun: { id: string } | null; userErrors: unknown[] };
    }>(EXPORT_PRECHECK, { input: { termId: r.termId } });
    expect(exported.exportPrecheckRoster.userErrors).toEqual([]);
    const precheckRunId = exported.exportPrecheckRoster.precheckRun!.id;
    const compared = await r.registration.ok<{
      sendPrecheckToCentralRepository: { resultFile: { sha256: string } | null; userErrors: unknown[] };
    }>(SEND_PRECHECK, { input: { precheckRunId } });
    expect(compared.sendPrecheckToCentralRepository.userErrors).toEqual([]);
    const [verdicts, ...answers] = await sheetRows(
      await app.services.files.read(compared.sendPrecheckToCentralRepository.resultFile!.sha256),
    );
    answers[0]![verdicts!.indexOf('比對結果')] = '不符';
    answers[0]![verdicts!.indexOf('說明')] = '出生日期不符';
    const result = await uploadImportFile(
      app.url,
      r.registration,
      '預檢比對結果.xlsx',
      await workbookOf('收訖明細', [verdicts!, ...answers]),
    );
    const precheck = await r.registration.ok<{
      importPrecheckResult: { precheckRun: { mismatchCount: number } | null; userErrors: unknown[] };
    }>(IMPORT_PRECHECK, { input: { precheckRunId, uploadId: result.id } });
    expect(precheck.importPrecheckResult.userErrors).toEqual([]);
    expect(precheck.importPrecheckResult.precheckRun!.mismatchCount).toBe(1);

    // Nowhere in the database is any of the school's national IDs in clear.
    expect(await tablesHolding(r)).toEqual([]);
  });

  it('matches receipt lists by the digest: every row reconciles as comparing the texts did', async () => {
    const r = await round();
    const submission = await submit(r, SubmissionCategory.COURSE_RECORDS, 'pii-match-00001');
    const [receipt] = await sendToCentral(r, submission.id);
    const [header, ...rows] = await sheetRows(await app.services.files.read(receipt!.sha256));
    expect(rows).toHaveLength(6);
    const id = header!.indexOf('身分證號');
    const code = header!.indexOf('課程代碼');
    const grade = header!.indexOf('學期成績');
    const status = header!.indexOf('收訖狀態');
    const [dropped, edited, lowered, spaced, rejected, kept] = rows.map((row) => [...row]);
    edited![grade] = 99;
    // The central database answers a national ID in lower case: not the text submitted, so not the row submitted.
    lowered![id] = String(lowered![id]).toLowerCase();
    spaced![id] = ` ${String(spaced![id])} `;
    rejected![status] = '退件';
    rejected![status + 1] = '學期成績有誤';
    const extra = [...kept!];
    extra[code] = `${String(extra[code]).slice(0, -1)}${String(extra[code]).endsWith('1') ? '2' : '1'}`;
    const file = await workbookOf('收訖明細', [header!, edited!, lowered!, spaced!, rejected!, kept!, extra]);
    const upload = await uploadImportFile(app.url, r.registration, '收訖明細_修課紀錄.xlsx', file);

    const imported = await importReceipt(r, submission.id, upload.id);
    expect(imported).toMatchObject({ kind: 'COURSE_RECORDS', receivedCount: 5, rejectedCount: 1, flaggedCount: 6 });
    const reconciled = await app.sql<{
      row_number: number | null;
      reconciliation: string;
      changed_columns: string[];
      national_id_masked: string | null;
      student_id: string | null;
      key_fields: Record<string, string>;
    }>(
      `select row_number, reconciliation, changed_columns, national_id_masked, student_id, key_fields
       from receipt_row where school_id = ? order by row_number`,
      [r.school.school.id],
    );
    const studentOf = (row: (string | number)[]) =>
      r.school.students[r.nationalIds.indexOf(String(row[id]).trim().toUpperCase())]!.id;
    const masked = (row: (string | number)[]) => maskNationalId(String(row[id]).trim().toUpperCase());
    expect(reconciled.filter((row) => row.row_number !== null)).toEqual([
      expect.objectContaining({ row_number: 2, reconciliation: 'CHANGED', changed_columns: ['學期成績'] }),
      expect.objectContaining({
        row_number: 3,
        reconciliation: 'EXTRA',
        changed_columns: [],
        national_id_masked: masked(lowered!),
        student_id: studentOf(lowered!),
      }),
      expect.objectContaining({ row_number: 4, reconciliation: 'OK', student_id: studentOf(spaced!) }),
      expect.objectContaining({ row_number: 5, reconciliation: 'REJECTED', student_id: studentOf(rejected!) }),
      expect.objectContaining({ row_number: 6, reconciliation: 'OK', student_id: studentOf(kept!) }),
      expect.objectContaining({ row_number: 7, reconciliation: 'EXTRA', student_id: studentOf(extra) }),
    ]);
    // Unlisted: the dropped row, and the one answered with its national ID in lower case.
    const missing = (rows: { national_id_masked: string | null; student_id: string | null }[]) =>
      rows.map((row) => `${row.national_id_masked} ${row.student_id}`).sort();
    expect(reconciled.filter((row) => row.row_number === null).map((row) => row.reconciliation)).toEqual([
      'MISSING',
      'MISSING',
    ]);
    expect(missing(reconciled.filter((row) => row.row_number === null))).toEqual(
      missing([dropped!, rows[2]!].map((row) => ({ national_id_masked: masked(row), student_id: studentOf(row) }))),
    );

    // Staff and the student see the MISSING rows with the national ID masked, as before.
    const missingStudent = r.school.students.findIndex((s) => s.id === studentOf(dropped!));
    const seen = await r.registration.ok<{
      studentReceiptRows: { reconciliation: string; nationalIdMasked: string; keyFields: string[] }[];
    }>(STUDENT_ROWS, { studentId: toGlobalId('Student', r.school.students[missingStudent]!.id) });
    const missingRow = seen.studentReceiptRows.find((row) => row.reconciliation === 'MISSING')!;
    expect(missingRow.nationalIdMasked).toBe(maskNationalId(r.nationalIds[missingStudent]!));
    expect(missingRow.keyFields).toContain(`課程代碼：${String(dropped![code])}`);
    expect(await tablesHolding(r)).toEqual([]);
  });

  it('upgrades a database whose submitted rows hold national IDs in clear: migration, then sealing at start-up', async () => {
    // A database of its own: it is taken back to before this change, which the other tests' schools must not see.
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    const database = `submission_pii_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${database}`);
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${database}`;
    // The stored packages outlive the first instance, as a deployment's storage does.
    const env = { DATABASE_URL: url.toString(), FILES_DIR: mkdtempSync(path.join(tmpdir(), 'portfolio-files-')) };
    let running: TestApp | null = null;
    try {
      running = await startTestApp(env);
      const r = await round({ app: running, city: await running.factory.city() });
      const { pii } = running.services;
      const submission = await submit(r, SubmissionCategory.COURSE_RECORDS, 'pii-upgrade-0001');
      const sealed = await storedRows(r);
      const withStudents = sealed.filter((row) => row.student_id !== null);
      expect(withStudents).toHaveLength(6);
      // Rows are written sealed: a fresh database never has anything to seal at start-up.
      expect(await sealClearSubmittedNationalIds(running.owner, pii, running.services.log)).toBe(0);

      // Before Migration20261206010000SubmissionRowPii: the ID in its cell and no columns for it. The rows are
      // rewritten as the owner with the frozen trigger lifted for exactly this transaction.
      await running.owner.em.fork().transactional(async (tx) => {
        await tx.execute('alter table submission_row disable trigger submission_row_frozen');
        for (const row of withStudents) {
          await tx.execute(
            `update submission_row set cells = jsonb_set(cells, '{3}', to_jsonb(?::text)) where id = ?`,
            [pii.decrypt(row.national_id_encrypted!), row.id],
          );
        }
        await tx.execute('alter table submission_row enable trigger submission_row_frozen');
        await tx.execute(
          'alter table submission_row drop column national_id_encrypted, drop column national_id_digest',
        );
        await tx.execute("delete from mikro_orm_migrations where name = 'Migration20261206010000SubmissionRowPii'");
      });
      expect(await tablesHolding(r)).toEqual(['public.submission_row']);
      await running.close();
      running = null;

      // The new version starts on it: the migration runs, then the rows are sealed before anything is served.
      running = await startTestApp(env);
      r.app = running;
      const applied = await running.sql<{ name: string }>('select name from mikro_orm_migrations order by id');
      expect(applied.at(-1)!.name).toBe('Migration20261206010000SubmissionRowPii');
      expect(await tablesHolding(r)).toEqual([]);
      const after = await storedRows(r);
      expect(after.map(({ id, cells, student_id }) => ({ id, cells, student_id }))).toEqual(
        sealed.map(({ id, cells, student_id }) => ({ id, cells, student_id })),
      );
      for (const [index, row] of after.entries()) {
        if (row.student_id === null) continue;
        const nationalId = pii.decrypt(sealed[index]!.national_id_encrypted!);
        expect(pii.decrypt(row.national_id_encrypted!)).toBe(nationalId);
        expect(row.national_id_digest).toBe(pii.digest(nationalId));
      }
      // The trigger is back in force, and a later start finds nothing left to seal.
      await expect(
        running.sql('update submission_row set cells = ? where school_id = ?', ['[]', r.school.school.id]),
      ).rejects.toThrow(/append-only/);
      expect(await sealClearSubmittedNationalIds(running.owner, pii, running.services.log)).toBe(0);

      // The sealed rows reconcile with the central database's receipts as they did in clear.
      const { username, password } = r.school.logins.registration;
      r.registration = await running.client().login(username, password);
      const [receipt] = await sendToCentral(r, submission.id);
      const imported = await importReceipt(r, submission.id, receipt!.id);
      expect(imported).toMatchObject({ receivedCount: 6, rejectedCount: 0, flaggedCount: 0 });
    } finally {
      await running?.close();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
      rmSync(env.FILES_DIR, { recursive: true, force: true });
    }
  });
});
