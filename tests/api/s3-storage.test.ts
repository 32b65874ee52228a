import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../api/src/common/ids.js';
import { loadConfig } from '../../api/src/common/config.js';
import { createFileStorage } from '../../api/src/modules/files/create-file-storage.js';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { S3FileStorage } from '../../api/src/modules/files/s3-file-storage.js';
import { verifyStorage } from '../../api/src/modules/files/verify-storage.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { startS3Server, type S3TestServer } from '../support/s3-server.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';
import { testDatabaseUrl } from '../support/test-database.js';

/** The S3 adapter against s3rver, a real S3 protocol server run in this process. */
const BUCKET = 'portfolio-files';
let server: S3TestServer;
let env: Record<string, string>;
let raw: S3Client;

beforeAll(async () => {
  server = await startS3Server(BUCKET);
  env = server.env;
  raw = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});

afterAll(async () => {
  raw?.destroy();
  await server?.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('S3 configuration', () => {
  it('names every missing setting in a clear message', () => {
    expect(() => loadConfig({ FILE_STORAGE: 's3' })).toThrow(
      'FILE_STORAGE=s3 時必須設定 S3_BUCKET、S3_REGION（S3 相容儲存空間的 bucket 名稱與區域）',
    );
    expect(() => loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'b' })).toThrow('必須設定 S3_REGION');
    expect(() =>
      loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'b', S3_REGION: 'r', S3_ACCESS_KEY_ID: 'only-the-id' }),
    ).toThrow('S3_ACCESS_KEY_ID 與 S3_SECRET_ACCESS_KEY 必須同時設定');
    expect(() => loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'b', S3_REGION: 'r', S3_ENDPOINT: 'minio:9000' })).toThrow(
      'S3_ENDPOINT 必須是 http:// 或 https:// 開頭的網址',
    );
    expect(() => loadConfig({ FILE_STORAGE: 'ftp' })).toThrow('FILE_STORAGE 必須是 local、s3 其中之一');

    const config = loadConfig({ ...env, FILES_DIR: '/tmp/x' });
    expect(config.files).toMatchObject({ storage: 's3', s3: { bucket: BUCKET, forcePathStyle: true } });
    expect(loadConfig({ FILES_DIR: '/tmp/x' }).files).toMatchObject({ storage: 'local', s3: null });
  });
});

describe('S3 file storage', () => {
  it('keeps a checked temporary file under its hash once, reads it back, and says when a file is not there', async () => {
    const tempRoot = mkdtempSync(path.join(tmpdir(), 'portfolio-s3-temp-'));
    const storage = createFileStorage(loadConfig({ ...env, FILES_DIR: tempRoot }).files) as S3FileStorage;
    try {
      expect(storage).toBeInstanceOf(S3FileStorage);
      expect(storage.location).toBe(`s3://${BUCKET}`);
      const bytes = Buffer.from(`內容 ${Date.now()}`);
      const key = sha256(bytes);

      const first = storage.newTempPath();
      await writeFile(first, bytes);
      await storage.keep(first, key);
      expect(existsSync(first)).toBe(false);
      expect(await storage.read(key)).toEqual(bytes);

      // The same content again: already there, the temporary file just goes.
      const second = storage.newTempPath();
      await writeFile(second, bytes);
      await storage.keep(second, key);
      expect(existsSync(second)).toBe(false);

      const stream = await storage.open(key);
      const chunks: Buffer[] = [];
      for await (const chunk of stream!) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks)).toEqual(bytes);

      const absent = sha256(Buffer.from('never stored'));
      expect(await storage.open(absent)).toBeNull();
      await expect(storage.read(absent)).rejects.toThrow();

      // Temporary files live on local disk with S3 too, and stale ones are cleaned up the same way.
      const stale = storage.newTempPath();
      await writeFile(stale, 'left by a crash');
      const old = new Date(Date.now() - 3_600_000);
      await utimes(stale, old, old);
      expect(await storage.removeStaleTemp(30 * 60_000)).toEqual({ removed: 1, failed: [] });
      expect(existsSync(stale)).toBe(false);
    } finally {
      storage.close();
      rmSync(tempRoot, { recursive: true, force: true });
    }
  });
});

