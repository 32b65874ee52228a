import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import { createLogger } from '../../api/src/common/logger.js';
import { derivedAppPassword, ensureAppLogin, resolveDatabaseUrls } from '../../api/src/db/connections.js';
import { isSha256 } from '../../api/src/modules/files/file-storage.js';
import {
  haveClusterTools,
  type NginxHandle,
  type PgBouncerHandle,
  type PgBouncerUser,
  startNginx,
  startPgBouncer,
} from '../support/cluster.js';
import {
  CookieClient,
  gaugeOf,
  type LiveSubscription,
  liveSubscription,
  newRequestId,
  servedBy,
  waitUntil,
} from '../support/cluster-clients.js';
import { type ServerChild, startServerChild } from '../support/server-child.js';
import { testDatabaseUrl } from '../support/test-database.js';

/*
 * Issue 14, the whole deployment at once: PostgreSQL ← PgBouncer (transaction mode, deploy/pgbouncer) ← three API
 * instances started together on an empty database ← nginx (deploy/nginx, round robin, no stickiness). Browsers'
 * requests, subscriptions, uploads and idempotent mutations go through nginx and land on any instance; one instance
 * is killed while clients are connected. Everything the test reads for itself it reads as the superuser, directly.
 */

const PASSWORD = 'demo1234';
const STUDENT = 'sf.s101001';
const REGISTRATION = 'sf.registration';
const OTHER_REGISTRATION = 'fl.registration';
const ALERTS = 'subscription { deadlineAlerts { id kind taskKind message } }';
const HOUR = 3600_000;

interface Alert {
  id: string;
  kind: string;
  taskKind: string;
  message: string;
}

const superuserUrl = new URL(testDatabaseUrl());
/** The run's own database, where the superuser creates and drops this file's. */
const runDatabase = superuserUrl.pathname.slice(1);
const suffix = randomBytes(4).toString('hex');
const database = `cluster_${suffix}`;
const owner: PgBouncerUser = {
  name: decodeURIComponent(superuserUrl.username),
  password: decodeURIComponent(superuserUrl.password),
};
const app: PgBouncerUser = { name: 'portfolio_app', password: derivedAppPassword(inject('piiKey')) };

/** The superuser straight to PostgreSQL, on the given database (the shared run's by default). */
function directUrl(db: string): string {
  const url = new URL(superuserUrl.toString());
  url.pathname = `/${db}`;
  return url.toString();
}

async function superuser<T = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
  db: string = database,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: directUrl(db) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => {
  const rows = await superuser<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql}`);
  return rows[0]!;
};

const cleanups: (() => Promise<unknown>)[] = [];
const instances: ServerChild[] = [];
const subscriptions: LiveSubscription<Alert>[] = [];
let bouncer: PgBouncerHandle;
let nginx: NginxHandle;
let filesDir: string;

const signedIn = new Map<string, Promise<CookieClient>>();
/** One browser per login, signed in once through nginx. */
function browserOf(username: string): Promise<CookieClient> {
  let client = signedIn.get(username);
  if (!client) {
    client = new CookieClient(nginx.url).signIn(username, PASSWORD);
    signedIn.set(username, client);
  }
  return client;
}

/** The alerts of `username`, through nginx's WebSocket, authenticated by the session cookie from the page's origin. */
function subscribeThroughNginx(browser: CookieClient): LiveSubscription<Alert> {
  const subscription = liveSubscription<Alert>({
    url: `ws://127.0.0.1:${nginx.port}/graphql`,
    headers: browser.headers(),
    query: ALERTS,
    pick: (data) => data.deadlineAlerts as Alert,
  });
  subscriptions.push(subscription);
  return subscription;
}

/** Alert subscriptions each instance holds, from its own /metrics (null: it does not answer). */
const subscriptionsPerInstance = (): Promise<(number | null)[]> =>
  Promise.all(instances.map((instance) => gaugeOf(instance, 'portfolio_subscriptions_active')));

