import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLErrorShape } from './api-client.js';
import type { ServerChild } from './server-child.js';

/*
 * Clients for a cluster behind a load balancer, as a browser is one: a GraphQL client that signs in once and then
 * carries the session cookie (and its own X-Request-Id on every request), and a graphql-ws subscription that
 * reconnects and subscribes again whenever its socket is lost, as the web client does.
 */

/** Polls `check` until it returns something other than undefined/false, or fails with `what` after the timeout. */
export async function waitUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export interface CookieResponse<T> {
  status: number;
  data: T | null;
  errors: GraphQLErrorShape[];
  /** The id this request was sent with. */
  requestId: string;
  /** The id the answer carried back (X-Request-Id). */
  answeredId: string | null;
}

let requestCounter = 0;

/** A request id of its own for every request, so each can be found in the instances' access logs. */
export const newRequestId = (prefix: string): string => `${prefix}-${process.pid}-${(requestCounter += 1)}`;

/**
 * A browser's GraphQL over HTTP: signs in with the login mutation (no token asked for), keeps the session cookie the
 * answer sets, and sends it with `Content-Type: application/json` and the page's Origin, as the client's fetch does.
 */
export class CookieClient {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  get graphqlUrl(): string {
    return `${this.baseUrl}/graphql`;
  }

  /** Headers a same-origin browser request carries: the cookie and the Origin. */
  headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    return headers;
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    requestId = newRequestId('cluster'),
  ): Promise<CookieResponse<T>> {
    const response = await fetch(this.graphqlUrl, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', 'x-request-id': requestId }),
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: { data?: T | null; errors?: GraphQLErrorShape[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`not a GraphQL answer (${response.status}, request ${requestId}): ${text.slice(0, 500)}`);
    }
    const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('portfolio_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return {
      status: response.status,
      data: body.data ?? null,
      errors: body.errors ?? [],
      requestId,
      answeredId: response.headers.get('x-request-id'),
    };
  }

  /** Runs a request and fails loudly on any GraphQL error or a missing answer. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    requestId?: string,
  ): Promise<T> {
    const result = await this.request<T>(query, variables, requestId);
    if (result.errors.length > 0 || !result.data) {
      throw new Error(
        `GraphQL errors (${result.status}, request ${result.requestId}): ${JSON.stringify(result.errors)}`,
      );
    }
    return result.data;
  }

  /** Signs in as the browser does: the session comes back as an httpOnly cookie, not as a token. */
  async signIn(username: string, password: string): Promise<this> {
    const data = await this.ok<{ login: { me: { id: string } | null; userErrors: { code: string }[] } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { me { id } userErrors { code message } } }',
      { input: { username, password } },
    );
    if (!data.login.me || !this.cookie) throw new Error(`sign-in failed: ${JSON.stringify(data.login.userErrors)}`);
    return this;
  }
}

/** The instance whose access log has the `http request` line of this request id, or -1 while none has. */
export function instanceThatServed(instances: ServerChild[], requestId: string): number {
  const needle = `"requestId":${JSON.stringify(requestId)}`;
  return instances.findIndex((instance) =>
    instance
      .output()
      .split('\n')
      .some((line) => line.includes('"message":"http request"') && line.includes(needle)),
  );
}

/** Waits until some instance has logged the request (the line is written as the answer goes out). */
export function servedBy(instances: ServerChild[], requestId: string, timeoutMs = 5000): Promise<number> {
  return waitUntil(
    () => {
      const index = instanceThatServed(instances, requestId);
      return index >= 0 ? index : undefined;
    },
    `an instance's access log line for ${requestId}`,
    timeoutMs,
  );
}

/** One gauge of an instance's /metrics (asked on its own port), or null when the instance does not answer. */
export async function gaugeOf(instance: ServerChild, name: string): Promise<number | null> {
  try {
    const response = await fetch(`${instance.url}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (response.status !== 200) return null;
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(await response.text());
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export interface LiveSubscription<T> {
  /** What arrived, in order, over every socket this client had. */
  readonly received: T[];
  readonly errors: unknown[];
  /** How many times a socket was opened and acknowledged (1 until it is lost and comes back). */
  readonly connects: number;
  /** Close codes of the sockets that were lost (after having connected). */
  readonly lost: number[];
  /** Resolves once the first socket is acknowledged. */
  connected(timeoutMs?: number): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A subscription over a graphql-ws client that never gives up: on any close it reconnects (through the balancer,
 * so to whichever instance that picks) and graphql-ws subscribes again. Authenticated by the headers (the session
 * cookie with the page's Origin), as a browser's socket is.
 */
export function liveSubscription<T>(options: {
  url: string;
  headers: Record<string, string>;
  query: string;
  pick: (data: Record<string, unknown>) => T;
}): LiveSubscription<T> {
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: options.headers });
    }
  }
  const received: T[] = [];
  const errors: unknown[] = [];
  const lost: number[] = [];
  let connects = 0;
  let open = false;
  const client: Client = createClient({
    url: options.url,
    webSocketImpl: HeaderSocket,
    lazy: false,
    retryAttempts: 1000,
    retryWait: () => sleep(100),
    shouldRetry: () => true,
    on: {
      connected: () => {
        connects += 1;
        open = true;
      },
      closed: (event) => {
        if (open) lost.push((event as { code?: number }).code ?? -1);
        open = false;
      },
    },
  });
  const dispose = client.subscribe<Record<string, unknown>>(
    { query: options.query },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        if (value.data) received.push(options.pick(value.data));
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    received,
    errors,
    get connects() {
      return connects;
    },
    lost,
    connected: async (timeoutMs = 10_000) => {
      await waitUntil(() => connects > 0, 'the socket to be acknowledged', timeoutMs);
    },
    waitFor: async (count, timeoutMs = 10_000) => {
      try {
        return await waitUntil(() => received.length >= count && received, `${count} events`, timeoutMs);
      } catch {
        throw new Error(`got ${received.length} of ${count} events in ${timeoutMs} ms: ${JSON.stringify(received)}`);
      }
    },
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}
