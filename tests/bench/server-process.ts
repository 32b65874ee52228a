import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port.js';
import { startServerChild } from '../support/server-child.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** The server's data folder (embedded PostgreSQL under pg/, stored files under files/), removed by stop(). */
  dataDir: string;
  /** The embedded database as its owner (the postgres superuser), for setup steps no API offers. */
  ownerDatabaseUrl(): Promise<string>;
  /** Resident memory of the server process, from /proc. */
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the built API (api/dist) as its own process on a fresh embedded database with the demo data. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portfolio-bench-'));
  await chmod(dataDir, 0o755);
  const pgPort = await freePort();
  const server = await startServerChild('built', {
    DATABASE_URL: '',
    NODE_ENV: 'production',
    // The demo data is what the benchmarks measure against; production leaves it out unless told.
    SEED_DEMO: 'true',
    EMBEDDED_PG_PORT: String(pgPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
  });
  return {
    url: server.url,
    pid: server.pid,
    dataDir,
    ownerDatabaseUrl: async () => {
      // api/src/db/embedded.ts keeps the generated superuser password beside the cluster's folder.
      const password = (await readFile(path.join(dataDir, 'pg.password'), 'utf8')).trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/portfolio`;
    },
    rssBytes: async () => {
      const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
      const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      return kib * 1024;
    },
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
