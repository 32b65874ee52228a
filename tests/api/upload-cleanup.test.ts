import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromGlobalId } from '../../api/src/common/ids.js';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { COLLECT_LEFTOVERS_TASK } from '../../api/src/modules/files/leftover-collection.js';
import {
  CLEANUP_UPLOADS_TASK,
  removeExpiredSlots,
  sweepTempFolder,
} from '../../api/src/modules/files/upload-cleanup.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, putBytes, requestUpload, uploadImportFile } from '../support/uploads.js';
import { testDatabaseUrl } from '../support/test-database.js';

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const MINUTE = 60_000;

async function staff(): Promise<ApiClient> {
  const school = await city.school({ studentsPerClass: 1 });
  return app.client().login(school.logins.registration.username, school.logins.registration.password);
}

async function slot(client: ApiClient, name: string, bytes: Buffer): Promise<{ id: string; url: string }> {
  const requested = await requestUpload(client, name, bytes.length);
  return {
    id: fromGlobalId(requested.requestUpload.upload!.id)!.id,
    url: requested.requestUpload.uploadUrl!,
  };
}

const uploadRow = (id: string) =>
  app.sql<{ stored_at: Date | null; sha256: string | null }>('select stored_at, sha256 from upload where id = ?', [id]);

describe('upload cleanup job', () => {
  it('removes slots that expired without a file and stale temporary files, and keeps everything else', async () => {
    const client = await staff();
    const csv = csvFile([['學號'], ['310001']]);
    const abandoned = await slot(client, 'abandoned.csv', csv);
    const failed = await slot(client, 'failed.csv', csv);
    // A PUT that is cut short leaves the slot without a file (and no temporary file: the upload removes its own).
    const cut = await putBytes(app.url, client, failed.url, csv.subarray(0, 5));
    expect(cut.status).toBe(400);
    const finished = await uploadImportFile(app.url, client, 'finished.csv', csv);
    const finishedId = fromGlobalId(finished.id)!.id;

    // Slots live 30 minutes; the job takes them another 30 minutes later (a PUT begun at the last minute may still
    // be streaming). One just expired stays for now.
    app.clock.advance(45 * MINUTE);
    const justExpired = await slot(client, 'just-expired.csv', csv);
    app.clock.advance(35 * MINUTE);
    const fresh = await slot(client, 'fresh.csv', csv);

    // A process that died mid-upload leaves its temporary file behind; one being written to now stays.
    const tmp = path.join(app.filesDir, 'tmp');
    const stale = path.join(tmp, 'crashed-upload.part');
    const live = path.join(tmp, 'live-upload.part');
    await writeFile(stale, 'half a file');
    await writeFile(live, 'arriving');
    const twoHoursAgo = new Date(Date.now() - 120 * MINUTE);
    await utimes(stale, twoHoursAgo, twoHoursAgo);

    expect(await removeExpiredSlots(app.services)).toBeGreaterThanOrEqual(2);
    expect((await sweepTempFolder(app.services)).removed).toBeGreaterThanOrEqual(1);

    expect(await uploadRow(abandoned.id)).toEqual([]);
    expect(await uploadRow(failed.id)).toEqual([]);
    expect(await uploadRow(fresh.id)).toHaveLength(1);
    expect(await uploadRow(justExpired.id)).toHaveLength(1);
    const [kept] = await uploadRow(finishedId);
    expect(kept!.stored_at).not.toBeNull();
    expect(existsSync(path.join(app.filesDir, ...storageKeyOf(finished.sha256).split('/')))).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);

    // The removed slot's URL now says so; the fresh one still takes its file.
    const late = await putBytes(app.url, client, abandoned.url, csv);
    expect(late).toMatchObject({ status: 404, body: { code: 'UPLOAD_NOT_FOUND' } });
    const onTime = await putBytes(app.url, client, fresh.url, csv);
    expect(onTime.status).toBe(200);

    // Nothing left to do: a second run removes nothing of this school's.
    await removeExpiredSlots(app.services);
    await sweepTempFolder(app.services);
    expect(await uploadRow(fresh.id)).toHaveLength(1);
    expect(await uploadRow(finishedId)).toHaveLength(1);
  });

  it('cannot be pushed past the database clock, and its role never reaches an upload that holds a file', async () => {
    const client = await staff();
    const csv = csvFile([['學號'], ['310002']]);
    const open = await slot(client, 'open.csv', csv);
    const finished = await uploadImportFile(app.url, client, 'kept.csv', csv);
    const finishedId = fromGlobalId(finished.id)!.id;
    // Open by the database's own clock for another hour.
    await app.sql("update upload set expires_at = now() + interval '1 hour' where id = ?", [open.id]);
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      // The request role asks for a cut-off far in the future: the function holds to the database's time.
      await db.query('set role portfolio_app');
      await db.query("select files_remove_expired_slots('2999-01-01', 1000)");
      expect(await uploadRow(open.id)).toHaveLength(1);

      // The definer role's policies let it see and delete slots without a file, and nothing else.
      await db.query('reset role');
      await db.query('set role portfolio_definer');
      const seen = await db.query('select id from upload where id = any ($1)', [[open.id, finishedId]]);
      expect(seen.rows).toEqual([{ id: open.id }]);
      const deleted = await db.query('delete from upload where id = $1 returning id', [finishedId]);
      expect(deleted.rowCount).toBe(0);
      expect(await uploadRow(finishedId)).toHaveLength(1);
    } finally {
      await db.end();
    }
  });

  it('sweeps every stale temporary file it can and names the one it cannot; the slots go all the same', async () => {
    const client = await staff();
    const abandoned = await slot(client, 'abandoned.csv', csvFile([['學號'], ['310003']]));
    app.clock.advance(61 * MINUTE);

    // Stale temporary files around something that is not one: a directory named like one, with a file inside.
    const tmp = path.join(app.filesDir, 'tmp');
    const stale = [randomUUID(), randomUUID(), randomUUID()].map((id) => path.join(tmp, `${id}.part`));
    const stuck = path.join(tmp, 'x.part');
    await mkdir(stuck);
    await writeFile(path.join(stuck, 'inside'), 'not ours');
    const twoHoursAgo = new Date(Date.now() - 120 * MINUTE);
    for (const file of stale) {
      await writeFile(file, 'half a file');
      await utimes(file, twoHoursAgo, twoHoursAgo);
    }
    await utimes(stuck, twoHoursAgo, twoHoursAgo);

    const swept = await sweepTempFolder(app.services);
    expect(swept.failed).toEqual([{ name: 'x.part', reason: 'is a directory' }]);
    expect(swept.removed).toBeGreaterThanOrEqual(stale.length);
    expect(await removeExpiredSlots(app.services)).toBeGreaterThanOrEqual(1);
    for (const file of stale) expect(existsSync(file)).toBe(false);
    expect(existsSync(path.join(stuck, 'inside'))).toBe(true);
    expect(await uploadRow(abandoned.id)).toEqual([]);
    const warnings = app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warnings).toContainEqual({
      level: 'warn',
      message: 'upload cleanup could not remove a temporary file',
      name: 'x.part',
      reason: 'is a directory',
    });
  });

  it('is scheduled on the job runner as a crontab item, and so is the leftover collection', async () => {
    const worker = await startTestApp({ RUN_WORKER: 'true' });
    try {
      // The runner registers its crontab items in the queue's table as its scheduler starts.
      await vi.waitFor(
        async () => {
          const known = await worker.sql<{ identifier: string }>(
            'select identifier from graphile_worker._private_known_crontabs where identifier in (?, ?) order by 1',
            [CLEANUP_UPLOADS_TASK, COLLECT_LEFTOVERS_TASK],
          );
          expect(known).toEqual([{ identifier: CLEANUP_UPLOADS_TASK }, { identifier: COLLECT_LEFTOVERS_TASK }]);
        },
        { timeout: 10_000, interval: 200 },
      );
    } finally {
      await worker.close();
    }
  });
});
