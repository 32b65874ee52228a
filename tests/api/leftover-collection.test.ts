import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { keepBytes } from '../../api/src/modules/files/generated-upload.js';
import { collectLeftovers } from '../../api/src/modules/files/leftover-collection.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { withClient } from '../support/pg-client.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { startS3Server, type S3TestServer } from '../support/s3-server.js';
import { csvFile, putBytes, uploadImportFile } from '../support/uploads.js';
import { testDatabaseUrl } from '../support/test-database.js';

/**
 * The collection works in every school at once, so these tests run in a database of their own: what it removes and
 * counts there is theirs. The servers' clocks are the real time here, as the database's and the files' are.
 */
const HOUR = 3_600_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let admin: pg.Client;
let databaseName: string;
let databaseUrl: string;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  databaseName = `leftovers_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${databaseName}`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
});

afterAll(async () => {
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
});

interface Stored {
  id: string;
  sha256: string;
  size: number;
}

/** Files, uploads and rows in one installation, aged by hand. */
function installation(app: () => TestApp) {
  return {
    async importFile(staff: ApiClient, fileName: string): Promise<Stored> {
      const bytes = csvFile([['學號'], [`${Math.floor(Math.random() * 1e9)}`]]);
      const upload = await uploadImportFile(app().url, staff, fileName, bytes);
      return { id: fromGlobalId(upload.id)!.id, sha256: upload.sha256, size: bytes.length };
    },
    async studentDocument(school: TestSchool, fileName: string): Promise<Stored> {
      const bytes = Buffer.concat([PDF, Buffer.from(`% ${randomUUID()}\n`)]);
      const student = await app().client().login(school.logins.student.username, school.logins.student.password);
      const slot = await student.ok<{ requestUpload: { uploadUrl: string } }>(
        `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl } }`,
        { input: { purpose: 'DOCUMENT', fileName, size: bytes.length } },
      );
      const put = await putBytes(app().url, student, slot.requestUpload.uploadUrl, bytes);
      expect(put.status).toBe(200);
      return { id: fromGlobalId(put.body.upload!.id)!.id, sha256: put.body.upload!.sha256, size: bytes.length };
    },
    /** A file in the store that no upload row names (what a failed commit or a killed submission leaves). */
    async bareFile(label: string): Promise<Stored> {
      const bytes = Buffer.from(`${label} ${randomUUID()}`);
      return { id: '', sha256: await keepBytes(app().services.files, bytes), size: bytes.length };
    },
    async storedHoursAgo(upload: Stored, hours: number): Promise<void> {
      await app().sql("update upload set stored_at = now() - ? * interval '1 hour' where id = ?", [hours, upload.id]);
    },
    async uploadExists(upload: Stored): Promise<boolean> {
      return (await app().sql('select 1 from upload where id = ?', [upload.id])).length === 1;
    },
    async submissionOf(school: TestSchool, file: Stored): Promise<void> {
      await app().sql(
        `insert into submission (school_id, id, term_id, category, idempotency_key, status, row_counts, zip_sha256,
                                 zip_size, created_by, created_at)
         values (?, gen_random_uuid(), ?, 'BASIC', ?, 'SUBMITTED', '{}', ?, ?, ?, now())`,
        [school.school.id, school.terms[0]!.id, randomUUID(), file.sha256, file.size, school.accounts[0]!.id],
      );
    },
    async precheckRosterOf(school: TestSchool, file: Stored): Promise<void> {
      await app().sql(
        `insert into precheck_run (school_id, id, term_id, status, roster_sha256, roster_size, row_count, created_by,
                                   created_at)
         values (?, gen_random_uuid(), ?, 'EXPORTED', ?, ?, 0, ?, now())`,
        [school.school.id, school.terms[0]!.id, file.sha256, file.size, school.accounts[0]!.id],
      );
    },
  };
}

