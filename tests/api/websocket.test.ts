import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let other: TestApp;
let school: TestSchool;
const clients: Client[] = [];

const ALERTS = 'subscription { deadlineAlerts { id message } }';

function wsClient(options: { authToken?: string; headers?: Record<string, string>; target?: TestApp } = {}): {
  client: Client;
  closed: Promise<{ code: number; reason: string }>;
  connected: Promise<boolean>;
} {
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: options.headers });
    }
  }
  let onClosed: (event: { code: number; reason: string }) => void = () => {};
  let onConnected: (value: boolean) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const connected = new Promise<boolean>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: (options.target ?? app).wsUrl,
    webSocketImpl: HeaderSocket,
    connectionParams: options.authToken ? { authToken: options.authToken } : {},
    retryAttempts: 0,
    lazy: false,
    on: {
      connected: () => onConnected(true),
      closed: (event) => {
        onConnected(false);
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason });
      },
    },
    onNonLazyError: () => undefined,
  });
  clients.push(client);
  return { client, closed, connected };
}

interface Outcome {
  errors?: { message: string; extensions?: { code?: string } }[];
  closed?: { code: number };
  /** Still running after the wait: the server accepted the subscription. */
  running?: boolean;
}

/** Subscribes and reports what happened within a moment: an error, the socket closing, or nothing (running). */
function attempt(client: Client, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ running: true }), 400);
    client.subscribe(
      { query, variables },
      {
        next: () => undefined,
        error: (error) => {
          clearTimeout(timer);
          if (Array.isArray(error)) resolve({ errors: error as Outcome['errors'] });
          else resolve({ closed: { code: (error as { code?: number }).code ?? -1 } });
        },
        complete: () => undefined,
      },
    );
  });
}

async function token(login: { username: string; password: string }, target: TestApp = app): Promise<string> {
  return (await target.client().login(login.username, login.password)).token!;
}

beforeAll(async () => {
  app = await startTestApp({ WS_MAX_SOCKETS_PER_SESSION: '2', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3' });
  // A second instance on the same database, as behind a load balancer.
  other = await startTestApp({ WS_MAX_SOCKETS_PER_SESSION: '2', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3' });
  school = await (await app.factory.city()).school();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await other.close();
  await app.close();
});

describe('graphql-ws on /graphql', () => {
  it('opens for a signed-in user (token in connectionParams) and carries their subscription', async () => {
    const { client, connected } = wsClient({ authToken: await token(school.logins.student) });
    expect(await connected).toBe(true);
    expect(await attempt(client, ALERTS)).toEqual({ running: true });
  });

  it('accepts the browser’s session cookie from the same origin', async () => {
    const { client, connected } = wsClient({
      headers: { cookie: `portfolio_session=${await token(school.logins.teacher)}`, origin: app.url },
    });
    expect(await connected).toBe(true);
    expect(await attempt(client, ALERTS)).toEqual({ running: true });
  });

  it('refuses a cookie-authenticated socket opened by another site', async () => {
    const { closed } = wsClient({
      headers: { cookie: `portfolio_session=${await token(school.logins.teacher)}`, origin: 'https://evil.example' },
    });
    expect((await closed).code).toBe(4403);
  });

  it('refuses a socket without a session: nothing can be subscribed to anonymously', async () => {
    expect((await wsClient().closed).code).toBe(4403);
    expect((await wsClient({ authToken: 'not-a-session' }).closed).code).toBe(4403);
  });

  it('sends queries and mutations back to HTTP', async () => {
    const { client } = wsClient({ authToken: await token(school.logins.student) });
    const result = await attempt(client, '{ me { displayName } }');
    expect(result.errors?.[0]?.message).toMatch(/只接受訂閱/);
  });

  it('no longer pushes the server clock every second', async () => {
    const { client } = wsClient({ authToken: await token(school.logins.student) });
    const result = await attempt(client, 'subscription { serverClock { now } }');
    expect(result.errors?.[0]?.message).toMatch(/serverClock/);
  });

  it('refuses a revoked session', async () => {
    const api = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    await api.ok('mutation { logout { endedSessions } }');
    expect((await wsClient({ authToken: api.token! }).closed).code).toBe(4403);
  });
});

describe('limits of a WebSocket', () => {
  it('carries at most WS_MAX_SUBSCRIPTIONS_PER_SOCKET subscriptions at once', async () => {
    const target = await (await app.factory.city()).school();
    const { client } = wsClient({ authToken: await token(target.logins.student) });
    for (let i = 0; i < 3; i += 1) expect(await attempt(client, ALERTS)).toEqual({ running: true });
    const fourth = await attempt(client, ALERTS);
    expect(fourth.errors?.[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect(fourth.errors?.[0]?.message).toBe('這個連線同時最多只能有 3 個訂閱，請先取消不再需要的訂閱。');
  });

  it('lets a session open at most WS_MAX_SOCKETS_PER_SESSION sockets, counted across instances', async () => {
    const target = await (await app.factory.city()).school();
    const session = await token(target.logins.student);
    const first = wsClient({ authToken: session });
    const second = wsClient({ authToken: session, target: other });
    expect(await first.connected).toBe(true);
    expect(await second.connected).toBe(true);
    // A third, on either instance, is refused…
    expect((await wsClient({ authToken: session }).closed).code).toBe(4403);
    expect((await wsClient({ authToken: session, target: other }).closed).code).toBe(4403);
    // …another session of the same person is not…
    expect(await wsClient({ authToken: await token(target.logins.student, other) }).connected).toBe(true);
    // …and once one closes, its place is free again.
    await first.client.dispose();
    await first.closed;
    await expect
      .poll(async () => {
        const next = wsClient({ authToken: session });
        return next.connected;
      })
      .toBe(true);
  });

  it('closes every socket of a session that logs out, on every instance, ending its subscriptions', async () => {
    const target = await (await app.factory.city()).school();
    const api = await app.client().login(target.logins.student.username, target.logins.student.password);
    const here = wsClient({ authToken: api.token! });
    const there = wsClient({ authToken: api.token!, target: other });
    expect(await attempt(here.client, ALERTS)).toEqual({ running: true });
    expect(await attempt(there.client, ALERTS)).toEqual({ running: true });
    await api.ok('mutation { logout { endedSessions } }');
    expect((await here.closed).code).toBe(4401);
    expect((await there.closed).code).toBe(4401);
  });

  it('answers a variable of the wrong type as bad input, not as a server failure', async () => {
    const { client } = wsClient({ authToken: await token(school.logins.student) });
    const logged = app.logLines.length;
    const result = await attempt(client, 'subscription ($b: Boolean!) { deadlineAlerts { id @include(if: $b) } }', {
      b: 'not-a-boolean',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(app.logLines.slice(logged).filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it('closes a socket that sends a frame larger than any subscription, before reading it', async () => {
    const socket = new WebSocket(app.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(100 * 1024) } }));
    expect(await closed).toBe(1009);
  });

  it('measures a subscription at the same edge as HTTP: a fragment bomb is refused at once', async () => {
    const { client } = wsClient({ authToken: await token(school.logins.student) });
    const levels = 24;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on DeadlineAlertMessage { id ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : ''} }`,
    ).join('\n');
    const started = Date.now();
    const bomb = await attempt(client, `subscription { deadlineAlerts { ...F0 } } ${fragments}`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(bomb.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
