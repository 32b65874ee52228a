import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import { isSha256 } from '../../api/src/modules/files/file-storage.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { childServerEnv, startTestApp, type TestApp } from '../support/harness.js';
import { type ServerChild, startServerChild } from '../support/server-child.js';
import { testDatabaseUrl } from '../support/test-database.js';

/*
 * The API killed with SIGKILL in the middle of a submission or a receipt import leaves nothing of it; killed right
 * after it answered, all of it. "The middle" is made exact without test hooks in the server: as the database owner
 * this test holds a lock on the table the request writes last, waits until the server's backend queues behind it
 * (everything before is written in its open transaction), kills the server, then lets go of the lock.
 *
 * The server runs as a process of its own (api/src/main.ts) against the run's database. The in-process app only
 * sets schools up and reads what is stored; its clock is the real one (of when it started), like the child's, so
 * that the windows it opens are open for the child. Both keep their files in one folder.
 */

const DAY = 24 * 3600_000;

let app: TestApp;
let city: TestCity;
let filesDir: string;
const children: ServerChild[] = [];
const locks: { release(): Promise<void> }[] = [];

beforeAll(async () => {
  filesDir = mkdtempSync(path.join(tmpdir(), 'portfolio-faults-'));
  app = await startTestApp({ FILES_DIR: filesDir }, new Date());
  city = await app.factory.city();
});
afterEach(async () => {
  // A failed test may leave its server running, or a lock held that would stall every later test.
  for (const child of children.splice(0)) await child.kill();
  for (const lock of locks.splice(0)) await lock.release();
});
afterAll(async () => {
  await app.close();
  rmSync(filesDir, { recursive: true, force: true });
});

async function startServer(): Promise<ServerChild> {
  const child = await startServerChild(
    'source',
    childServerEnv({
      FILES_DIR: filesDir,
      LOG_LEVEL: 'silent',
    }),
  );
  children.push(child);
  return child;
}

/** A connection of the database owner that holds `lock table <table> in exclusive mode` until release(). */
async function holdLock(table: string): Promise<{ release(): Promise<void> }> {
  const owner = new pg.Client({ connectionString: testDatabaseUrl() });
  await owner.connect();
  await owner.query('begin');
  // EXCLUSIVE lets others read the table but not write to it: the server gets as far as its first insert there.
  await owner.query(`lock table ${table} in exclusive mode`);
  let held = true;
  const lock = {
    release: async () => {
      if (!held) return;
      held = false;
      await owner.query('rollback');
      await owner.end();
    },
  };
  locks.push(lock);
  return lock;
}

/** The backend that waits for a lock on `table`, once there is one. */
async function waiterOn(table: string): Promise<number> {
  return vi.waitFor(
    async () => {
      const [waiter] = await app.sql<{ pid: number }>(
        'select pid from pg_locks where relation = ?::regclass and not granted',
        [table],
      );
      if (!waiter) throw new Error(`no backend waits for ${table} yet`);
      return waiter.pid;
    },
    { timeout: 20_000, interval: 50 },
  );
}

/** Whether that backend's transaction has written rows to `table` (holds ROW EXCLUSIVE on it). */
async function hasWritten(pid: number, table: string): Promise<boolean> {
  const rows = await app.sql(
    `select 1 from pg_locks where pid = ? and relation = ?::regclass and mode = 'RowExclusiveLock' and granted`,
    [pid, table],
  );
  return rows.length === 1;
}

/** Waits until PostgreSQL has ended that backend (it notices the dead client once the lock lets it go on). */
async function backendGone(pid: number): Promise<void> {
  await vi.waitFor(
    async () => {
      const rows = await app.sql('select 1 from pg_stat_activity where pid = ?', [pid]);
      if (rows.length > 0) throw new Error(`backend ${pid} still there`);
    },
    { timeout: 20_000, interval: 50 },
  );
}

/** The SHA-256 names of the files in the store (not its temporary folder). */
async function storedFiles(): Promise<Set<string>> {
  const names = await readdir(filesDir, { recursive: true });
  return new Set(names.map((name) => path.basename(name)).filter(isSha256));
}