const logged = (app: TestApp) => app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('leftover collection on local disk', () => {
  let app: TestApp;
  let school: TestSchool;
  let staff: ApiClient;
  const store = installation(() => app);

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_URL: databaseUrl }, new Date());
    school = await (await app.factory.city()).school({ studentsPerClass: 1 });
    staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
  });
  afterAll(() => app?.close());

  const filePath = (file: Stored) => path.join(app.filesDir, ...storageKeyOf(file.sha256).split('/'));
  const keptHoursAgo = async (file: Stored, hours: number) => {
    const time = new Date(Date.now() - hours * HOUR);
    await utimes(filePath(file), time, time);
  };

  it('removes exactly the unreferenced files and unattached uploads older than the grace period, in every school', async () => {
    // Uploads: one a dry run took up, one a student's evidence uses, one nothing uses (here and in another
    // school), one nothing uses yet.
    const imported = await store.importFile(staff, 'imported.csv');
    const preview = await staff.ok<{ previewImport: { importRun: { id: string } | null } }>(
      `mutation ($input: PreviewImportInput!) { previewImport(input: $input) { importRun { id } } }`,
      { input: { kind: 'STUDENTS', uploadId: toGlobalId('FileUpload', imported.id) } },
    );
    expect(preview.previewImport.importRun).not.toBeNull();
    const evidence = await store.studentDocument(school, '學習成果.pdf');
    await app.sql(
      `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                        document_upload_id, created_at, updated_at)
       values (?, gen_random_uuid(), ?, ?, 'OTHER', '志工服務', '簡述', ?, now(), now())`,
      [school.school.id, school.students[0]!.id, school.years[0]!.id, evidence.id],
    );
    const unused = await store.importFile(staff, '沒有下一步.csv');
    const otherSchool = await (await app.factory.city()).school({ studentsPerClass: 1 });
    const otherStaff = await app
      .client()
      .login(otherSchool.logins.registration.username, otherSchool.logins.registration.password);
    const unusedElsewhere = await store.importFile(otherStaff, '另一校.csv');
    const unusedYet = await store.importFile(staff, '剛上傳.csv');

    // Files no upload names: one only a submission package names, one only a pre-check roster, and two nothing
    // names, one of them still inside the grace period.
    const zip = await store.bareFile('zip');
    await store.submissionOf(school, zip);
    const roster = await store.bareFile('roster');
    await store.precheckRosterOf(school, roster);
    const orphan = await store.bareFile('orphan');
    const youngOrphan = await store.bareFile('young orphan');

    for (const upload of [imported, evidence, unused, unusedElsewhere]) await store.storedHoursAgo(upload, 30);
    for (const file of [imported, evidence, unused, unusedElsewhere, zip, roster, orphan]) await keptHoursAgo(file, 30);
    await keptHoursAgo(youngOrphan, 23);

    const result = await collectLeftovers(app.services);
    expect(result).toEqual({
      unattachedUploads: 2,
      // The files of the two uploads removed go in the same run: nothing names them any more.
      files: 3,
      bytes: orphan.size + unused.size + unusedElsewhere.size,
      failed: [],
    });
    expect(await store.uploadExists(unused)).toBe(false);
    expect(await store.uploadExists(unusedElsewhere)).toBe(false);
    for (const kept of [imported, evidence, unusedYet]) expect(await store.uploadExists(kept)).toBe(true);
    for (const gone of [orphan, unused, unusedElsewhere]) expect(existsSync(filePath(gone))).toBe(false);
    for (const kept of [imported, evidence, unusedYet, zip, roster, youngOrphan]) {
      expect(existsSync(filePath(kept))).toBe(true);
    }
    expect(logged(app)).toContainEqual({
      level: 'info',
      message: 'leftover collection',
      unattachedUploads: 2,
      files: 3,
      bytes: result.bytes,
    });
    expect(app.logLines.join('\n')).not.toMatch(/沒有下一步|另一校/);
    // Files are moved aside before they go: nothing of them stays behind in the temporary folder.
    expect(readdirSync(path.join(app.filesDir, 'tmp'))).toEqual([]);

    // Nothing left to do.
    expect(await collectLeftovers(app.services)).toEqual({ unattachedUploads: 0, files: 0, bytes: 0, failed: [] });
  });

  it('keeps a file whose bytes were kept again within the grace period, though no row names them yet', async () => {
    const bytes = Buffer.from(`wanted again ${randomUUID()}`);
    const file: Stored = { id: '', sha256: await keepBytes(app.services.files, bytes), size: bytes.length };
    await keptHoursAgo(file, 30);
    // The same bytes arrive for a request that has not committed its row yet: content addressing makes them the
    // same file, and keeping them again makes it young.
    await keepBytes(app.services.files, bytes);

    expect(await collectLeftovers(app.services)).toMatchObject({ files: 0 });
    expect(existsSync(filePath(file))).toBe(true);

    // Unreferenced past the grace once more, it goes.
    await keptHoursAgo(file, 30);
    expect(await collectLeftovers(app.services)).toMatchObject({ files: 1, bytes: file.size });
    expect(existsSync(filePath(file))).toBe(false);
  });

  it('removes a stored file only when it was kept before the given time, and puts a newer one back', async () => {
    const file = await store.bareFile('timed');
    const files = app.services.files;
    expect(await files.removeIfKeptBefore(file.sha256, new Date(Date.now() - HOUR))).toBe(false);
    expect(await files.read(file.sha256)).toHaveLength(file.size);
    expect(await files.removeIfKeptBefore(file.sha256, new Date(Date.now() + HOUR))).toBe(true);
    expect(existsSync(filePath(file))).toBe(false);
    expect(await files.removeIfKeptBefore(file.sha256, new Date(Date.now() + HOUR))).toBe(false);
  });

  it('reaches the database only through hashes, and through uploads stored over an hour ago that nothing uses', async () => {
    const recent = await store.importFile(staff, 'recent.csv');
    await store.storedHoursAgo(recent, 0.2);
    const imported = await store.importFile(staff, 'imported.csv');
    await app.sql('update upload set stored_at = ? where id = ?', [new Date(Date.now() - 30 * HOUR), imported.id]);
    const absent = createHash('sha256').update(randomUUID()).digest('hex');
    await withClient(databaseUrl, async (db) => {
      await db.query('set role portfolio_app');
      // A cut-off far in the future: the database holds to its own clock, less an hour.
      const removed = await db.query("select files_remove_unattached_uploads('2999-01-01', 1000) as n");
      expect(removed.rows).toEqual([{ n: 1 }]);
      expect(await store.uploadExists(recent)).toBe(true);
      expect(await store.uploadExists(imported)).toBe(false);
      // Hashes in, hashes out.
      const referenced = await db.query('select * from files_referenced($1::text[])', [[recent.sha256, absent]]);
      expect(referenced.rows).toEqual([{ files_referenced: recent.sha256 }]);
      // The request role reads neither view: only the two functions.
      await expect(db.query('select * from stored_file_reference')).rejects.toThrow(/permission denied/);
      await expect(db.query('select * from upload_unattached')).rejects.toThrow(/permission denied/);

      // The definer role itself still sees no upload that holds a file, and deletes none younger than an hour.
      await db.query('reset role');
      await db.query('set role portfolio_definer');
      expect((await db.query('select id from upload where id = $1', [recent.id])).rows).toEqual([]);
      expect((await db.query('delete from upload_unattached where id = $1', [recent.id])).rowCount).toBe(0);
      await expect(db.query('select file_name from upload_unattached')).rejects.toThrow(/file_name/);
    });
    expect(await store.uploadExists(recent)).toBe(true);
  });

  it('counts every column that holds a stored file hash and every foreign key to an upload', async () => {
    const hashColumns = await app.sql<{ table: string; column: string }>(
      `select c.table_name as table, c.column_name as column
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name like '%sha256'`,
    );
    expect(hashColumns.length).toBeGreaterThanOrEqual(6);
    const { references } = await app.sqlOne<{ references: string }>(
      "select pg_get_viewdef('stored_file_reference'::regclass) as references",
    );
    for (const { table, column } of hashColumns) {
      expect(references, `${table}.${column}`).toMatch(
        new RegExp(`SELECT ${table}\\.${column}( AS sha256)?\\s+FROM ${table}\\b`),
      );
    }

    const foreignKeys = await app.sql<{ table: string; column: string }>(
      `select c.conrelid::regclass::text as table, a.attname as column
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
       where c.contype = 'f' and c.confrelid = 'upload'::regclass and a.attname <> 'school_id'`,
    );
    expect(foreignKeys.length).toBeGreaterThanOrEqual(7);
    const { unattached } = await app.sqlOne<{ unattached: string }>(
      "select pg_get_viewdef('upload_unattached'::regclass) as unattached",
    );
    for (const { table, column } of foreignKeys) {
      expect(unattached, `${table}.${column}`).toMatch(
        new RegExp(
          `FROM ${table} (\\w+)\\s+WHERE \\(*\\1\\.school_id = u\\.school_id\\) AND \\(\\1\\.${column} = u\\.id\\)`,
        ),
      );
    }
  });
});

