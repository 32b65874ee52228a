import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { fromGlobalId } from '../../api/src/common/ids.js';
import { alive, lockFilePid } from '../../api/src/db/embedded.js';
import { storageKeyOf } from '../../api/src/modules/files/file-storage.js';
import { ApiClient } from '../support/api-client.js';
import { freePort } from '../support/free-port.js';
import { type ServerChild, startServerChild } from '../support/server-child.js';

/*
 * The API as an operator runs it by default: its own process, with the embedded PostgreSQL it starts under its data
 * folder and the demo data. Here that PostgreSQL is killed while uploads and requests are in flight, and the API is
 * killed under its PostgreSQL; every request must be answered, nothing half-written, and the platform must come back.
 */

interface Installation {
  dataDir: string;
  pgPort: number;
  server: ServerChild;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function start(dataDir: string, pgPort: number): Promise<ServerChild> {
  const server = await startServerChild('source', {
    NODE_ENV: 'test',
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PII_ENCRYPTION_KEY: inject('piiKey'),
    CLIENT_DIST_DIR: inject('clientDistDir'),
    SEED_DEMO: 'true',
    RUN_WORKER: 'false',
    LOG_LEVEL: 'info',
  });
  cleanups.push(() => server.kill());
  return server;
}

async function install(): Promise<Installation> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portfolio-dbfaults-'));
  // Run as root, the embedded PostgreSQL runs as the 'postgres' user, which must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const pgPort = await freePort();
  cleanups.push(async () => {
    const pid = await postmasterPid(dataDir);
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });
  return { dataDir, pgPort, server: await start(dataDir, pgPort) };
}

/** The embedded PostgreSQL's process, from its lock file under the data folder. */
const postmasterPid = (dataDir: string): Promise<number | null> => lockFilePid(path.join(dataDir, 'pg'));

