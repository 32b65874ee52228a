import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromGlobalId } from '../../api/src/common/ids.js';
import { repoRoot } from '../../api/src/common/config.js';
import { createBackup } from '../../api/src/db/backup.js';
import { restoreBackup } from '../../api/src/db/restore.js';
import { migrationsList } from '../../api/src/db/migrations/index.js';
import { LocalFileStorage, storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { keepBytes } from '../../api/src/modules/files/generated-upload.js';
import { formatStorageReport, verifyStorage } from '../../api/src/modules/files/verify-storage.js';
import { withClient } from '../support/pg-client.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, putBytes, requestUpload, uploadImportFile } from '../support/uploads.js';
import { testDatabaseUrl } from '../support/test-database.js';

/**
 * These tests need a database of their own (verify-storage and backups cover every school of an installation), so
 * they create one on the run's PostgreSQL server, and another one to restore into.
 */
const created: string[] = [];
let admin: pg.Client;

function urlOf(database: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function createDatabase(label: string): Promise<string> {
  const name = `${label}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  created.push(name);
  return urlOf(name);
}

let sourceUrl: string;
let app: TestApp;
let school: TestSchool;
let staff: ApiClient;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  sourceUrl = await createDatabase('durability');
  app = await startTestApp({ DATABASE_URL: sourceUrl });
  const city = await app.factory.city();
  school = await city.school({ studentsPerClass: 2 });
  staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
});

afterAll(async () => {
  await app?.close();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

interface Stored {
  id: string;
  sha256: string;
  fileName: string;
}

async function importFile(fileName: string, bytes: Buffer): Promise<Stored> {
  const upload = await uploadImportFile(app.url, staff, fileName, bytes);
  return { id: fromGlobalId(upload.id)!.id, sha256: upload.sha256, fileName };
}

async function studentDocument(fileName: string, bytes: Buffer): Promise<Stored> {
  const student = await app.client().login(school.logins.student.username, school.logins.student.password);
  const slot = await student.ok<{ requestUpload: { uploadUrl: string } }>(
    `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl } }`,
    { input: { purpose: 'DOCUMENT', fileName, size: bytes.length } },
  );
  const put = await putBytes(app.url, student, slot.requestUpload.uploadUrl, bytes);
  expect(put.status).toBe(200);
  return { id: fromGlobalId(put.body.upload!.id)!.id, sha256: put.body.upload!.sha256, fileName };
}

const storedPath = (filesDir: string, sha256: string) => path.join(filesDir, ...storageKeyOf(sha256).split('/'));

/** npm run verify-storage against this installation, run from the sources. */
async function verifyCommand(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'api/src/scripts/verify-storage.ts')],
      { cwd: repoRoot, env: { ...process.env, ...env } },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('verify-storage', () => {
  it('re-hashes every stored file and lists the missing and the corrupt ones by school, upload and file', async () => {
    const intact = await importFile('名單.csv', csvFile([['學號'], ['410001']]));
    const corrupt = await importFile('課程.csv', csvFile([['學號'], ['410002']]));
    const missing = await studentDocument('報告.pdf', PDF);
    const env = {
      DATABASE_URL: sourceUrl,
      PII_ENCRYPTION_KEY: inject('piiKey'),
      FILES_DIR: app.filesDir,
      LOG_LEVEL: 'silent',
    };

    const clean = await verifyCommand(env);
    expect(clean.code, clean.output).toBe(0);
    expect(clean.output).toContain('檢查了 3 筆上傳、3 個檔案');
    expect(clean.output).toContain('結果：全部檔案完好。');

    const corruptPath = storedPath(app.filesDir, corrupt.sha256);
    const missingPath = storedPath(app.filesDir, missing.sha256);
    const [corruptBytes, missingBytes] = await Promise.all([readFile(corruptPath), readFile(missingPath)]);
    await writeFile(corruptPath, Buffer.concat([corruptBytes, Buffer.from('tampered')]));
    await rm(missingPath);
    try {
      const report = await withClient(sourceUrl, (db) => verifyStorage(db, app.services.files));
      expect(report).toMatchObject({ uploads: 3, files: 3 });
      const schoolName = `${school.school.name} 日間部`;
      expect(report.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'CORRUPT',
            school: schoolName,
            uploadId: corrupt.id,
            fileName: '課程.csv',
            expectedSha256: corrupt.sha256,
          }),
          expect.objectContaining({
            kind: 'MISSING',
            school: schoolName,
            uploadId: missing.id,
            fileName: '報告.pdf',
            expectedSha256: missing.sha256,
            actualSha256: null,
          }),
        ]),
      );
      expect(report.problems).toHaveLength(2);
      expect(report.problems.map((p) => p.uploadId)).not.toContain(intact.id);

      const damaged = await verifyCommand(env);
      expect(damaged.code, damaged.output).toBe(1);
      expect(damaged.output).toContain(`內容不符  ${schoolName}  ${corrupt.id}  課程.csv  ${corrupt.sha256}`);
      expect(damaged.output).toContain(`缺少檔案  ${schoolName}  ${missing.id}  報告.pdf  ${missing.sha256}`);
      expect(damaged.output).toContain('缺少檔案 1 筆，內容不符 1 筆');
    } finally {
      await writeFile(corruptPath, corruptBytes);
      await writeFile(missingPath, missingBytes);
    }
  });
});

describe('backup and restore', () => {
  it('dumps the database and the files, and restores them into a fresh instance where every hash verifies', async () => {
    // Some uploads: two rows of one content (stored once), a student's document, and a slot that never got a file.
    await importFile('學生名單.csv', csvFile([['學號'], ['420001']]));
    await importFile('學生名單（再傳一次）.csv', csvFile([['學號'], ['420001']]));
    await studentDocument('學習成果.pdf', Buffer.concat([PDF, Buffer.from('% second version\n')]));
    await requestUpload(staff, '沒傳完.csv', 100);

    const backupDir = mkdtempSync(path.join(tmpdir(), 'portfolio-backup-'));
    const restoredFiles = mkdtempSync(path.join(tmpdir(), 'portfolio-restored-files-'));
    try {
      const manifest = await createBackup({
        databaseUrl: sourceUrl,
        files: app.services.files,
        dir: backupDir,
        piiKeyFile: null,
      });
      const sourceUploads = await withClient(sourceUrl, (db) => verifyStorage(db, app.services.files));
      expect(sourceUploads.problems).toEqual([]);
      expect(manifest.files).toMatchObject({ count: sourceUploads.files, missing: [], corrupt: [] });
      expect(manifest.tables.find((t) => t.name === 'upload')!.rows).toBe(sourceUploads.uploads + 1);
      for (const table of manifest.tables) expect(table.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(manifest.database.serverVersion).toMatch(/^\d+/);
      expect(manifest.database.migrations).toEqual(migrationsList.map((migration) => migration.name));

      const targetUrl = await createDatabase('restored');
      const restoredStorage = new LocalFileStorage(restoredFiles);
      const report = await restoreBackup({
        databaseUrl: targetUrl,
        files: restoredStorage,
        dir: backupDir,
        piiKeyFile: null,
      });
      expect(report).toMatchObject({ tables: manifest.tables.length, files: manifest.files.count, corruptFiles: [] });

      // Every stored file of the restored instance verifies, and every table holds the same rows.
      const restored = await withClient(targetUrl, (db) => verifyStorage(db, restoredStorage));
      expect(restored.problems).toEqual([]);
      expect(restored).toMatchObject({ uploads: sourceUploads.uploads, files: sourceUploads.files });
      const fingerprint = (url: string) =>
        withClient(url, async (db) => {
          const result: Record<string, string> = {};
          for (const table of manifest.tables) {
            const name = `"${table.schema}"."${table.name}"`;
            const { rows } = await db.query<{ n: number; digest: string | null }>(
              `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${name} t`,
            );
            result[`${table.schema}.${table.name}`] = `${rows[0]!.n}:${rows[0]!.digest}`;
          }
          return result;
        });
      expect(await fingerprint(targetUrl)).toEqual(await fingerprint(sourceUrl));

      // A restored instance starts (its migrations are current) and its accounts log in.
      const again = await startTestApp({ DATABASE_URL: targetUrl, FILES_DIR: restoredFiles });
      try {
        const { username, password } = school.logins.registration;
        expect((await again.client().login(username, password)).token).toBeTruthy();
      } finally {
        await again.close();
      }

      // A restore never goes into a database that already has an installation.
      await expect(
        restoreBackup({ databaseUrl: targetUrl, files: restoredStorage, dir: backupDir, piiKeyFile: null }),
      ).rejects.toThrow(/不是空的/);
    } finally {
      rmSync(backupDir, { recursive: true, force: true });
      rmSync(restoredFiles, { recursive: true, force: true });
    }
  });
});

describe('verify-storage and leftovers', () => {
  it('counts unreferenced files and unused uploads, and which of them the next collection removes, removing none', async () => {
    const city = await app.factory.city();
    const own = await city.school({ studentsPerClass: 1 });
    const ownStaff = await app.client().login(own.logins.registration.username, own.logins.registration.password);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    // Uploads nothing uses: one stored long ago, one two hours ago (not yet past the grace period).
    const unused = await uploadImportFile(app.url, ownStaff, '沒有下一步.csv', csvFile([['學號'], ['430001']]));
    const recent = await uploadImportFile(app.url, ownStaff, '剛上傳.csv', csvFile([['學號'], ['430002']]));
    const unusedId = fromGlobalId(unused.id)!.id;
    await app.sql('update upload set stored_at = ? where id = ?', [hoursAgo(30), unusedId]);
    await app.sql('update upload set stored_at = ? where id = ?', [hoursAgo(2), fromGlobalId(recent.id)!.id]);
    // Files no row names, one kept long ago and one an hour ago.
    const oldBytes = Buffer.from('left by a failed commit');
    const youngBytes = Buffer.from('left by a killed submission');
    const oldFile = storedPath(app.filesDir, await keepBytes(app.services.files, oldBytes));
    const youngFile = storedPath(app.filesDir, await keepBytes(app.services.files, youngBytes));
    await utimes(oldFile, hoursAgo(30), hoursAgo(30));
    await utimes(youngFile, hoursAgo(1), hoursAgo(1));

    const report = await withClient(sourceUrl, (db) =>
      verifyStorage(db, app.services.files, { schoolIds: [own.school.id], leftoverGraceHours: 24 }),
    );
    expect(report.problems).toEqual([]);
    expect(report.leftovers).toEqual({
      graceHours: 24,
      unreferencedFiles: 2,
      unreferencedBytes: oldBytes.length + youngBytes.length,
      collectableFiles: 1,
      collectableBytes: oldBytes.length,
      unattachedUploads: 2,
      unattachedBytes: unused.size + recent.size,
      collectableUploads: 1,
    });
    const printed = formatStorageReport(report, app.filesDir);
    expect(printed).toContain(
      `遺留的檔案（沒有任何資料指向）：2 個，0.0 MB（${oldBytes.length + youngBytes.length} 位元組）；` +
        `其中 1 個、0.0 MB（${oldBytes.length} 位元組）已超過保留期限 24 小時`,
    );
    expect(printed).toContain('未使用的上傳（已存檔超過 1 小時，沒有任何資料使用）：2 筆');
    expect(printed).toContain('其中 1 筆已超過保留期限');

    // The command counts every school; leftovers never change its result, and it removes nothing.
    const command = await verifyCommand({
      DATABASE_URL: sourceUrl,
      PII_ENCRYPTION_KEY: inject('piiKey'),
      FILES_DIR: app.filesDir,
      LOG_LEVEL: 'silent',
    });
    expect(command.code, command.output).toBe(0);
    expect(command.output).toContain('結果：全部檔案完好。');
    expect(command.output).toContain('遺留的檔案（沒有任何資料指向）：2 個');
    expect(existsSync(oldFile)).toBe(true);
    expect(existsSync(youngFile)).toBe(true);
    expect(await app.sql('select 1 from upload where id = ?', [unusedId])).toHaveLength(1);
  });
});