const totalSubscriptions = async (): Promise<number> =>
  (await subscriptionsPerInstance()).reduce<number>((sum, count) => sum + (count ?? 0), 0);

interface Task {
  id: string;
  kind: string;
  category: string | null;
  startsAt: string;
  endsAt: string;
}

/** 註冊組 moves the end of the school's UPLOAD_PERFORMANCES window `byMs` earlier, through nginx. */
async function moveUploadPerformances(byMs: number): Promise<void> {
  const registration = await browserOf(REGISTRATION);
  const { timeline } = await registration.ok<{ timeline: Task[] }>('{ timeline { id kind category startsAt endsAt } }');
  const task = timeline.find((candidate) => candidate.kind === 'UPLOAD_PERFORMANCES')!;
  const result = await registration.ok<{ moveTimelineTask: { userErrors: unknown[] } }>(
    'mutation ($input: MoveTimelineTaskInput!) { moveTimelineTask(input: $input) { userErrors { code message } } }',
    {
      input: {
        taskId: task.id,
        startsAt: task.startsAt,
        endsAt: new Date(new Date(task.endsAt).getTime() - byMs).toISOString(),
      },
    },
  );
  expect(result.moveTimelineTask.userErrors).toEqual([]);
}

async function storedFiles(): Promise<string[]> {
  const names = await readdir(filesDir, { recursive: true });
  return names.map((name) => path.basename(name)).filter(isSha256);
}

