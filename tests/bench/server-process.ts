import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port.js';

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
export async function startServerProcess(repoRoot: string): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portfolio-bench-'));
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'api/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('已啟動')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    dataDir,
    ownerDatabaseUrl: async () => {
      // api/src/db/embedded.ts keeps the generated superuser password beside the cluster's folder.
      const password = (await readFile(path.join(dataDir, 'pg.password'), 'utf8')).trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/portfolio`;
    },
    rssBytes: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      return kib * 1024;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
