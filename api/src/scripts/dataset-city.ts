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
        log: (line) => process.stderr.write(`${line}\n`),
      });
      const [size] = (await client.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes'))
        .rows;
      process.stdout.write(
        `${JSON.stringify({ ...result, bureau, totalSeconds: (Date.now() - started) / 1000, databaseBytes: Number(size!.bytes) })}\n`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
} catch (error) {
  process.stderr.write(`dataset:city 無法完成：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