describe.skipIf(!haveClusterTools)('three instances behind nginx and PgBouncer (issue 14)', () => {
  beforeAll(async () => {
    await superuser(`create database ${database}`, [], runDatabase);
    cleanups.push(async () => {
      await superuser(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database],
        runDatabase,
      );
      await superuser(`drop database if exists ${database} with (force)`, [], runDatabase);
    });
    // portfolio_app is the run's cluster-wide role; its login is the platform's derived one, set by whichever
    // server started first. Run alone, this file may be the first: give it that very login, as a start without
    // DATABASE_APP_URL does (what an operator who sets DATABASE_APP_URL does once).
    await ensureAppLogin(
      resolveDatabaseUrls({ owner: directUrl(runDatabase), direct: undefined, app: undefined }, inject('piiKey')),
      createLogger('silent'),
    );

    bouncer = await startPgBouncer({
      postgresHost: superuserUrl.hostname,
      postgresPort: Number(superuserUrl.port || 5432),
      database,
      users: [owner, app],
      poolMode: 'transaction',
    });
    cleanups.push(() => bouncer.stop());

    filesDir = await mkdtemp(path.join(tmpdir(), 'portfolio-cluster-files-'));
    cleanups.push(() => rm(filesDir, { recursive: true, force: true }));
    const dataDirs = await Promise.all([0, 1, 2].map(() => mkdtemp(path.join(tmpdir(), 'portfolio-cluster-data-'))));
    cleanups.push(() => Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

    // All three at once on the empty database; the first seeds the demo.
    const started = await Promise.allSettled(
      dataDirs.map((dataDir, index) =>
        startServerChild('source', {
          NODE_ENV: 'test',
          DATABASE_URL: bouncer.urlFor(owner),
          DATABASE_APP_URL: bouncer.urlFor(app),
          DATABASE_DIRECT_URL: directUrl(database),
          DATABASE_POOL_SIZE: '12',
          PII_ENCRYPTION_KEY: inject('piiKey'),
          CLIENT_DIST_DIR: inject('clientDistDir'),
          SEED_DEMO: index === 0 ? 'true' : 'false',
          RUN_WORKER: 'true',
          WORKER_POLL_INTERVAL_MS: '100',
          LOG_LEVEL: 'info',
          FILE_STORAGE: 'local',
          FILES_DIR: filesDir,
          DATA_DIR: dataDir,
          TRUST_PROXY: '1',
          SHUTDOWN_GRACE_SECONDS: '3',
        }),
      ),
    );
    for (const outcome of started) {
      if (outcome.status === 'fulfilled') {
        instances.push(outcome.value);
        cleanups.push(() => outcome.value.stop());
      }
    }
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;

    nginx = await startNginx({ upstreamPorts: instances.map((instance) => Number(new URL(instance.url).port)) });
    // Before the instances stop: their kept-alive connections from nginx go first.
    cleanups.push(() => nginx.stop());
  });

  afterAll(async () => {
    for (const subscription of subscriptions.splice(0)) await subscription.close().catch(() => undefined);
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => console.error('cluster clean-up:', error));
    }
  });

  it('migrates the empty database once although all three started together, and all three are ready', async () => {
    const migrated = instances.filter((instance) => instance.output().includes('migrations applied'));
    expect(migrated).toHaveLength(1);
    for (const instance of instances) {
      expect((await fetch(`${instance.url}/readyz`)).status).toBe(200);
    }
    // The database was empty: the migrations and the demo are there now.
    expect(await one('select count(*)::int as n from school')).toEqual({ n: 3 });
  });

  it('serves one signed-in browser from every instance with one session cookie, no stickiness', async () => {
    const browser = new CookieClient(nginx.url);
    await browser.signIn(STUDENT, PASSWORD);
    expect(browser.cookie).toMatch(/^portfolio_session=.+/);
    const ids: string[] = [];
    const who = new Set<string>();
    for (let i = 0; i < 30; i += 1) {
      const answer = await browser.request<{ me: { id: string; username: string } | null }>(
        'query Me { me { id username } }',
        undefined,
        newRequestId(`cluster-me-${suffix}`),
      );
      expect(answer.status).toBe(200);
      expect(answer.errors).toEqual([]);
      expect(answer.answeredId).toBe(answer.requestId);
      expect(answer.data?.me?.username).toBe(STUDENT);
      who.add(answer.data!.me!.id);
      ids.push(answer.requestId);
    }
    expect(who.size).toBe(1);
    const servers = await Promise.all(ids.map((id) => servedBy(instances, id)));
    expect(new Set(servers)).toEqual(new Set([0, 1, 2]));
    signedIn.set(STUDENT, Promise.resolve(browser));
  });

  it('ends a session on every instance at once when it logs out on one, although each kept it', async () => {
    const browser = await new CookieClient(nginx.url).signIn(STUDENT, PASSWORD);
    const direct = instances.map((instance) => {
      const client = new CookieClient(instance.url);
      client.cookie = browser.cookie;
      return client;
    });
    const me = async (client: CookieClient) =>
      (await client.ok<{ me: { username: string } | null }>('{ me { username } }')).me?.username ?? null;
    // Every instance has now resolved the session and keeps it (SESSION_CACHE_SECONDS).
    for (const client of direct) expect(await me(client)).toBe(STUDENT);
    await browser.ok('mutation { logout { endedSessions } }');
    // Straight after the answer, one instance after another: none may still take the session.
    for (const client of direct) expect(await me(client)).toBeNull();
  });

  it('runs every request transaction as portfolio_app, and keeps one school from another', async () => {
    const browser = await browserOf(STUDENT);
    const sampler = new pg.Client({ connectionString: directUrl(database) });
    await sampler.connect();
    const samples: { usename: string; query: string }[] = [];
    let bursting = true;
    const sampling = (async () => {
      while (bursting) {
        const { rows } = await sampler.query<{ usename: string; query: string }>(
          `select usename, query from pg_stat_activity
           where datname = $1 and pid <> pg_backend_pid() and query like '%app.school_id%'`,
          [database],
        );
        samples.push(...rows);
        await sleep(2);
      }
    })();
    try {
      const burst = async (worker: number): Promise<void> => {
        for (let i = 0; i < 10; i += 1) {
          await browser.ok(
            '{ me { id } timeline { id kind startsAt endsAt } myDeadlines { __typename } }',
            undefined,
            newRequestId(`cluster-burst-${worker}`),
          );
        }
      };
      await Promise.all([0, 1, 2, 3].map(burst));
    } finally {
      bursting = false;
      await sampling;
      await sampler.end();
    }
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(samples.filter((sample) => sample.usename !== app.name)).toEqual([]);

    // Ids read as the superuser; asked for through nginx, as the student.
    const [sf, fl] = await Promise.all(
      ['383301', '393301'].map((code) =>
        one<{ id: string }>("select id from school where code = $1 and division = 'DAY'", [code]),
      ),
    );
    const ownStudent = await one<{ id: string }>(
      'select s.id from student s join credential c on c.account_id = s.account_id where c.username = $1',
      [STUDENT],
    );
    const otherStudent = await one<{ id: string }>('select id from student where school_id = $1 limit 1', [fl!.id]);
    const taskOf = (schoolId: string) =>
      // The demo holds last year's window too: the newest is this year's.
      one<{ id: string }>(
        "select id from timeline_task where school_id = $1 and kind = 'UPLOAD_PERFORMANCES' order by starts_at desc limit 1",
        [schoolId],
      );
    const [ownTask, otherTask] = await Promise.all([taskOf(sf!.id), taskOf(fl!.id)]);
    const node = async (client: CookieClient, typeName: string, id: string) =>
      (
        await client.ok<{ node: { id: string } | null }>('query ($id: ID!) { node(id: $id) { id } }', {
          id: toGlobalId(typeName, id),
        })
      ).node;
    expect(await node(browser, 'Student', ownStudent.id)).toEqual({ id: toGlobalId('Student', ownStudent.id) });
    expect(await node(browser, 'TimelineTask', ownTask.id)).toEqual({ id: toGlobalId('TimelineTask', ownTask.id) });
    expect(await node(browser, 'Student', otherStudent.id)).toBeNull();
    expect(await node(browser, 'TimelineTask', otherTask.id)).toBeNull();
    // The other school's own staff do see that window: the id is real, only the school is another.
    const otherStaff = await browserOf(OTHER_REGISTRATION);
    expect(await node(otherStaff, 'TimelineTask', otherTask.id)).toEqual({
      id: toGlobalId('TimelineTask', otherTask.id),
    });
  });

  it("tells a student on nginx's WebSocket that 註冊組 moved a window, through another request", async () => {
    const student = await browserOf(STUDENT);
    const before = await totalSubscriptions();
    const alerts = subscribeThroughNginx(student);
    await alerts.connected();
    await waitUntil(async () => (await totalSubscriptions()) === before + 1, 'the subscription to be registered');

    await moveUploadPerformances(HOUR);
    const [moved] = await alerts.waitFor(1);
    expect(moved).toMatchObject({ kind: 'MOVED', taskKind: 'UPLOAD_PERFORMANCES' });
    expect(moved!.message).toMatch(/^「登錄 115學年度 多元表現」的期程已變更為 /);
    expect(alerts.errors).toEqual([]);
    await alerts.close();
    subscriptions.splice(subscriptions.indexOf(alerts), 1);
    await waitUntil(async () => (await totalSubscriptions()) === before, 'the subscription to end');
  });

  it('makes one submission of a submitTerm sent twice at once to two instances, and stores one upload of a PUT sent twice', async () => {
    const registration = await browserOf(REGISTRATION);
    const sf = await one<{ id: string }>("select id from school where code = '383301' and division = 'DAY'");
    // The current term's SUBMIT window opens weeks from now: this one opens now (the seeded earlier round's has closed).
    const { term_id: termId } = await one<{ term_id: string }>(
      `update timeline_task set starts_at = now() - interval '1 hour'
       where school_id = $1 and kind = 'SUBMIT' and category = 'COURSE_RECORDS' and ends_at > now() returning term_id`,
      [sf.id],
    );
    const key = `cluster-submit-${suffix}`;
    const submit = (requestId: string) =>
      registration.request<{
        submitTerm: { submission: { id: string; idempotencyKey: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($input: SubmitTermInput!) {
          submitTerm(input: $input) { submission { id idempotencyKey } userErrors { code message } }
        }`,
        { input: { termId: toGlobalId('Term', termId), category: 'COURSE_RECORDS', idempotencyKey: key } },
        requestId,
      );
    const answers = await Promise.all([submit(newRequestId('cluster-submit')), submit(newRequestId('cluster-submit'))]);
    for (const answer of answers) {
      expect(answer.errors).toEqual([]);
      expect(answer.data?.submitTerm.userErrors).toEqual([]);
    }
    const [first, second] = answers.map((answer) => answer.data!.submitTerm.submission!);
    expect(first!.idempotencyKey).toBe(key);
    expect(second!.id).toBe(first!.id);
    const servers = await Promise.all(answers.map((answer) => servedBy(instances, answer.requestId)));
    expect(servers[0]).not.toBe(servers[1]);
    expect(await one('select count(*)::int as n from submission where idempotency_key = $1', [key])).toEqual({ n: 1 });
    // Audited once (the demo's seeded round has its own submissions).
    expect(
      await one(
        "select count(*)::int as n from audit_log where school_id = $1 and operation = 'submission.submit' and $2 = any(target_ids)",
        [sf.id, fromGlobalId(first!.id)!.id],
      ),
    ).toEqual({ n: 1 });

    // An upload slot, and its bytes sent twice at once: one PUT stores them, the other is refused.
    const student = await browserOf(STUDENT);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(32 * 1024)]);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const slot = await student.ok<{ requestUpload: { upload: { id: string }; uploadUrl: string } }>(
      'mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { upload { id } uploadUrl } }',
      { input: { purpose: 'DOCUMENT', fileName: '報告.pdf', size: pdf.length } },
    );
    const put = async (requestId: string) => {
      const response = await fetch(`${nginx.url}${slot.requestUpload.uploadUrl}`, {
        method: 'PUT',
        headers: student.headers({ 'content-type': 'application/octet-stream', 'x-request-id': requestId }),
        body: new Uint8Array(pdf),
      });
      return {
        requestId,
        status: response.status,
        body: (await response.json()) as { upload?: { sha256: string }; code?: string },
      };
    };
    const puts = await Promise.all([put(newRequestId('cluster-put')), put(newRequestId('cluster-put'))]);
    expect(puts.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const stored = puts.find((answer) => answer.status === 200)!;
    const refused = puts.find((answer) => answer.status === 409)!;
    expect(stored.body.upload?.sha256).toBe(sha256);
    expect(refused.body.code).toBe('ALREADY_UPLOADED');
    const putServers = await Promise.all(puts.map((answer) => servedBy(instances, answer.requestId)));
    expect(putServers[0]).not.toBe(putServers[1]);

    const uploadId = fromGlobalId(slot.requestUpload.upload.id)!.id;
    expect(await one('select sha256, size::int as size from upload where id = $1', [uploadId])).toEqual({
      sha256,
      size: pdf.length,
    });
    expect((await storedFiles()).filter((name) => name === sha256)).toHaveLength(1);
    // The refused PUT's bytes are gone from the shared temporary folder, not left beside the kept file.
    const tempDir = path.join(filesDir, 'tmp');
    expect(existsSync(tempDir) ? await readdir(tempDir) : []).toEqual([]);
    // Readable from the shared disk through each instance that did not store it, asked on its own port.
    const keeper = putServers[puts.indexOf(stored)]!;
    for (const [index, instance] of instances.entries()) {
      if (index === keeper) continue;
      const response = await fetch(`${instance.url}/files/${uploadId}`, { headers: student.headers() });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    }
  });

  it('keeps every subscriber when an instance holding some of them is killed: each hears the next alert once', async () => {
    const student = await new CookieClient(nginx.url).signIn(STUDENT, PASSWORD);
    const before = await totalSubscriptions();
    expect(before).toBe(0);
    const clients = [0, 1, 2].map(() => subscribeThroughNginx(student));
    await Promise.all(clients.map((client) => client.connected()));
    const perInstance = await waitUntil(async () => {
      const counts = await subscriptionsPerInstance();
      return counts.reduce<number>((sum, count) => sum + (count ?? 0), 0) === clients.length && counts;
    }, 'all three subscriptions to be registered');
    // Round robin spreads them; the instance to kill is one that holds at least one of them.
    const victim = perInstance.findIndex((count) => (count ?? 0) > 0);
    const onVictim = perInstance[victim]!;
    expect(onVictim).toBeGreaterThan(0);

    await instances[victim]!.kill();
    // Exactly the clients whose socket was on the killed instance lose it, and come back through nginx elsewhere.
    await waitUntil(
      () => clients.filter((client) => client.connects >= 2).length >= onVictim,
      'the cut clients to reconnect',
      15_000,
    );
    expect(clients.filter((client) => client.lost.length > 0)).toHaveLength(onVictim);
    await waitUntil(
      async () => (await totalSubscriptions()) === clients.length,
      'every subscription to be registered again on the live instances',
      15_000,
    );
    const alive = instances.filter((_, index) => index !== victim);
    const countsAfter = await subscriptionsPerInstance();
    expect(countsAfter[victim]).toBeNull();

    await moveUploadPerformances(2 * HOUR);
    await Promise.all(clients.map((client) => client.waitFor(1, 15_000)));
    await sleep(1000); // room for a duplicate to show up
    const ids = clients.map((client) => client.received.map((alert) => alert.id));
    for (const received of ids) expect(received).toHaveLength(1);
    expect(new Set(ids.flat()).size).toBe(1);
    expect(clients[0]!.received[0]).toMatchObject({ kind: 'MOVED', taskKind: 'UPLOAD_PERFORMANCES' });
    for (const client of clients) expect(client.errors).toEqual([]);
    // It is the alert of this move: each move fired one MOVED alert, and this is the newer one.
    const fired = await superuser<{ id: string }>(
      `select a.id from deadline_alert a join timeline_task t on t.school_id = a.school_id and t.id = a.task_id
       join school s on s.id = t.school_id
       where s.code = '383301' and s.division = 'DAY' and t.kind = 'UPLOAD_PERFORMANCES' and a.kind = 'MOVED'
         and a.fired_at is not null
       order by a.fire_at`,
    );
    expect(fired).toHaveLength(2);
    expect(toGlobalId('DeadlineAlert', fired[1]!.id)).toBe(ids[0]![0]);
    // The live instances still answer. Through nginx every request is answered, and once the dead instance has
    // refused a connection (a reconnecting socket or one of these may be the first to try it) nginx leaves it out:
    // it tries it at most once for all of these.
    for (const instance of alive) expect((await fetch(`${instance.url}/readyz`)).status).toBe(200);
    const later: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await student.request<{ me: { id: string } | null }>(
        '{ me { id } }',
        undefined,
        newRequestId('cluster-after'),
      );
      expect(answer.status).toBe(200);
      expect(answer.data?.me).not.toBeNull();
      later.push(answer.requestId);
    }
    const lines = await waitUntil(async () => {
      const log = (await nginx.accessLog()).split('\n');
      const found = later.map((id) => log.find((line) => line.includes(`id=${id} `)));
      return found.every((line) => line !== undefined) && (found as string[]);
    }, "nginx's access log lines of those requests");
    const deadUpstream = `127.0.0.1:${new URL(instances[victim]!.url).port}`;
    expect(lines.filter((line) => line.includes(deadUpstream)).length).toBeLessThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(/ 200 /);
  });
});
