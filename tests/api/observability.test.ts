import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordAlertFired } from '../../api/src/common/metrics.js';
import { migrationsList } from '../../api/src/db/migrations/index.js';
import { deliverAlert } from '../../api/src/modules/alerts/alert-worker.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { jobQueueLag } from '../../api/src/modules/ops/metric-sources.js';
import { startServer, type RunningServer } from '../../api/src/server.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { putBytes } from '../support/uploads.js';
import { subscribe } from '../support/ws-client.js';

/*
 * What an operator sees of the API: /metrics (Prometheus text), one access line per request, and the request id a
 * load balancer hands over. None of them may carry what a request carried: variables, file ids, query strings.
 */

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let student: ApiClient;

/** Values a request carries that must show up in no metric and no log line. */
const SECRET_PASSWORD = 'Pw-NeverLogged-5521';
const SECRET_QUERY_STRING = 'qs-NeverLogged-7310';

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  school = await city.school({ studentsPerClass: 1 });
  student = await app.client().login(school.logins.student.username, school.logins.student.password);
});
afterAll(() => app.close());

async function scrape(target: string = app.url, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${target}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one series (`name{labels}`), or undefined when it is not exposed. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => has[key] === value)) return Number(match[3]);
  }
  return undefined;
}

const graphql = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

interface AccessLine {
  level: string;
  message: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  requestId: string;
  operation?: string;
  bytes: number;
}

const accessLines = (): AccessLine[] =>
  app.logLines.map((line) => JSON.parse(line) as AccessLine).filter((line) => line.message === 'http request');

