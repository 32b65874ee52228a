/** A small closed-loop load generator on loopback: fixed request count, fixed concurrency, bounded in time. */
export interface LoadResult {
  name: string;
  requests: number;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function runLoad(
  name: string,
  send: () => Promise<boolean>,
  options: { requests: number; concurrency: number; warmup: number; maxSeconds: number },
): Promise<LoadResult> {
  for (let i = 0; i < options.warmup; i += 1) await send();
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + options.maxSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests && Date.now() < deadline) {
        next += 1;
        const t0 = performance.now();
        const ok = await send().catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    concurrency: options.concurrency,
    seconds: Number(seconds.toFixed(3)),
    requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    errors,
  };
}
