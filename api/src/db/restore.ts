import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrateJobQueue } from '../modules/alerts/alert-worker.js';
import { type FileStorage, isSha256 } from '../modules/files/file-storage.js';
import { eachLimited } from '../modules/files/verify-storage.js';
import {
  type BackupTable,
  connect,
  FILES_DIR,
  Hashing,
  PII_KEY_FILE,
  qualified,
  quoteIdent,
  readManifest,
  SCHEMAS,
} from './backup-archive.js';
import { migrationsList } from './migrations/index.js';
import { initOrm } from './orm.js';

/**
 * Restoring a backup (the folder's layout is in backup-archive.ts). The schema is built with the application's own
 * migrations, up to the last one the backup had, so roles, row-level security, grants and definer functions come
 * out exactly as a fresh install makes them, for whatever role restores; then the rows are loaded.
 */

async function sha256OfFile(file: string): Promise<string> {
  const hashing = new Hashing();
  await pipeline(createReadStream(file), hashing, async (source: AsyncIterable<Buffer>) => {
    for await (const _chunk of source);
  });
  return hashing.hash.digest('hex');
}

export interface RestoreOptions {
  databaseUrl: string;
  files: FileStorage;
  dir: string;
  /** Where the installation keeps its generated PII key (embedded database), or null (PII_ENCRYPTION_KEY is set). */
  piiKeyFile: string | null;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  bytes: number;
  /** Files in the backup whose bytes no longer match their name. */
  corruptFiles: string[];
  /** Whether the backup holds a generated PII key, and whether it was put in place (embedded installations). */
  piiKeyInBackup: boolean;
  piiKeyRestored: boolean;
  seconds: number;
}

/** Parents before children, so each table's foreign keys find their rows. */
async function loadOrder(db: pg.ClientBase, tables: BackupTable[]): Promise<BackupTable[]> {
  const key = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;
  const byKey = new Map(tables.map((table) => [key(table), table]));
  const { rows } = await db.query<{ child: string; parent: string }>(
    `select cn.nspname || '.' || cc.relname as child, pn.nspname || '.' || pc.relname as parent
     from pg_constraint k
     join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
     join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
     where k.contype = 'f' and k.conrelid <> k.confrelid and cn.nspname = any ($1)`,
    [SCHEMAS],
  );
  const parents = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!byKey.has(row.child) || !byKey.has(row.parent)) continue;
    parents.set(row.child, (parents.get(row.child) ?? new Set()).add(row.parent));
  }
  const ordered: BackupTable[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`外鍵循環，無法決定還原順序：${name}`);
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    visiting.delete(name);
    done.add(name);
    ordered.push(byKey.get(name)!);
  };
  for (const table of tables) visit(key(table));
  return ordered;
}

/** Copies the backup's files into the storage, each checked against its name on the way. */
async function restoreFiles(
  files: FileStorage,
  filesDir: string,
): Promise<{ count: number; bytes: number; corrupt: string[] }> {
  const found: { sha256: string; file: string }[] = [];
  for (const a of existsSync(filesDir) ? await readdir(filesDir) : []) {
    for (const b of await readdir(path.join(filesDir, a))) {
      for (const name of await readdir(path.join(filesDir, a, b))) {
        if (isSha256(name)) found.push({ sha256: name, file: path.join(filesDir, a, b, name) });
      }
    }
  }
  const corrupt: string[] = [];
  let count = 0;
  let bytes = 0;
  await eachLimited(found, 4, async ({ sha256, file }) => {
    const temp = files.newTempPath();
    const hashing = new Hashing();
    try {
      await pipeline(createReadStream(file), hashing, createWriteStream(temp));
      if (hashing.hash.digest('hex') !== sha256) {
        corrupt.push(sha256);
        await files.discard(temp);
        return;
      }
      await files.keep(temp, sha256);
      count += 1;
      bytes += hashing.bytes;
    } catch (error) {
      await files.discard(temp);
      throw error;
    }
  });
  return { count, bytes, corrupt: corrupt.sort() };
}