describe('GET /metrics', () => {
  it('counts GraphQL requests by the name the document gives, with their outcome, and no value', async () => {
    const before = await scrape();
    const count = (text: string, operation: string, outcome: string) =>
      sample(text, 'portfolio_graphql_requests_total', { operation, outcome }) ?? 0;

    for (let i = 0; i < 2; i += 1)
      expect((await graphql({ query: 'query MetricsProbe { __typename }' })).status).toBe(200);
    await graphql({ query: '{ __typename }' });
    await graphql({ query: `query ${'Long'.repeat(17)} { __typename }` });
    await graphql({
      query: 'mutation MetricsLogin($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
      variables: { input: { username: school.logins.student.username, password: SECRET_PASSWORD } },
    });
    await graphql({ query: 'query MetricsBroken { noSuchField }' });
    await graphql({ query: 'query MetricsDeadlines { myDeadlines { __typename } }' });
    // The operationName sent beside the document names nothing in it: it is not a name the document gives.
    await graphql({ query: 'query MetricsReal { __typename }', operationName: 'Injected_Name' });

    const after = await scrape();
    expect(count(after, 'MetricsProbe', 'ok') - count(before, 'MetricsProbe', 'ok')).toBe(2);
    expect(count(after, 'anonymous', 'ok') - count(before, 'anonymous', 'ok')).toBeGreaterThanOrEqual(1);
    expect(count(after, 'invalid', 'ok')).toBe(1);
    expect(count(after, 'MetricsLogin', 'user_error')).toBe(1);
    expect(count(after, 'MetricsBroken', 'GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(count(after, 'MetricsDeadlines', 'UNAUTHENTICATED')).toBe(1);
    expect(count(after, 'anonymous', 'OPERATION_RESOLUTION_FAILURE')).toBe(1);
    expect(sample(after, 'portfolio_graphql_request_duration_seconds_count', { operation: 'MetricsProbe' })).toBe(2);
    expect(
      sample(after, 'portfolio_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/graphql',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(5);
    for (const value of [SECRET_PASSWORD, 'Injected_Name', school.logins.student.username, 'LongLong']) {
      expect(after).not.toContain(value);
    }
  });

  it('measures routes by their template: no id, file name or query string becomes a label', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n%metrics\n'), Buffer.alloc(1000, 0x20)]);
    const slot = await student.ok<{ requestUpload: { uploadUrl: string } }>(
      `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl } }`,
      { input: { purpose: 'DOCUMENT', fileName: 'metrics-secret-name.pdf', size: bytes.length } },
    );
    const uploadUrl = slot.requestUpload.uploadUrl;
    const uploadId = uploadUrl.split('/').pop()!;
    expect((await putBytes(app.url, student, uploadUrl, bytes)).status).toBe(200);
    const missing = '00000000-0000-4000-8000-00000000beef';
    await fetch(`${app.url}/files/${missing}?token=${SECRET_QUERY_STRING}`);
    await fetch(`${app.url}/no/such/${SECRET_QUERY_STRING}`, { method: 'DELETE' });

    const text = await scrape();
    expect(
      sample(text, 'portfolio_http_request_duration_seconds_count', {
        method: 'PUT',
        route: '/uploads/:id',
        status: '200',
      }),
    ).toBe(1);
    expect(sample(text, 'portfolio_http_request_duration_seconds_count', { route: '/files/:id' })).toBe(1);
    expect(
      sample(text, 'portfolio_http_request_duration_seconds_count', { method: 'DELETE', route: 'unmatched' }),
    ).toBe(1);
    for (const value of [uploadId, missing, SECRET_QUERY_STRING, 'metrics-secret-name'])
      expect(text).not.toContain(value);
  });

  it('reads open sockets, subscriptions and the request pool when scraped, and counts alerts delivered', async () => {
    await student.ok('{ me { id } }');
    const idle = await scrape();
    const pool = ['in_use', 'idle'].map((state) => sample(idle, `portfolio_db_pool_connections_${state}`) ?? -1);
    // The pool really is the request pool's: requests have just used it, so it holds at least one connection.
    expect(pool[0]! + pool[1]!).toBeGreaterThanOrEqual(1);
    expect(sample(idle, 'portfolio_db_pool_waiting')).toBe(0);
    expect(sample(idle, 'portfolio_db_pool_connections_opening')).toBe(0);
    expect(sample(idle, 'portfolio_websockets_open')).toBe(0);
    expect(sample(idle, 'portfolio_subscriptions_active')).toBe(0);

    const alerts = await subscribe(app.wsUrl, student.token!, 'subscription { deadlineAlerts { id } }', (d) => d);
    try {
      await vi.waitFor(async () => {
        const text = await scrape();
        expect(sample(text, 'portfolio_websockets_open')).toBe(1);
        expect(sample(text, 'portfolio_subscriptions_active')).toBe(1);
      });
      // An alert of the student's window, fired as its job would: it reaches the socket and is counted there.
      const now = app.clock.now().getTime();
      const day = 24 * 3600_000;
      await city.timeline(
        [{ kind: TaskKind.UPLOAD_PERFORMANCES, startsAt: new Date(now - day), endsAt: new Date(now + 2 * day) }],
        [school],
      );
      const [{ id: alertId }] = (await app.sql<{ id: string }>(
        'select id from deadline_alert where school_id = ? and cancelled_at is null order by fire_at limit 1',
        [school.school.id],
      )) as [{ id: string }];
      expect(await deliverAlert(app.services.orm, { schoolId: school.school.id, alertId })).toBe(true);
      await alerts.waitFor(1);
      const delivered = await scrape();
      expect(sample(delivered, 'portfolio_subscription_events_total', { field: 'deadlineAlerts' })).toBe(1);
      expect(delivered).not.toContain(alertId);
    } finally {
      await alerts.close();
    }
    await vi.waitFor(async () => expect(sample(await scrape(), 'portfolio_websockets_open')).toBe(0));
  });

  it("has Node's own metrics, and the alerts this process fired", async () => {
    const before = sample(await scrape(), 'portfolio_alerts_fired_total')!;
    recordAlertFired();
    const text = await scrape();
    expect(sample(text, 'portfolio_alerts_fired_total')).toBe(before + 1);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE portfolio_subscription_events_total counter');
    // The lag is read only where the owner's connections are at hand (main.ts passes them).
    expect(text).not.toContain('portfolio_job_queue_lag_seconds');
  });
});

describe('METRICS_TOKEN and the job queue lag', () => {
  const TOKEN = 'metrics-token-3f9a1c';
  let guarded: RunningServer;

  beforeAll(async () => {
    guarded = await startServer(
      { ...app.services, config: { ...app.services.config, metricsToken: TOKEN } },
      undefined,
      {
        jobQueueLag: jobQueueLag(app.owner),
      },
    );
  });
  afterAll(() => guarded.close());

  it('asks for the bearer token, compared whole', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      TOKEN,
    ]) {
      const response = await fetch(`${guarded.url}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = await response.text();
      expect(body).toMatch(/[\u4e00-\u9fff]/);
      expect(body).not.toContain('portfolio_');
    }
    expect(await scrape(guarded.url, { authorization: `Bearer ${TOKEN}` })).toContain('# TYPE portfolio_');
  });

  it('reports how long the oldest runnable job has waited', async () => {
    const key = `observability-probe-${Date.now()}`;
    await app.sql(
      `select graphile_worker.add_job('observability_probe', '{}'::json, run_at => now() - interval '1 hour', job_key => ?)`,
      [key],
    );
    try {
      const text = await scrape(guarded.url, { authorization: `Bearer ${TOKEN}` });
      expect(sample(text, 'portfolio_job_queue_lag_seconds')).toBeGreaterThanOrEqual(3600);
    } finally {
      await app.sql('select graphile_worker.remove_job(?)', [key]);
    }
  });
});

describe('the access log', () => {
  it('has one line per request: method, route template, status, duration, request id, operation, bytes', async () => {
    const response = await graphql({
      query: 'mutation AccessLogin($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
      variables: { input: { username: school.logins.student.username, password: SECRET_PASSWORD } },
    });
    const requestId = response.headers.get('x-request-id')!;
    await response.text();
    const line = await vi.waitFor(() => {
      const found = accessLines().find((l) => l.requestId === requestId);
      if (!found) throw new Error('no access line yet');
      return found;
    });
    expect(Object.keys(line).sort()).toEqual(
      ['bytes', 'durationMs', 'level', 'message', 'method', 'operation', 'requestId', 'route', 'status'].sort(),
    );
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/graphql',
      status: 200,
      operation: 'AccessLogin',
    });
    expect(line.durationMs).toBeGreaterThan(0);
    expect(line.bytes).toBeGreaterThan(0);
  });

  it('never holds a variable, a query string, an id or the query text, and leaves out health probes', async () => {
    await graphql({
      query: 'mutation AccessSecret($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: { username: 'someone-else', password: SECRET_PASSWORD } },
    });
    const missing = '00000000-0000-4000-8000-00000000cafe';
    await fetch(`${app.url}/files/${missing}?token=${SECRET_QUERY_STRING}&name=secret.pdf`);
    await fetch(`${app.url}/healthz`);
    await fetch(`${app.url}/readyz`);
    await vi.waitFor(() => expect(accessLines().some((l) => l.route === '/files/:id')).toBe(true));
    const log = app.logLines.join('\n');
    for (const value of [SECRET_PASSWORD, SECRET_QUERY_STRING, missing, 'secret.pdf', 'someone-else', 'login(input']) {
      expect(log).not.toContain(value);
    }
    expect(accessLines().filter((l) => ['/healthz', '/readyz', '/metrics'].includes(l.route))).toEqual([]);
  });
});

describe('X-Request-Id', () => {
  it("keeps the load balancer's id: sent back, in the log line and in error messages", async () => {
    const id = 'lb-7f3a.9_Zq';
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe(id);
    const body = (await response.json()) as { errors: { extensions: { requestId?: string } }[] };
    expect(body.errors[0]?.extensions.requestId).toBe(id);
    await vi.waitFor(() => expect(accessLines().some((l) => l.requestId === id)).toBe(true));
    const longest = 'a'.repeat(128);
    expect(
      (await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': longest } })).headers.get('x-request-id'),
    ).toBe(longest);
  });

  it.each([
    ['500 characters', 'x'.repeat(500)],
    ['129 characters', 'y'.repeat(129)],
    ['JSON of its own', '","level":"error","message":"forged'],
    ['spaces and a slash', 'id with spaces/../x'],
    ['a character beyond ASCII', 'id-\u00e9-hostile'],
  ])('replaces an id with %s by a new one, which never reaches a log line as it came', async (_label, hostile) => {
    const response = await graphql({ query: 'query HostileId { __typename }' }, { 'x-request-id': hostile });
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await vi.waitFor(() => expect(accessLines().some((l) => l.requestId === id)).toBe(true));
    expect(app.logLines.join('\n')).not.toContain(hostile.slice(0, 20));
  });

  it('never sees a line break: Node refuses such a header before the app does', async () => {
    const logged = app.logLines.length;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(app.url).port), '127.0.0.1');
      let text = '';
      socket.on('connect', () =>
        socket.write(
          'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Request-Id: one\r\n\tinjected-line\r\nConnection: close\r\n\r\n',
        ),
      );
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(app.logLines.slice(logged).join('\n')).not.toContain('injected-line');
  });
});

describe('GET /readyz', () => {
  it('is not ready while the schema lacks a migration this build knows, and names it', async () => {
    expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ ok: true });
    const last = migrationsList.at(-1)!.name;
    // As if the database were restored from before the newest migration: its record is not there.
    await app.sql('update mikro_orm_migrations set name = ? where name = ?', [`${last}-hidden`, last]);
    try {
      const response = await fetch(`${app.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, migrationsPending: [last] });
    } finally {
      await app.sql('update mikro_orm_migrations set name = ? where name = ?', [last, `${last}-hidden`]);
    }
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});
