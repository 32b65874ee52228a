import { login } from './graphql-http.js';
import { runLoad, type LoadResult } from './load.js';
import type { ServerProcess } from './server-process.js';

const OPTIONS = { requests: 3000, concurrency: 16, warmup: 200, maxSeconds: 60 };

async function post(url: string, body: string, token?: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const json = (await response.json()) as { errors?: unknown[] };
  return response.ok && !json.errors;
}

/**
 * Requests per second and latency of `me` for a signed-in student, beside `{ __typename }` on the same server in
 * the same run: anonymous (no session lookup) and signed in (session lookup, no data).
 */
export async function meQueryBenchmark(server: ServerProcess): Promise<LoadResult[]> {
  const graphql = `${server.url}/graphql`;
  const token = await login(graphql, 'sf.s101001', 'demo1234');
  const typename = JSON.stringify({ query: '{ __typename }' });
  const me = JSON.stringify({
    query:
      '{ me { id displayName roleLabels school { displayName } currentTerm { label } student { studentNumber } } }',
  });
  return [
    await runLoad('{ __typename } anonymous', () => post(graphql, typename), OPTIONS),
    await runLoad('{ __typename } signed in', () => post(graphql, typename, token), OPTIONS),
    await runLoad('me (signed-in student)', () => post(graphql, me, token), OPTIONS),
  ];
}
