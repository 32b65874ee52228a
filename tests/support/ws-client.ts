import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T> {
  received: T[];
  errors: unknown[];
  /** The server ended the subscription. */
  readonly completed: boolean;
  /** The close code, once the server closed the socket (4401: its session ended). */
  readonly closedCode: number | null;
  /** Resolves once `count` items arrived (or rejects after the timeout). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/** A graphql-ws client over a real WebSocket, authenticated with a bearer token in connectionParams. */
export function openClient(url: string, authToken?: string, headers?: Record<string, string>): Client {
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url,
    webSocketImpl: HeaderSocket,
    connectionParams: authToken ? { authToken } : {},
    retryAttempts: 0,
    lazy: false,
  });
}

export async function subscribe<T>(
  url: string,
  authToken: string,
  query: string,
  pick: (data: Record<string, unknown>) => T,
): Promise<Subscription<T>> {
  const client = openClient(url, authToken);
  const received: T[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  let completed = false;
  let closedCode: number | null = null;
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', () => reject(new Error('closed before connecting')));
  });
  client.on('closed', (event) => {
    closedCode = (event as { code?: number }).code ?? -1;
  });
  const dispose = client.subscribe<Record<string, unknown>>(
    { query },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        if (value.data) received.push(pick(value.data));
        waiters.forEach((wake) => wake());
      },
      error: (error) => errors.push(error),
      complete: () => {
        completed = true;
      },
    },
  );
  // Give the server a moment to register the subscription before the test acts.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return {
    received,
    errors,
    get completed() {
      return completed;
    },
    get closedCode() {
      return closedCode;
    },
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve(received);
          }
        };
        const timer = setTimeout(
          () => reject(new Error(`got ${received.length} of ${count}: ${JSON.stringify(received)}`)),
          timeoutMs,
        );
        waiters.push(check);
        check();
      }),
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}