const count = async (query: string, params: unknown[]): Promise<number> =>
  Number((await app.sqlOne<{ n: string }>(`select count(*) as n from ${query}`, params)).n);

const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) {
    submission { id idempotencyKey zipSha256 rosters { path rows } }
    userErrors { code message }
  }
}`;
const SUBMISSIONS = `query ($termId: ID!) { submissions(termId: $termId) { id idempotencyKey } }`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) {
    receiptImport { id receivedCount rejectedCount flaggedCount }
    userErrors { code message }
  }
}`;
const RECEIPT_IMPORTS = `query ($submissionId: ID!) { receiptImports(submissionId: $submissionId) { id } }`;

interface SubmitResult {
  submitTerm: {
    submission: { id: string; idempotencyKey: string; zipSha256: string; rosters: { rows: number }[] } | null;
    userErrors: { code: string }[];
  };
}
interface ImportResult {
  importReceipts: {
    receiptImport: { id: string; receivedCount: number; rejectedCount: number; flaggedCount: number } | null;
    userErrors: { code: string }[];
  };
}

/** A school with the course-records SUBMIT window open and eight roster rows: two subjects, six enrolments. */
async function schoolToSubmit(): Promise<{ school: TestSchool; termId: string }> {
  const school = await city.school();
  const now = Date.now();
  await city.timeline(
    [
      {
        kind: TaskKind.SUBMIT,
        category: SubmissionCategory.COURSE_RECORDS,
        startsAt: new Date(now - DAY),
        endsAt: new Date(now + 5 * DAY),
      },
    ],
    [school],
  );
  const { term } = await app.factory.gradedSections(school);
  return { school, termId: toGlobalId('Term', term.id) };
}

const registrationOf = (server: { graphqlUrl: string }, school: TestSchool) =>
  new ApiClient(server.graphqlUrl).login(school.logins.registration.username, school.logins.registration.password);

/** What became of a request whose server was killed while it waited: it must not have been answered. */
const settled = (request: Promise<unknown>): Promise<string> =>
  request.then(
    () => 'answered',
    () => 'cut off',
  );