describe('leftover collection on S3', () => {
  let server: S3TestServer;
  let app: TestApp;
  const store = installation(() => app);

  beforeAll(async () => {
    server = await startS3Server('leftovers');
    app = await startTestApp({ DATABASE_URL: databaseUrl, ...server.env }, new Date());
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  // s3rver keeps each object in a file of its own and answers its time as LastModified.
  const objectPath = (file: Stored) =>
    path.join(server.directory, server.bucket, `${storageKeyOf(file.sha256)}._S3rver_object`);
  const keptHoursAgo = async (file: Stored, hours: number) => {
    const time = new Date(Date.now() - hours * HOUR);
    await utimes(objectPath(file), time, time);
  };

  it('removes exactly the unreferenced objects and unattached uploads older than the grace period', async () => {
    const school = await (await app.factory.city()).school({ studentsPerClass: 1 });
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const unused = await store.importFile(staff, 'unused.csv');
    const unusedYet = await store.importFile(staff, 'unused-yet.csv');
    const zip = await store.bareFile('zip');
    await store.submissionOf(school, zip);
    const orphan = await store.bareFile('orphan');
    const youngOrphan = await store.bareFile('young orphan');
    const wantedAgain = await store.bareFile('wanted again');
    await store.storedHoursAgo(unused, 30);
    for (const file of [unused, unusedYet, zip, orphan, wantedAgain]) await keptHoursAgo(file, 30);
    await keptHoursAgo(youngOrphan, 2);
    // Kept again (the same bytes, for a request still running): a new LastModified.
    await keepBytes(app.services.files, await app.services.files.read(wantedAgain.sha256));

    expect(await collectLeftovers(app.services)).toEqual({
      unattachedUploads: 1,
      files: 2,
      bytes: orphan.size + unused.size,
      failed: [],
    });
    expect(await store.uploadExists(unused)).toBe(false);
    expect(await store.uploadExists(unusedYet)).toBe(true);
    for (const gone of [orphan, unused]) expect(await app.services.files.open(gone.sha256)).toBeNull();
    for (const kept of [unusedYet, zip, youngOrphan, wantedAgain]) {
      expect(await app.services.files.read(kept.sha256)).toHaveLength(kept.size);
    }
  });
});
