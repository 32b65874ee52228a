import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PiiCipher } from '../common/pii-crypto.js';
import { loadConfig } from '../common/config.js';
import { generateCityDataset } from '../dataset/city-dataset.js';
import { initOrm, runMigrations } from '../db/orm.js';
import { createFileStorage } from '../modules/files/create-file-storage.js';
import { openOwnerDatabase } from './owner-database.js';

/**
 * npm run dataset:city [-- --scale 0.01 --seed 112 --prefix TP]: a synthetic city whose statistics reproduce the
 * bureau's table of 112/08/25 at scale 1, loaded with COPY as the owner into DATABASE_URL or the embedded database
 * under DATA_DIR (migrated first), with a bureau login for the new authority (DATASET_BUREAU_PASSWORD, or a random
 * one). Prints one JSON line with the counts, the bureau login, phase times and the database size.
 */
/** The WAL the load may write between two checkpoints (a full-scale city writes about 6 GB of WAL in all). */
const LOAD_MAX_WAL_SIZE_MB = 8192;

/**
 * Room for the load's WAL: with the default max_wal_size (1 GB) the full-scale load forced a checkpoint every ~25 s,
 * and after each one every index page the load touched again went into the WAL whole (full-page writes). Raised with
 * ALTER SYSTEM and a reload, since max_wal_size cannot be set for one session, and only where this owner may (the
 * embedded database's superuser; an operator's owner without the privilege loads with the server's own settings).
 * Returns what puts the setting back as it was: the value the operator had in postgresql.auto.conf, or none. A load
 * killed before it ends leaves the raised value behind: `ALTER SYSTEM RESET max_wal_size; SELECT pg_reload_conf();`.
 */
async function roomForWal(client: pg.Client, log: (line: string) => void): Promise<() => Promise<void>> {
  const nothing = async () => {};
  let current: { mb: number; own: boolean; allowed: boolean } | undefined;
  try {
    const { rows } = await client.query<{ mb: string; own: boolean; allowed: boolean }>(
      `select setting as mb, coalesce(sourcefile like '%postgresql.auto.conf', false) as own,
              has_parameter_privilege('max_wal_size', 'ALTER SYSTEM') as allowed
       from pg_settings where name = 'max_wal_size' and unit = 'MB'`,
    );
    if (rows[0]) current = { mb: Number(rows[0].mb), own: rows[0].own, allowed: rows[0].allowed };
  } catch {
    return nothing; // before PostgreSQL 15 there is no parameter privilege to ask about: keep the server's settings
  }
  if (!current?.allowed || current.mb >= LOAD_MAX_WAL_SIZE_MB) return nothing;
  await client.query(`ALTER SYSTEM SET max_wal_size = '${LOAD_MAX_WAL_SIZE_MB}MB'`);
  await client.query('SELECT pg_reload_conf()');
  log(`max_wal_size for the load: ${LOAD_MAX_WAL_SIZE_MB} MB (was ${current.mb} MB)`);
  const before = current;
  return async () => {
    try {
      if (before.own) await client.query(`ALTER SYSTEM SET max_wal_size = '${before.mb}MB'`);
      else await client.query('ALTER SYSTEM RESET max_wal_size');
      await client.query('SELECT pg_reload_conf()');
    } catch {
      // The connection is gone (the load's own failure is what the operator reads): say what is left to undo.
      log(`max_wal_size 仍是 ${LOAD_MAX_WAL_SIZE_MB} MB：請以擁有者執行 ALTER SYSTEM ${before.own ? `SET max_wal_size = '${before.mb}MB'` : 'RESET max_wal_size'}; SELECT pg_reload_conf();`); // prettier-ignore
    }
  };
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

try {
  const config = loadConfig();
  const scale = Number(option('scale', '1'));
  const seed = Number(option('seed', '112'));
  const codePrefix = option('prefix', 'TP');
  const keyFile = path.join(config.dataDir, 'pii.key');
  const key = config.piiEncryptionKey ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined);
  if (!key) throw new Error('需要 PII_ENCRYPTION_KEY（或 DATA_DIR 裡的 pii.key）才能加密身分證號');
  const database = await openOwnerDatabase(config);
  try {
    const owner = await initOrm(database.url, 'owner');
    await runMigrations(owner);
    await owner.close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const restoreWal = await roomForWal(client, log);
    try {
      const started = Date.now();
      const bureau = {
        username: `dataset.bureau.${codePrefix.toLowerCase()}${seed}`,
        password: process.env.DATASET_BUREAU_PASSWORD || randomBytes(12).toString('base64url'),
      };
      const result = await generateCityDataset(client, {
        seed,
        scale,
        codePrefix,
        bureau,
        pii: new PiiCipher(key),
        files: createFileStorage(config.files),
        log,
      });
      const [size] = (await client.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes'))
        .rows;
      process.stdout.write(
        `${JSON.stringify({ ...result, bureau, totalSeconds: (Date.now() - started) / 1000, databaseBytes: Number(size!.bytes) })}\n`,
      );
    } finally {
      await restoreWal();
      await client.end();
    }
  } finally {
    await database.stop();
  }
} catch (error) {
  process.stderr.write(`dataset:city 無法完成：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
