import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { bootPlatform } from '../../api/src/bootstrap.js';
import { ManualClock } from '../../api/src/common/clock.js';
import type { Logger } from '../../api/src/common/logger.js';
import { loadConfig } from '../../api/src/common/config.js';
import { startServer } from '../../api/src/server.js';
import type { AppServices } from '../../api/src/common/context.js';
import { ApiClient } from './api-client.js';
import { TestFactory } from './factory.js';
import { testDatabaseUrl } from './test-database.js';

/** A fixed moment inside 115學年度第1學期: Saturday 28 November 2026, 09:00 in Taipei. */
export const DEFAULT_TEST_NOW = new Date('2026-11-28T09:00:00+08:00');

/**
 * The settings of an API run as a child process (tests/support/server-child.ts) on the run's database: no demo data,
 * no worker, unless `extra` says otherwise.
 */
export function childServerEnv(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    PII_ENCRYPTION_KEY: inject('piiKey'),
    CLIENT_DIST_DIR: inject('clientDistDir'),
    SEED_DEMO: 'false',
    RUN_WORKER: 'false',
    ...extra,
  };
}

export interface TestApp {
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  services: AppServices;
  /** The folder the app keeps uploaded files in (a fresh one per app). */
  filesDir: string;
  owner: MikroORM;
  clock: ManualClock;
  factory: TestFactory;
  /** Every line the server logged, to check that nothing secret was written. */
  logLines: string[];
  client(): ApiClient;
  /** Runs SQL as the owner (outside row-level security), to check what really is in the database. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** Like sql, for a query that must return exactly one row. */
  sqlOne<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/**
 * Boots the real API (HTTP + WebSocket) on a free port against the run's PostgreSQL. The server's clock starts at
 * `now` (default DEFAULT_TEST_NOW) and moves only when the test moves it; alert jobs run by the database's real time.
 */
export async function startTestApp(env: Record<string, string> = {}, now: Date = DEFAULT_TEST_NOW): Promise<TestApp> {
  const filesDir = mkdtempSync(path.join(tmpdir(), 'portfolio-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    // Alert jobs are taken by whichever worker runs; only the tests about alerts start one.
    RUN_WORKER: 'false',
    DATABASE_URL: testDatabaseUrl(),
    PII_ENCRYPTION_KEY: inject('piiKey'),
    CLIENT_DIST_DIR: inject('clientDistDir'),
    FILES_DIR: filesDir,
    ...env,
  });
  const clock = new ManualClock(now);
  const platform = await bootPlatform(config, config.databaseUrl!, clock);
  const logLines: string[] = [];
  const capture =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      logLines.push(JSON.stringify({ level, message, ...fields }));
    };
  const log: Logger = {
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
    debug: capture('debug'),
  };
  // In place, so that the services which took the logger at their creation write here too.
  Object.assign(platform.services.log, log);
  const server = await startServer(platform.services).catch(async (error: unknown) => {
    await platform.close();
    throw error;
  });
  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
    platform.owner.em.fork().getConnection().execute<T[]>(query, params);
  const url = server.url;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `${url.replace(/^http/, 'ws')}/graphql`,
    services: platform.services,
    filesDir: config.files.dir,
    owner: platform.owner,
    clock,
    factory: new TestFactory(platform.owner, platform.services),
    logLines,
    client: () => new ApiClient(`${url}/graphql`),
    sql,
    sqlOne: async <T>(query: string, params: unknown[] = []) => {
      const rows = await sql<T>(query, params);
      if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${query}`);
      return rows[0]!;
    },
    close: async () => {
      await server.close();
      await platform.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