/**
 * Restores a backup into a fresh installation: an empty database (nothing migrated yet) and any file storage.
 * Everything about the database happens in one transaction after the migrations: it is all there or nothing is.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = await readManifest(options.dir);

  // The backup must be whole before anything is touched.
  for (const table of manifest.tables) {
    const file = path.join(options.dir, table.file);
    if (!existsSync(file)) throw new Error(`備份缺少 ${table.file}。`);
    if ((await sha256OfFile(file)) !== table.sha256) {
      throw new Error(`備份的 ${table.file} 已損毀（SHA-256 與 manifest.json 不符）。`);
    }
  }
  const known = migrationsList.map((migration) => migration.name);
  const wanted = manifest.database.migrations;
  if (wanted.length === 0 || wanted.some((name, i) => known[i] !== name)) {
    throw new Error(
      `這份備份的資料庫版本（${wanted.at(-1) ?? '無'}）與這個程式的 migration 不相符：請用產生備份的版本或更新的版本還原。`,
    );
  }
  const backupKey = path.join(options.dir, PII_KEY_FILE);
  if (manifest.piiKey && options.piiKeyFile && existsSync(options.piiKeyFile)) {
    const [ours, theirs] = await Promise.all([readFile(options.piiKeyFile), readFile(backupKey)]);
    if (!ours.equals(theirs)) {
      throw new Error(`${options.piiKeyFile} 已有另一把 PII 金鑰：還原到全新的 DATA_DIR，或先移走那個檔案。`);
    }
  }

  const db = await connect(options.databaseUrl);
  let rows = 0;
  try {
    const existing = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname = any ($1)`,
      [SCHEMAS],
    );
    if (existing.rows[0]!.n > 0) {
      throw new Error(
        '目標資料庫不是空的：還原只能進到全新的資料庫（新的 DATA_DIR，或 DATABASE_URL 指向新建立的資料庫）。',
      );
    }

    const owner = await initOrm(options.databaseUrl, 'owner');
    try {
      await owner.getMigrator().up({ to: wanted.at(-1)! });
    } finally {
      await owner.close();
    }
    await migrateJobQueue(options.databaseUrl);

    await db.query('begin');
    // The rows are one consistent snapshot, counters and locks included: triggers that maintain statistics or guard
    // finally submitted terms must not run again while they are copied back (replica mode needs the owner's rights).
    await db.query('set local session_replication_role = replica');
    const names = manifest.tables.map((t) => qualified(t.schema, t.name));
    if (names.length > 0) await db.query(`truncate ${names.join(', ')}`);
    for (const [i, table] of (await loadOrder(db, manifest.tables)).entries()) {
      const stage = `restore_stage_${i}`;
      const columns = table.columns.map(quoteIdent).join(', ');
      const target = qualified(table.schema, table.name);
      await db.query(`create temp table ${stage} on commit drop as select ${columns} from ${target} with no data`);
      const copy = db.query(copyFrom(`COPY ${stage} (${columns}) FROM STDIN`));
      await pipeline(createReadStream(path.join(options.dir, table.file)), createGunzip(), copy);
      const inserted = await db.query(
        `insert into ${target} (${columns}) overriding system value select ${columns} from ${stage}`,
      );
      if (inserted.rowCount !== table.rows) {
        throw new Error(`${table.schema}.${table.name}：備份有 ${table.rows} 筆，只還原了 ${inserted.rowCount} 筆。`);
      }
      rows += table.rows;
      await db.query(`drop table ${stage}`);
    }
    for (const seq of manifest.sequences) {
      await db.query('select setval($1::regclass, $2::bigint, $3)', [
        qualified(seq.schema, seq.name),
        seq.lastValue,
        seq.isCalled,
      ]);
    }
    // Jobs that a worker of the old installation held would otherwise wait hours for that worker to come back.
    if (manifest.tables.some((t) => t.schema === 'graphile_worker' && t.name === '_private_jobs')) {
      await db.query(
        'update graphile_worker._private_jobs set locked_at = null, locked_by = null where locked_at is not null',
      );
      await db.query(
        'update graphile_worker._private_job_queues set locked_at = null, locked_by = null where locked_at is not null',
      );
    }
    await db.query('commit');
  } catch (error) {
    await db.query('rollback').catch(() => {});
    throw error;
  } finally {
    await db.end();
  }

  const restored = await restoreFiles(options.files, path.join(options.dir, FILES_DIR));
  let piiKeyRestored = false;
  if (manifest.piiKey && options.piiKeyFile && !existsSync(options.piiKeyFile)) {
    await mkdir(path.dirname(options.piiKeyFile), { recursive: true });
    await writeFile(options.piiKeyFile, await readFile(backupKey), { mode: 0o600 });
    piiKeyRestored = true;
  }
  return {
    tables: manifest.tables.length,
    rows,
    files: restored.count,
    bytes: restored.bytes,
    corruptFiles: restored.corrupt,
    piiKeyInBackup: manifest.piiKey,
    piiKeyRestored,
    seconds: (performance.now() - started) / 1000,
  };
}
