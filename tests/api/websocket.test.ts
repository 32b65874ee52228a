import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;
const clients: Client[] = [];

function wsClient(options: { authToken?: string; headers?: Record<string, string> } = {}): Client {
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: options.headers });
    }
  }
  const client = createClient({
    url: app.wsUrl,
    webSocketImpl: HeaderSocket,
    connectionParams: options.authToken ? { authToken: options.authToken } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

interface Outcome<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  closed?: { code: number };
}

function first<T>(client: Client, query: string): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const dispose = client.subscribe<T>(
      { query },
      {
        next: (value) => {
          dispose();
          resolve(value as Outcome<T>);
        },
        error: (error) => {
          if (Array.isArray(error)) resolve({ errors: error });
          else
            resolve({
              closed: {
                code: (error as { code?: number }).code ?? -1,
                reason: String((error as { reason?: string }).reason),
              } as { code: number },
            });
        },
        complete: () => undefined,
      },
    );
  });
}

beforeAll(async () => {
  app = await startTestApp();
  school = await (await app.factory.city()).school();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app.close();
});

describe('graphql-ws on /graphql', () => {
  it('streams server time to a signed-in user (token in connectionParams)', async () => {
    const api = await app.client().login(school.logins.student.username, school.logins.student.password);
    const result = await first<{ serverClock: { now: string; rocDateTime: string } }>(
      wsClient({ authToken: api.token! }),
      'subscription { serverClock { now rocDateTime } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.serverClock.rocDateTime).toBe('115/11/28 09:00');
    expect(new Date(result.data!.serverClock.now).toISOString()).toBe('2026-11-28T01:00:00.000Z');
  });

  it('accepts the browser’s session cookie from the same origin', async () => {
    const api = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const origin = app.url;
    const result = await first<{ serverClock: { rocDateTime: string } }>(
      wsClient({ headers: { cookie: `portfolio_session=${api.token}`, origin } }),
      'subscription { serverClock { rocDateTime } }',
    );
    expect(result.data?.serverClock.rocDateTime).toBe('115/11/28 09:00');
  });

  it('refuses a cookie-authenticated socket opened by another site', async () => {
    const api = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const result = await first(
      wsClient({ headers: { cookie: `portfolio_session=${api.token}`, origin: 'https://evil.example' } }),
      'subscription { serverClock { rocDateTime } }',
    );
    expect(result.closed?.code).toBe(4403);
  });

  it('tells an anonymous subscriber to sign in', async () => {
    const result = await first(wsClient(), 'subscription { serverClock { now } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sends queries and mutations back to HTTP', async () => {
    const api = await app.client().login(school.logins.student.username, school.logins.student.password);
    const result = await first(wsClient({ authToken: api.token! }), '{ me { displayName } }');
    expect(result.errors?.[0]?.message).toMatch(/只接受訂閱/);
  });

  it('stops a revoked session from opening new subscriptions', async () => {
    const api = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    await api.ok('mutation { logout { endedSessions } }');
    const result = await first(wsClient({ authToken: api.token! }), 'subscription { serverClock { now } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
