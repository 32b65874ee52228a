import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, login } from './graphql-http.js';
import type { ServerProcess } from './server-process.js';

export interface FanoutResult {
  subscribers: number;
  connectSeconds: number;
  connectionsPerSecond: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  rssPerConnectionKiB: number;
  delivered: number;
  deliveryP50Ms: number;
  deliveryP99Ms: number;
  deliveryMaxMs: number;
}

const BATCH = 250;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * N idle signed-in subscribers of deadlineAlerts on one instance; staff move a window once; every subscriber should
 * receive the MOVED alert. Measures connecting, the server's memory per connection, and delivery latency.
 */
export async function alertFanoutBenchmark(server: ServerProcess, subscribers: number): Promise<FanoutResult> {
  const graphql = `${server.url}/graphql`;
  const wsUrl = `${server.url.replace(/^http/, 'ws')}/graphql`;
  const studentToken = await login(graphql, 'sf.s101001', 'demo1234');
  const staffToken = await login(graphql, 'sf.registration', 'demo1234');

  const arrivals: number[] = [];
  let sentAt = 0;
  const clients: Client[] = [];
  const rssBefore = await server.rssBytes();
  const connectStarted = performance.now();
  for (let offset = 0; offset < subscribers; offset += BATCH) {
    const batch = Math.min(BATCH, subscribers - offset);
    await Promise.all(
      Array.from({ length: batch }, async () => {
        const client = createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          connectionParams: { authToken: studentToken },
          retryAttempts: 0,
          lazy: false,
        });
        clients.push(client);
        await new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('closed', (event) => reject(new Error(`closed: ${JSON.stringify(event)}`)));
        });
        client.subscribe(
          { query: 'subscription { deadlineAlerts { id kind } }' },
          { next: () => arrivals.push(performance.now() - sentAt), error: () => undefined, complete: () => undefined },
        );
      }),
    );
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 3000)); // let every subscribe reach the server and settle
  const rssAfter = await server.rssBytes();

  const { timeline } = await gql<{ timeline: { id: string; kind: string; startsAt: string; endsAt: string }[] }>(
    graphql,
    '{ timeline { id kind startsAt endsAt } }',
    {},
    staffToken,
  );
  const window = timeline.find((task) => task.kind === 'UPLOAD_PERFORMANCES')!;
  sentAt = performance.now();
  await gql(
    graphql,
    'mutation ($input: MoveTimelineTaskInput!) { moveTimelineTask(input: $input) { userErrors { code message } } }',
    {
      input: {
        taskId: window.id,
        startsAt: window.startsAt,
        endsAt: new Date(new Date(window.endsAt).getTime() + 3600_000).toISOString(),
      },
    },
    staffToken,
  );
  const deadline = Date.now() + 60_000;
  while (arrivals.length < subscribers && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await Promise.all(clients.map((client) => client.dispose()));

  const sorted = [...arrivals].sort((a, b) => a - b);
  const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));
  return {
    subscribers,
    connectSeconds: Number(connectSeconds.toFixed(2)),
    connectionsPerSecond: Number((subscribers / connectSeconds).toFixed(0)),
    rssBeforeMiB: mib(rssBefore),
    rssAfterMiB: mib(rssAfter),
    rssPerConnectionKiB: Number(((rssAfter - rssBefore) / subscribers / 1024).toFixed(1)),
    delivered: arrivals.length,
    deliveryP50Ms: Number(percentile(sorted, 50).toFixed(1)),
    deliveryP99Ms: Number(percentile(sorted, 99).toFixed(1)),
    deliveryMaxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
  };
}
