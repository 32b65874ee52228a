import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrateJobQueue } from '../modules/alerts/alert-worker.js';
import { type FileStorage, isSha256, storageKeyOf } from '../modules/files/file-storage.js';
import { eachLimited } from '../modules/files/verify-storage.js';
import { migrationsList } from './migrations/index.js';
import { initOrm } from './orm.js';

/**
 * Backup and restore of one installation: every row of the database and every stored file.
 *
 * The database part is a logical dump made here rather than by pg_dump: the embedded PostgreSQL ships no pg_dump,
 * and a pg_dump older than the server refuses to run. Each table goes out with COPY inside one REPEATABLE READ
 * snapshot (gzip, SHA-256 in the manifest). A restore builds the schema with the application's own migrations, up to
 * the last one the backup had, so roles, row-level security, grants and definer functions come out exactly as a
 * fresh install makes them, for whatever role restores; then it loads the rows.
 *
 * Layout of a backup folder:
 *   manifest.json              written last: a folder without it is not a finished backup
 *   db/<schema>.<table>.copy.gz
 *   files/ab/cd/<sha256>       the stored files the snapshot's upload rows, submission packages and pre-check
 *                              rosters point at, each checked against its hash
 *   pii.key                    the generated PII key, when the installation uses one (keep the folder private)
 */

export const BACKUP_FORMAT = 'learning-portfolio-backup';
const SCHEMAS = ['public', 'graphile_worker'];
/** Filled by the migrations themselves, compared rather than copied. */
const BOOKKEEPING = new Set(['public.mikro_orm_migrations', 'graphile_worker.migrations']);

export interface BackupTable {
  schema: string;
  name: string;
  columns: string[];
  rows: number;
  file: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  seconds: number;
  database: {
    serverVersion: string;
    /** The database's time of the snapshot every table was read in. */
    snapshotAt: string;
    migrations: string[];
    jobQueueMigration: number | null;
  };
  tables: BackupTable[];
  sequences: { schema: string; name: string; lastValue: string; isCalled: boolean }[];
  files: { count: number; bytes: number; missing: string[]; corrupt: string[] };
  /** Whether pii.key is in the folder. Without it (PII_ENCRYPTION_KEY set) the key must be kept elsewhere. */
  piiKey: boolean;
}

export interface BackupOptions {
  databaseUrl: string;
  files: FileStorage;
  dir: string;
  /** The generated key file to include (embedded installation), or null. */
  piiKeyFile: string | null;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const qualified = (schema: string, name: string): string => `${quoteIdent(schema)}.${quoteIdent(name)}`;

/** Passes bytes through while hashing and counting them. */
class Hashing extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null, data?: Buffer) => void,
  ) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

async function sha256OfFile(file: string): Promise<string> {
  const hashing = new Hashing();
  await pipeline(createReadStream(file), hashing, async (source: AsyncIterable<Buffer>) => {
    for await (const _chunk of source);
  });
  return hashing.hash.digest('hex');
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // COPY's text is read back by another server, maybe set up otherwise: fix every setting that shapes it.
  await client.query(
    "set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set client_encoding = 'UTF8'",
  );
  return client;
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
  const dbDir = path.join(options.dir, 'db');
  const filesDir = path.join(options.dir, 'files');
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
        file: `db/${file}`,
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
        `select sha256 from upload where sha256 is not null
         union select zip_sha256 from submission
         union select roster_sha256 from precheck_run
         order by 1`,
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
    await writeFile(path.join(options.dir, 'pii.key'), await readFile(options.piiKeyFile), { mode: 0o600 });
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
  await writeFile(path.join(options.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await chmod(options.dir, 0o700);
  return manifest;
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

export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${dir} 裡沒有 manifest.json：這不是完成的備份。`);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== 1) {
    throw new Error(`${file} 不是本平臺的備份（格式 ${String(manifest.format)} 版本 ${String(manifest.version)}）。`);
  }
  return manifest;
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
  const backupKey = path.join(options.dir, 'pii.key');
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

  const restored = await restoreFiles(options.files, path.join(options.dir, 'files'));
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