describe('SIGKILL in the middle of a write', () => {
  it('leaves nothing of a submission killed before its commit, and all of one killed after it', async () => {
    const { school, termId } = await schoolToSubmit();
    const key = 'killed-mid-submit-01';
    const filesBefore = await storedFiles();

    let server = await startServer();
    let registration = await registrationOf(server, school);
    const lock = await holdLock('submission_row');
    const request = settled(
      registration.ok(SUBMIT, { input: { termId, category: 'COURSE_RECORDS', idempotencyKey: key } }),
    );
    const pid = await waiterOn('submission_row');
    // The rosters are read, the zip stored and the submission row inserted: only its rows and the audit are left.
    expect(await hasWritten(pid, 'submission')).toBe(true);
    expect((await storedFiles()).size).toBe(filesBefore.size + 1);
    await server.kill();
    await lock.release();
    await backendGone(pid);
    expect(await request).toBe('cut off');

    expect(await count('submission where idempotency_key = ?', [key])).toBe(0);
    expect(await count('submission_row where school_id = ?', [school.school.id])).toBe(0);
    expect(
      await count('audit_log where school_id = ? and operation = ?', [school.school.id, 'submission.submit']),
    ).toBe(0);
    // The zip was stored before the transaction died and stays, referenced by nothing: content-addressed, it is
    // harmless (backup and verify-storage follow references only), and no cleanup removes stored files.
    const orphans = [...(await storedFiles())].filter((sha) => !filesBefore.has(sha));
    expect(orphans).toHaveLength(1);
    expect(await count('submission where zip_sha256 = ?', [orphans[0]])).toBe(0);

    server = await startServer();
    registration = await registrationOf(server, school);
    expect((await registration.ok<{ submissions: unknown[] }>(SUBMISSIONS, { termId })).submissions).toEqual([]);
    const retried = await registration.ok<SubmitResult>(SUBMIT, {
      input: { termId, category: 'COURSE_RECORDS', idempotencyKey: key },
    });
    // Killed the moment the answer is in: the request's transaction commits before the response is sent.
    await server.kill();
    expect(retried.submitTerm.userErrors).toEqual([]);
    const submission = retried.submitTerm.submission!;
    const submissionId = fromGlobalId(submission.id)!.id;

    expect(await count('submission where idempotency_key = ?', [key])).toBe(1);
    const { row_counts: rowCounts } = await app.sqlOne<{ row_counts: Record<string, number> }>(
      'select row_counts from submission where id = ?',
      [submissionId],
    );
    const expectedRows = Object.values(rowCounts).reduce((sum, rows) => sum + rows, 0);
    expect(expectedRows).toBe(8);
    expect(submission.rosters.reduce((sum, roster) => sum + roster.rows, 0)).toBe(8);
    expect(await count('submission_row where submission_id = ?', [submissionId])).toBe(expectedRows);
    expect(await count('submission_row where school_id = ?', [school.school.id])).toBe(expectedRows);
    expect(
      await count('audit_log where school_id = ? and operation = ?', [school.school.id, 'submission.submit']),
    ).toBe(1);
    expect((await storedFiles()).has(submission.zipSha256)).toBe(true);
  });

  it('leaves nothing of a receipt import killed before its commit, and all of one killed after it', async () => {
    const { school, termId } = await schoolToSubmit();
    // The package and the reference repository's receipt file, made by the in-process app.
    const staff = await registrationOf(app, school);
    const submitted = await staff.ok<SubmitResult>(SUBMIT, {
      input: { termId, category: 'COURSE_RECORDS', idempotencyKey: 'receipts-to-kill-01' },
    });
    expect(submitted.submitTerm.userErrors).toEqual([]);
    const submissionId = submitted.submitTerm.submission!.id;
    const sent = await staff.ok<{
      sendToCentralRepository: { receiptFiles: { id: string }[] | null; userErrors: { code: string }[] };
    }>(SEND, { input: { submissionId } });
    expect(sent.sendToCentralRepository.userErrors).toEqual([]);
    const [receipt] = sent.sendToCentralRepository.receiptFiles!;
    const input = { submissionId, uploadId: receipt!.id };
    const rawSubmissionId = fromGlobalId(submissionId)!.id;

    let server = await startServer();
    let registration = await registrationOf(server, school);
    const lock = await holdLock('receipt_row');
    const request = settled(registration.ok(IMPORT, { input }));
    const pid = await waiterOn('receipt_row');
    // The file is read and reconciled and the receipt_import row inserted: its rows and the audit are left.
    expect(await hasWritten(pid, 'receipt_import')).toBe(true);
    await server.kill();
    await lock.release();
    await backendGone(pid);
    expect(await request).toBe('cut off');

    expect(await count('receipt_import where submission_id = ?', [rawSubmissionId])).toBe(0);
    expect(await count('receipt_row where school_id = ?', [school.school.id])).toBe(0);
    expect(await count('audit_log where school_id = ? and operation = ?', [school.school.id, 'receipts.import'])).toBe(
      0,
    );

    server = await startServer();
    registration = await registrationOf(server, school);
    expect(
      (await registration.ok<{ receiptImports: unknown[] }>(RECEIPT_IMPORTS, { submissionId })).receiptImports,
    ).toEqual([]);
    const imported = await registration.ok<ImportResult>(IMPORT, { input });
    await server.kill();
    expect(imported.importReceipts.userErrors).toEqual([]);
    const result = imported.importReceipts.receiptImport!;

    expect(await count('receipt_import where submission_id = ?', [rawSubmissionId])).toBe(1);
    // One row per grade-roster row: all six enrolments listed as received by the reference repository.
    expect(result.receivedCount + result.rejectedCount).toBe(6);
    expect(await count('receipt_row where receipt_import_id = ?', [fromGlobalId(result.id)!.id])).toBe(6);
    expect(await count('receipt_row where school_id = ?', [school.school.id])).toBe(6);
    expect(await count('audit_log where school_id = ? and operation = ?', [school.school.id, 'receipts.import'])).toBe(
      1,
    );
  });
});
