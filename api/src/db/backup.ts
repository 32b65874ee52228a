import { createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { type FileStorage, storageKeyOf } from '../modules/files/file-storage.js';
import { eachLimited } from '../modules/files/verify-storage.js';
import {
  BACKUP_FORMAT,
  type BackupManifest,
  type BackupTable,
  connect,
  DB_DIR,
  FILES_DIR,
  Hashing,
  MANIFEST_FILE,
  PII_KEY_FILE,
  qualified,
  quoteIdent,
  SCHEMAS,
} from './backup-archive.js';

/**
 * Taking a backup of one installation (the folder's layout is in backup-archive.ts). Each table goes out with COPY
 * inside one REPEATABLE READ snapshot (gzip, SHA-256 in the manifest), so the rows and the list of stored files
 * belong to the same moment while the platform keeps running.
 */

/** Filled by the migrations themselves, compared rather than copied. */
const BOOKKEEPING = new Set(['public.mikro_orm_migrations', 'graphile_worker.migrations']);

export interface BackupOptions {
  databaseUrl: string;
  files: FileStorage;
  dir: string;
  /** The generated key file to include (embedded installation), or null. */
  piiKeyFile: string | null;
}

/**
 * The owner sees every school only through the owner_maintenance policies the migrations made for it (or as a
 * superuser). Anyone else would back up a filtered, incomplete database without noticing: refuse instead.
 */
async function assertSeesEveryRow(db: pg.ClientBase): Promise<void> {
  const { rows } = await db.query<{ bypass: boolean }>(
    'select rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user',
  );
  if (rows[0]?.bypass) {
    await db.query('set row_security = off');
    return;
  }
  const hidden = await db.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any ($1) and c.relkind = 'r' and c.relrowsecurity
       and (c.relforcerowsecurity or c.relowner <> (select oid from pg_roles where rolname = current_user))
       and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'owner_maintenance'
                         and (select oid from pg_roles where rolname = current_user) = any (p.polroles))`,
    [SCHEMAS],
  );
  if (hidden.rows.length > 0) {
    throw new Error(
      `連線的資料庫角色看不到所有學校的資料（${hidden.rows.map((r) => r.name).join('、')}），備份會不完整：` +
        '請用執行 migration 的擁有者角色（DATABASE_URL 的角色）或超級使用者連線。',
    );
  }
}

async function listTables(db: pg.ClientBase): Promise<{ schema: string; name: string; columns: string[] }[]> {
  const { rows } = await db.query<{ schema: string; name: string; columns: string[] }>(
    `select n.nspname as schema, c.relname as name,
            array_agg(a.attname::text order by a.attnum) as columns
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     where c.relkind = 'r' and not c.relispartition and n.nspname = any ($1)
     group by n.nspname, c.relname
     order by n.nspname, c.relname`,
    [SCHEMAS],
  );
  return rows.filter((table) => !BOOKKEEPING.has(`${table.schema}.${table.name}`));
}

/** Copies one stored file into the backup, checking it against its hash on the way. */
async function copyStoredFile(
  files: FileStorage,
  sha256: string,
  filesDir: string,
): Promise<{ result: 'OK' | 'MISSING' | 'CORRUPT'; bytes: number }> {
  const source = await files.open(sha256);
  if (!source) return { result: 'MISSING', bytes: 0 };
  const target = path.join(filesDir, ...storageKeyOf(sha256).split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  const hashing = new Hashing();
  await pipeline(source, hashing, createWriteStream(`${target}.part`));
  if (hashing.hash.digest('hex') !== sha256) {
    await rm(`${target}.part`, { force: true });
    return { result: 'CORRUPT', bytes: 0 };
  }
  await rename(`${target}.part`, target);
  return { result: 'OK', bytes: hashing.bytes };
}

/**
 * Writes a backup into dir (which must be empty or absent). Problems with stored files (missing, corrupt) do not stop
 * it: they are listed in the manifest, and the caller decides (the command exits non-zero).
 */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const started = performance.now();
  if (existsSync(options.dir) && (await readdir(options.dir)).length > 0) {
    throw new Error(`備份資料夾 ${options.dir} 不是空的：請指定新的資料夾。`);
  }
  const dbDir = path.join(options.dir, DB_DIR);
  const filesDir = path.join(options.dir, FILES_DIR);
  await mkdir(dbDir, { recursive: true });
  await mkdir(filesDir, { recursive: true });

  const db = await connect(options.databaseUrl);
  let tables: BackupTable[] = [];
  let sequences: BackupManifest['sequences'] = [];
  let migrations: string[];
  let jobQueueMigration: number | null;
  let serverVersion: string;
  let snapshotAt: string;
  let shas: string[];
  try {
    await assertSeesEveryRow(db);
    // One snapshot for every table and for the list of files, so rows and files belong to the same moment.
    await db.query('begin isolation level repeatable read read only');
    const now = await db.query<{ version: string; at: Date }>(
      "select current_setting('server_version') as version, now() as at",
    );
    serverVersion = now.rows[0]!.version;
    snapshotAt = now.rows[0]!.at.toISOString();
    migrations = (await db.query<{ name: string }>('select name from mikro_orm_migrations order by id')).rows.map(
      (row) => row.name,
    );
    jobQueueMigration =
      (
        await db.query<{ id: number | null }>(
          `select case when to_regclass('graphile_worker.migrations') is null then null
                       else (select max(id) from graphile_worker.migrations) end as id`,
        )
      ).rows[0]?.id ?? null;
    for (const table of await listTables(db)) {
      const file = `${table.schema}.${table.name}.copy.gz`;
      const columns = table.columns.map(quoteIdent).join(', ');
      const copy = db.query(
        copyTo(`COPY (SELECT ${columns} FROM ${qualified(table.schema, table.name)}) TO STDOUT`),
      ) as Readable & { rowCount: number };
      const hashing = new Hashing();
      await pipeline(copy, createGzip(), hashing, createWriteStream(path.join(dbDir, file)));
      tables.push({
        ...table,
        rows: copy.rowCount,
        file: `${DB_DIR}/${file}`,
        bytes: hashing.bytes,
        sha256: hashing.hash.digest('hex'),
      });
    }
    const seqs = await db.query<{ schema: string; name: string }>(
      'select schemaname as schema, sequencename as name from pg_sequences where schemaname = any ($1) order by 1, 2',
      [SCHEMAS],
    );
    for (const seq of seqs.rows) {
      const value = await db.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from ${qualified(seq.schema, seq.name)}`,
      );
      sequences.push({ ...seq, lastValue: value.rows[0]!.last_value, isCalled: value.rows[0]!.is_called });
    }
    shas = (
      await db.query<{ sha256: string }>(
        // Every stored file a row points at, as the leftover collection counts them (one definition of "in use").
        `select distinct sha256 from stored_file_reference order by 1`,
      )
    ).rows.map((row) => row.sha256);
    await db.query('commit');
  } finally {
    await db.end();
  }

  const missing: string[] = [];
  const corrupt: string[] = [];
  let bytes = 0;
  await eachLimited(shas, 4, async (sha256) => {
    const copied = await copyStoredFile(options.files, sha256, filesDir);
    if (copied.result === 'MISSING') missing.push(sha256);
    else if (copied.result === 'CORRUPT') corrupt.push(sha256);
    bytes += copied.bytes;
  });

  let piiKey = false;
  if (options.piiKeyFile && existsSync(options.piiKeyFile)) {
    await writeFile(path.join(options.dir, PII_KEY_FILE), await readFile(options.piiKeyFile), { mode: 0o600 });
    piiKey = true;
  }

  tables = tables.sort((a, b) => a.file.localeCompare(b.file));
  sequences = sequences.sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    seconds: (performance.now() - started) / 1000,
    database: { serverVersion, snapshotAt, migrations, jobQueueMigration },
    tables,
    sequences,
    files: {
      count: shas.length - missing.length - corrupt.length,
      bytes,
      missing: missing.sort(),
      corrupt: corrupt.sort(),
    },
    piiKey,
  };
  await writeFile(path.join(options.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await chmod(options.dir, 0o700);
  return manifest;
}
