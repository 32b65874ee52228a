import { randomBytes } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import {
  haveClusterTools,
  type NginxHandle,
  type PgBouncerHandle,
  type PgBouncerUser,
  startNginx,
  startPgBouncer,
} from '../support/cluster.js';
import { testDatabaseUrl } from '../support/test-database.js';

/*
 * The reference deployment kit (deploy/) run for real: PgBouncer in transaction mode in front of the run's
 * PostgreSQL, and nginx in front of two stand-in instances (tiny HTTP + WebSocket servers that say who answered and
 * what they were sent). Both run from the committed reference files, with only ports and paths changed.
 */

const MiB = 1024 * 1024;

// -------------------------------------------------------------------------------------------------------------
// PgBouncer

describe.skipIf(!haveClusterTools)('PgBouncer from deploy/pgbouncer/pgbouncer.ini', () => {
  const superuserUrl = testDatabaseUrl();
  const suffix = randomBytes(4).toString('hex');
  const database = `cluster_kit_${suffix}`;
  // The schema owner and the request role, as in production; both log in through PgBouncer.
  const owner: PgBouncerUser = { name: `kit_owner_${suffix}`, password: randomBytes(12).toString('base64url') };
  const app: PgBouncerUser = { name: `kit_app_${suffix}`, password: randomBytes(12).toString('base64url') };
  let bouncer: PgBouncerHandle;
  const clients: pg.Client[] = [];

  async function superuser<T>(fn: (db: pg.Client) => Promise<T>, db = new URL(superuserUrl).pathname.slice(1)) {
    const url = new URL(superuserUrl);
    url.pathname = `/${db}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  async function connectThrough(user: PgBouncerUser): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: bouncer.urlFor(user) });
    clients.push(client);
    await client.connect();
    return client;
  }

  const one = async <T>(client: pg.Client, sql: string, params: unknown[] = []): Promise<T> =>
    (await client.query(sql, params)).rows[0] as T;

  beforeAll(async () => {
    await superuser(async (db) => {
      await db.query(`create role ${owner.name} login password '${owner.password}'`);
      await db.query(`create role ${app.name} login password '${app.password}'`);
      // As the migrations do: the owner may act as the request role (what a SET ROLE design needs).
      await db.query(`grant ${app.name} to ${owner.name}`);
      await db.query(`create database ${database} owner ${owner.name}`);
    });
    const target = new URL(superuserUrl);
    bouncer = await startPgBouncer({
      postgresHost: target.hostname,
      postgresPort: Number(target.port || 5432),
      database,
      users: [owner, app],
      // One server connection per login, so that every transaction of every client runs on the same backend.
      defaultPoolSize: 1,
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await bouncer?.stop();
    await superuser(async (db) => {
      await db.query(`drop database if exists ${database} with (force)`);
      await db.query(`drop role if exists ${app.name}`);
      await db.query(`drop role if exists ${owner.name}`);
    });
  });

  it('lets node-postgres in with SCRAM as each login, to the right database, and refuses a wrong password', async () => {
    const asApp = await connectThrough(app);
    expect(await one(asApp, 'select current_user as user, current_database() as db')).toEqual({
      user: app.name,
      db: database,
    });
    const asOwner = await connectThrough(owner);
    expect(await one(asOwner, 'select current_user as user')).toEqual({ user: owner.name });
    await expect(connectThrough({ name: app.name, password: 'not the password' })).rejects.toThrow(
      /SASL authentication failed/,
    );
  });

  it('keeps set_config(…, true) within its transaction and lends the server connection for that transaction only', async () => {
    const a = await connectThrough(app);
    const b = await connectThrough(app);
    await a.query('begin');
    await a.query("select set_config('app.school_id', '7', true)");
    expect(await one(a, "select current_setting('app.school_id') as id")).toEqual({ id: '7' });
    // While a's transaction is open it holds the pool's only server connection: b waits for it.
    let bAnswered = false;
    const bQuery = one<{ id: string }>(b, "select coalesce(current_setting('app.school_id', true), '') as id").then(
      (row) => {
        bAnswered = true;
        return row;
      },
    );
    await sleep(300);
    expect(bAnswered).toBe(false);
    expect(await one(a, "select current_setting('app.school_id') as id")).toEqual({ id: '7' });
    await a.query('commit');
    // Then b gets the very same backend, and the transaction-local tenant is gone with the COMMIT.
    expect(await bQuery).toEqual({ id: '' });
    expect(await one(a, "select coalesce(current_setting('app.school_id', true), '') as id")).toEqual({ id: '' });
  });

  it('hands a session-level SET to the next client on the same server connection (the leak of issue 14)', async () => {
    const a = await connectThrough(owner);
    const b = await connectThrough(owner);
    const aBackend = await one<{ pid: number }>(a, 'select pg_backend_pid() as pid');
    // Client a sets its tenant and role for "its session", in autocommit: each statement is a transaction of its own.
    await a.query("set app.school_id = '42'");
    await a.query(`set role ${app.name}`);
    // Client b, another request that logged in as the owner and set nothing, finds itself on a's backend, in a's
    // tenant and as a's role: PgBouncer does not carry session state with the client in transaction mode.
    expect(
      await one(
        b,
        "select pg_backend_pid() as pid, current_user as user, current_setting('app.school_id', true) as school",
      ),
    ).toEqual({ pid: aBackend.pid, user: app.name, school: '42' });
    await b.query('reset all');
    await b.query('reset role');
  });

  it('does not deliver NOTIFY to a LISTEN made through it (LISTEN needs DATABASE_DIRECT_URL)', async () => {
    const channel = `kit_${suffix}`;
    const throughBouncer = await connectThrough(app);
    const heardThrough: string[] = [];
    throughBouncer.on('notification', (message) => heardThrough.push(message.payload ?? ''));
    await throughBouncer.query(`listen ${channel}`);
    await superuser(async (direct) => {
      const heardDirect = new Promise<string>((resolve) =>
        direct.on('notification', (message) => resolve(message.payload ?? '')),
      );
      await direct.query(`listen ${channel}`);
      await direct.query('select pg_notify($1, $2)', [channel, 'hello']);
      // The direct session hears it; the server connection PgBouncer lent for the LISTEN belongs to no client now.
      expect(await heardDirect).toBe('hello');
      await sleep(200);
    }, database);
    expect(heardThrough).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------------------------
// nginx

/** What a stand-in instance was sent. */
interface Seen {
  port: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bytes: number;
}

interface Upstream {
  port: number;
  stop(): Promise<void>;
}

/**
 * A stand-in API instance: answers every request with what it was sent and which port it is (and adds it to log),
 * echoes WebSocket messages with its port, and cuts the connection without an answer when `X-Test-Drop` names its
 * port.
 */
async function startUpstream(log: Seen[]): Promise<Upstream> {
  let port = 0;
  const server: Server = createServer((req, res) => {
    const entry: Seen = { port, method: req.method!, url: req.url!, headers: req.headers, bytes: 0 };
    log.push(entry);
    req.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length;
    });
    req.on('end', () => {
      if (req.headers['x-test-drop'] === String(port)) {
        req.socket.destroy();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(entry));
    });
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, req) => {
    log.push({ port, method: 'UPGRADE', url: req.url!, headers: req.headers, bytes: 0 });
    socket.on('message', (data: Buffer) => socket.send(`${port}:${data.toString()}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    stop: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Answer {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** One HTTP request with node:http (it can pick its source address and stream its body, fetch cannot). */
function send(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer;
    localAddress?: string;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const servedBy = (answer: Answer): Seen => JSON.parse(answer.body) as Seen;

/**
 * Sends the head of a request with a body of `length` bytes and resolves with nginx's answer as soon as it comes,
 * before any byte of the body: how nginx answers a body over its limit.
 */
function answerToHeadOnly(url: string, method: string, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { 'content-length': String(length) }, agent: false }, (res) => {
      resolve(res.statusCode!);
      res.resume();
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<string> {
  return new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString())));
}

describe.skipIf(!haveClusterTools)('nginx from deploy/nginx/portfolio.conf', () => {
  const log: Seen[] = [];
  const upstreams: Upstream[] = [];
  const proxies: NginxHandle[] = [];
  let nginx: NginxHandle;

  const ports = (): number[] => upstreams.map((upstream) => upstream.port);
  const other = (port: number): number => ports().find((candidate) => candidate !== port)!;
  const seenWithId = (id: string): Seen[] => log.filter((entry) => entry.headers['x-request-id'] === id);

  /** A fresh nginx in front of the same two instances: its own round robin, nobody marked as failed. */
  async function freshNginx(): Promise<NginxHandle> {
    const proxy = await startNginx({ upstreamPorts: ports() });
    proxies.push(proxy);
    return proxy;
  }

  beforeAll(async () => {
    upstreams.push(await startUpstream(log), await startUpstream(log));
    nginx = await freshNginx();
  });

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await Promise.all(upstreams.map((upstream) => upstream.stop()));
  });

  it('spreads requests over both instances in turn, with no stickiness', async () => {
    const answered: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await send(`${nginx.url}/some/page`);
      expect(answer.status).toBe(200);
      answered.push(servedBy(answer).port);
    }
    for (let i = 1; i < answered.length; i += 1) expect(answered[i]).not.toBe(answered[i - 1]);
    expect(new Set(answered)).toEqual(new Set(ports()));
  });

  it('passes the Host as sent, the client address (not what it claimed), the protocol and the request id', async () => {
    const given = servedBy(
      await send(`${nginx.url}/graphql`, {
        method: 'POST',
        headers: { 'x-request-id': 'school-desk-0042', 'x-forwarded-for': '203.0.113.9', 'content-type': 'text/plain' },
        body: Buffer.from('{}'),
      }),
    );
    expect(given.method).toBe('POST');
    expect(given.headers).toMatchObject({
      host: `127.0.0.1:${nginx.port}`,
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-request-id': 'school-desk-0042',
    });
    const generated = servedBy(await send(`${nginx.url}/graphql`)).headers['x-request-id'];
    expect(generated).toMatch(/^[0-9a-f]{32}$/);
    // An id with spaces or of a silly length is replaced, not passed into the logs.
    const replaced = servedBy(await send(`${nginx.url}/graphql`, { headers: { 'x-request-id': 'a b' } })).headers[
      'x-request-id'
    ];
    expect(replaced).toMatch(/^[0-9a-f]{32}$/);
    const tooLong = servedBy(await send(`${nginx.url}/graphql`, { headers: { 'x-request-id': 'x'.repeat(300) } }));
    expect(tooLong.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    // Both ids are in the access log with the instance that answered (nginx writes it once the answer is sent).
    const logged = `id=school-desk-0042 upstream=127.0.0.1:${given.port} `;
    let accessLog = '';
    for (let waited = 0; waited < 2000 && !accessLog.includes(`id=${generated as string} `); waited += 20) {
      await sleep(20);
      accessLog = await nginx.accessLog();
    }
    expect(accessLog).toContain(logged);
    expect(accessLog).toContain(`id=${generated as string} `);
  });

  it('passes /healthz and /readyz through, and /metrics to this machine only', async () => {
    expect(servedBy(await send(`${nginx.url}/healthz`)).url).toBe('/healthz');
    expect(servedBy(await send(`${nginx.url}/readyz`)).url).toBe('/readyz');
    expect(servedBy(await send(`${nginx.url}/metrics`)).url).toBe('/metrics');
    // From another address (127.0.0.2 is this machine too, but not the one address allowed), nginx refuses it and
    // no instance hears of it; other paths are answered from there as usual.
    const before = log.length;
    const refused = await send(`${nginx.url}/metrics`, { localAddress: '127.0.0.2' });
    expect(refused.status).toBe(403);
    expect(log.length).toBe(before);
    const fromElsewhere = servedBy(await send(`${nginx.url}/healthz`, { localAddress: '127.0.0.2' }));
    expect(fromElsewhere.headers['x-forwarded-for']).toBe('127.0.0.2');
  });

  it('upgrades WebSockets on /graphql, each to either instance, and echoes both ways', async () => {
    const first = await openSocket(`ws://127.0.0.1:${nginx.port}/graphql`, { 'x-request-id': 'socket-1' });
    const second = await openSocket(`ws://127.0.0.1:${nginx.port}/graphql`);
    try {
      expect(first.protocol).toBe('graphql-transport-ws');
      const [fromFirst, fromSecond] = await Promise.all([
        nextMessage(first),
        nextMessage(second),
        first.send('ping-1'),
        second.send('ping-2'),
      ]);
      const firstPort = Number(fromFirst.split(':')[0]);
      expect(fromFirst).toBe(`${firstPort}:ping-1`);
      expect(fromSecond).toBe(`${other(firstPort)}:ping-2`);
      const upgrade = log.find((entry) => entry.method === 'UPGRADE' && entry.headers['x-request-id'] === 'socket-1');
      expect(upgrade).toMatchObject({ port: firstPort, url: '/graphql' });
      expect(upgrade!.headers).toMatchObject({ 'x-forwarded-for': '127.0.0.1', upgrade: 'websocket' });
    } finally {
      first.terminate();
      second.terminate();
    }
  });

  it('streams an upload PUT of 20 MiB to the instance as it comes, and refuses more than 25 MiB', async () => {
    const id = `upload-${randomBytes(4).toString('hex')}`;
    const total = 20 * MiB;
    const chunk = Buffer.alloc(MiB, 1);
    const answer = new Promise<Answer>((resolve, reject) => {
      const req = request(
        `${nginx.url}/uploads/slot-1`,
        { method: 'PUT', headers: { 'content-length': String(total), 'x-request-id': id }, agent: false },
        (res) => {
          let body = '';
          res.on('data', (data: Buffer) => (body += data.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.write(chunk);
      // The instance has the first bytes while the client has sent a twentieth: nginx did not hold the body back.
      void waitFor(() => seenWithId(id).some((entry) => entry.bytes > 0), 'the first bytes upstream').then(() => {
        for (let sent = MiB; sent < total; sent += MiB) req.write(chunk);
        req.end();
      }, reject);
    });
    const received = await answer;
    expect(received.status).toBe(200);
    expect(servedBy(received)).toMatchObject({ method: 'PUT', url: '/uploads/slot-1', bytes: total });
    expect(await answerToHeadOnly(`${nginx.url}/uploads/slot-2`, 'PUT', 25 * MiB + 1)).toBe(413);
    // GraphQL bodies: the API's own 1 MiB limit is the one that answers; nginx lets a bit more through.
    const graphql = await send(`${nginx.url}/graphql`, { method: 'POST', body: Buffer.alloc(1.5 * MiB, 32) });
    expect(servedBy(graphql).bytes).toBe(1.5 * MiB);
    expect(await answerToHeadOnly(`${nginx.url}/graphql`, 'POST', 3 * MiB)).toBe(413);
  });

  it('retries a GET on the other instance when one fails, but never a POST that reached an instance', async () => {
    // Each case on a fresh nginx: an instance that failed is left out for 10 s (fail_timeout).
    const forGet = await freshNginx();
    const firstGet = servedBy(await send(`${forGet.url}/page`)).port;
    // The next request goes to the other instance, which cuts it: nginx tries the first one again, and it answers.
    const dropped = other(firstGet);
    const get = await send(`${forGet.url}/page`, {
      headers: { 'x-test-drop': String(dropped), 'x-request-id': 'get-1' },
    });
    expect(get.status).toBe(200);
    expect(servedBy(get).port).toBe(firstGet);
    expect(seenWithId('get-1').map((entry) => entry.port)).toEqual([dropped, firstGet]);

    const forPost = await freshNginx();
    const firstPost = servedBy(await send(`${forPost.url}/page`)).port;
    const post = await send(`${forPost.url}/graphql`, {
      method: 'POST',
      headers: { 'x-test-drop': String(other(firstPost)), 'x-request-id': 'post-1', 'content-type': 'text/plain' },
      body: Buffer.from('mutation'),
    });
    // A mutation the instance may have carried out is not sent again: the client gets 502 and decides.
    expect(post.status).toBe(502);
    expect(seenWithId('post-1').map((entry) => entry.port)).toEqual([other(firstPost)]);
  });
});