async function ownerQuery<T>(installation: Installation, sql: string): Promise<T[]> {
  const password = (await readFile(path.join(installation.dataDir, 'pg.password'), 'utf8')).trim();
  const client = new pg.Client({
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${installation.pgPort}/portfolio`,
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024 - 9, 0x20)]);

async function slot(client: ApiClient): Promise<{ id: string; url: string }> {
  const result = await client.ok<{ requestUpload: { upload: { id: string }; uploadUrl: string } }>(
    'mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { upload { id } uploadUrl } }',
    { input: { purpose: 'DOCUMENT', fileName: '報告.pdf', size: PDF.length } },
  );
  return { id: result.requestUpload.upload.id, url: result.requestUpload.uploadUrl };
}

/** A PUT whose body is sent in two halves: the second only when asked, so it can be in flight at a chosen moment. */
function slowPut(base: string, url: string, token: string) {
  let finish: () => void = () => {};
  const answer = new Promise<{ status: number; body: { code?: string; message?: string; requestId?: string } }>(
    (resolve, reject) => {
      const request = httpRequest(`${base}${url}`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
          'content-length': PDF.length,
        },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || '{}') }));
      });
      request.on('error', reject);
      request.write(PDF.subarray(0, PDF.length / 2));
      finish = () => request.end(PDF.subarray(PDF.length / 2));
    },
  );
  return { answer, finish: () => finish() };
}

/** Resolves with what `promise` gave, or rejects when it took longer than `ms`: a request must never hang. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  ]);
}

const ready = async (server: ServerChild): Promise<number> => (await fetch(`${server.url}/readyz`)).status;

describe('the embedded database under faults', () => {
  it('answers uploads and requests while its PostgreSQL is killed, writes nothing half, and comes back', async () => {
    const installation = await install();
    const { server } = installation;
    const student = await new ApiClient(server.graphqlUrl).login('sf.s101001', 'demo1234');
    expect(await ready(server)).toBe(200);
    const slots = [await slot(student), await slot(student)];
    const puts = slots.map((s) => slowPut(server.url, s.url, student.token!));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the halves have arrived
    const uploadsBefore = (
      await ownerQuery<{ count: number }>(installation, 'select count(*)::int as count from upload')
    )[0]!.count;

    process.kill((await postmasterPid(installation.dataDir))!, 'SIGKILL');
    for (const put of puts) put.finish();
    const answers = await within(15_000, Promise.all(puts.map((put) => put.answer)), 'PUTs during the outage');
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      expect(answer.body.message).toMatch(/檔案沒有存下來/);
      expect(answer.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const meanwhile = await within(15_000, student.request('{ me { id } }'), 'a query during the outage');
    expect(meanwhile.errors[0]?.extensions?.code ?? 'answered').not.toBe('INTERNAL_SERVER_ERROR');
    // Mutations sent while PostgreSQL is down: each is answered, either done or refused as unavailable.
    const mutations = await within(
      15_000,
      Promise.all(
        Array.from({ length: 4 }, () =>
          student.request<{ requestUpload: { upload: { id: string } } }>(
            'mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { upload { id } } }',
            { input: { purpose: 'DOCUMENT', fileName: '報告.pdf', size: PDF.length } },
          ),
        ),
      ),
      'mutations during the outage',
    );
    const refused = mutations.filter((m) => m.errors.length > 0);
    for (const m of refused) expect(m.errors[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const madeDuringOutage = mutations.flatMap((m) => (m.data?.requestUpload ? [m.data.requestUpload.upload.id] : []));
    expect(server.output()).toContain('upload failed');

    // The supervisor starts PostgreSQL again; the API picks it up without a restart of its own.
    await expect.poll(() => ready(server), { timeout: 60_000, interval: 500 }).toBe(200);
    expect(server.output()).toContain('embedded PostgreSQL restarted');
    const again = await slot(student);
    const put = slowPut(server.url, again.url, student.token!);
    put.finish();
    expect((await within(15_000, put.answer, 'a PUT after the restart')).status).toBe(200);

    // Nothing half-written: the two cut uploads have no file recorded; the one after the restart has its file.
    const rows = await ownerQuery<{ id: string; sha256: string | null; stored_at: Date | null }>(
      installation,
      'select id, sha256, stored_at from upload',
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(rows.length).toBe(uploadsBefore + madeDuringOutage.length + 1); // a refused mutation left no row
    for (const cut of slots) expect(byId.get(fromGlobalId(cut.id)!.id)?.stored_at).toBeNull();
    const kept = byId.get(fromGlobalId(again.id)!.id)!;
    expect(kept.stored_at).not.toBeNull();
    expect(existsSync(path.join(installation.dataDir, 'files', ...storageKeyOf(kept.sha256!).split('/')))).toBe(true);
  });

  it('starts again after the API was killed, stopping the PostgreSQL it left running', async () => {
    const installation = await install();
    await installation.server.kill();
    const orphan = (await postmasterPid(installation.dataDir))!;
    expect(alive(orphan)).toBe(true); // nothing stopped it: the API died outright

    const restarted = await start(installation.dataDir, installation.pgPort);
    expect(restarted.output()).toContain('stopping a PostgreSQL left running by an earlier start');
    expect(alive(orphan)).toBe(false);
    expect(await ready(restarted)).toBe(200);
    expect(await new ApiClient(restarted.graphqlUrl).login('sf.teacher', 'demo1234')).toBeTruthy();
  });

  it('says in one line why it cannot start when its PostgreSQL refuses to, quoting PostgreSQL', async () => {
    const installation = await install();
    await installation.server.kill();
    const orphan = (await postmasterPid(installation.dataDir))!;
    process.kill(orphan, 'SIGINT');
    while (alive(orphan)) await new Promise((resolve) => setTimeout(resolve, 100));
    await appendFile(path.join(installation.dataDir, 'pg', 'postgresql.conf'), '\nshared_buffers = nonsense\n');

    const failure = await start(installation.dataDir, installation.pgPort).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain('exited (1) while starting');
    const line = failure!.split('\n').find((text) => text.startsWith('無法啟動學生學習歷程檔案平臺：'));
    expect(line).toContain('內建 PostgreSQL 無法啟動');
    expect(line).toContain('shared_buffers');
    expect(failure).not.toContain('triggerUncaughtException');
  });
});
