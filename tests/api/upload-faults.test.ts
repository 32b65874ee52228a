import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../api/src/common/ids.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { putBytes } from '../support/uploads.js';

let app: TestApp;
let school: TestSchool;
let student: ApiClient;

const REQUEST = `mutation ($input: RequestUploadInput!) {
  requestUpload(input: $input) { upload { id } uploadUrl userErrors { code message } }
}`;

interface Requested {
  requestUpload: {
    upload: { id: string } | null;
    uploadUrl: string | null;
    userErrors: { code: string; message: string }[];
  };
}

const pdf = (marker: string) => Buffer.concat([Buffer.from(`%PDF-1.4\n%${marker}\n`), Buffer.alloc(2000, 0x20)]);

beforeAll(async () => {
  app = await startTestApp({ UPLOAD_DOCUMENT_MAX_BYTES: '100000' });
  school = await (await app.factory.city()).school();
  student = await app.client().login(school.logins.student.username, school.logins.student.password);
});
afterAll(() => app.close());

async function slot(bytes: Buffer): Promise<{ id: string; url: string }> {
  const result = await student.ok<Requested>(REQUEST, {
    input: { purpose: 'DOCUMENT', fileName: 'report.pdf', size: bytes.length },
  });
  return { id: result.requestUpload.upload!.id, url: result.requestUpload.uploadUrl! };
}

const storedAt = async (id: string) =>
  (await app.sqlOne<{ stored_at: Date | null }>('select stored_at from upload where id = ?', [fromGlobalId(id)!.id]))
    .stored_at;

/** A PUT that must be answered: a hang fails the test after ten seconds instead of stalling the run. */
async function put(url: string, bytes: Buffer) {
  return Promise.race([
    putBytes(app.url, student, url, bytes),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the PUT was never answered')), 10_000)),
  ]);
}

describe('uploads when storage fails', () => {
  it('answers 503 and records nothing when the temporary folder cannot be written', async () => {
    const bytes = pdf('temp');
    const target = await slot(bytes);
    const temp = path.join(app.filesDir, 'tmp');
    rmSync(temp, { recursive: true, force: true });
    writeFileSync(temp, 'not a folder');
    const logged = app.logLines.length;
    try {
      const answer = await put(target.url, bytes);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      expect(answer.body.message).toBe('伺服器暫時無法儲存檔案，檔案沒有存下來，請稍後再上傳一次。');
    } finally {
      rmSync(temp, { force: true });
      mkdirSync(temp);
    }
    expect(await storedAt(target.id)).toBeNull();
    const failure = app.logLines.slice(logged).find((line) => line.includes('upload failed'));
    expect(failure).toMatch(/"answered":503/);
    expect(failure).toMatch(/ENOTDIR/);
    // The slot is still open: the same file goes through once storage works again.
    expect((await put(target.url, bytes)).status).toBe(200);
  });

  it('answers 503 and records nothing when the file cannot be moved into the store', async () => {
    const bytes = pdf('store');
    const target = await slot(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const shard = path.join(app.filesDir, sha256.slice(0, 2));
    rmSync(shard, { recursive: true, force: true });
    writeFileSync(shard, 'not a folder');
    try {
      const answer = await put(target.url, bytes);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    } finally {
      rmSync(shard, { force: true });
    }
    // The row was not written: the move failed inside its transaction.
    expect(await storedAt(target.id)).toBeNull();
  });
});

describe('sizes in messages', () => {
  it('says a small limit in KB, never 「0 MB」', async () => {
    const refused = await student.ok<Requested>(REQUEST, {
      input: { purpose: 'DOCUMENT', fileName: 'big.pdf', size: 150_000 },
    });
    expect(refused.requestUpload.userErrors).toEqual([
      { code: 'FILE_TOO_LARGE', message: '檔案 146.5 KB，超過上限 97.7 KB，請分成幾個檔案。' },
    ]);
  });
});