describe('S3 multipart', () => {
  it('sends a file past the multipart size in parts, and the bucket holds exactly its bytes', async () => {
    const tempRoot = mkdtempSync(path.join(tmpdir(), 'portfolio-s3-temp-'));
    const config = loadConfig({ ...env, FILES_DIR: tempRoot }).files;
    // The sizes S3 itself allows at the least (5 MiB parts), so a 12 MiB file goes up in three.
    const storage = new S3FileStorage(config.s3!, tempRoot, { fromBytes: 6 * 2 ** 20, partBytes: 5 * 2 ** 20 });
    // What the adapter asks of S3, command by command (the SDK names each in the middleware context).
    const commands: string[] = [];
    (storage as unknown as { client: S3Client }).client.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize' },
    );
    try {
      const bytes = Buffer.concat([Buffer.from(`multipart ${Date.now()}`), randomBytes(12 * 2 ** 20)]);
      const key = sha256(bytes);
      const temp = storage.newTempPath();
      await writeFile(temp, bytes);
      await storage.keep(temp, key);
      expect(existsSync(temp)).toBe(false);
      expect(commands).toEqual([
        'CreateMultipartUploadCommand',
        'UploadPartCommand',
        'UploadPartCommand',
        'UploadPartCommand',
        'CompleteMultipartUploadCommand',
      ]);
      const read = await storage.read(key);
      expect(read.length).toBe(bytes.length);
      expect(sha256(read)).toBe(key);
    } finally {
      storage.close();
      rmSync(tempRoot, { recursive: true, force: true });
    }
  });
});

describe('the platform on S3', () => {
  let app: TestApp;
  afterAll(() => app?.close());

  it('stores uploads in the bucket, reads them for an import, and verify-storage checks the bucket', async () => {
    app = await startTestApp(env);
    const city = await app.factory.city();
    const school = await city.school({ studentsPerClass: 1 });
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const good = csvFile([['學號'], ['510001']]);
    const lost = csvFile([['學號'], ['510002']]);
    const altered = csvFile([['學號'], ['510003']]);
    const uploads = [];
    for (const [name, bytes] of [
      ['good.csv', good],
      ['lost.csv', lost],
      ['altered.csv', altered],
    ] as const) {
      uploads.push({ name, ...(await uploadImportFile(app.url, staff, name, bytes)) });
    }
    expect(uploads.map((u) => u.sha256)).toEqual([sha256(good), sha256(lost), sha256(altered)]);
    // Nothing stays on local disk but the (empty) temporary folder.
    expect(readdirSync(path.join(app.filesDir, 'tmp'))).toEqual([]);
    expect(readdirSync(app.filesDir)).toEqual(['tmp']);

    // The import reads the file back from the bucket.
    const preview = await staff.ok<{ previewImport: { importRun: { fileSha256: string } | null } }>(
      `mutation ($input: PreviewImportInput!) { previewImport(input: $input) { importRun { fileSha256 } } }`,
      { input: { kind: 'STUDENTS', uploadId: uploads[0]!.id } },
    );
    expect(preview.previewImport.importRun?.fileSha256).toBe(sha256(good));

    await raw.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: storageKeyOf(sha256(lost)) }));
    await raw.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: storageKeyOf(sha256(altered)), Body: Buffer.from('not it') }),
    );
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const report = await verifyStorage(db, app.services.files, { schoolIds: [school.school.id] });
      expect(report).toMatchObject({ uploads: 3, files: 3 });
      expect(report.problems.map((p) => [p.kind, p.uploadId, p.fileName])).toEqual([
        ['MISSING', fromGlobalId(uploads[1]!.id)!.id, 'lost.csv'],
        ['CORRUPT', fromGlobalId(uploads[2]!.id)!.id, 'altered.csv'],
      ]);
    } finally {
      await db.end();
    }
  });
});
