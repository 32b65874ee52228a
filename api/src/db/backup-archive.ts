import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import pg from 'pg';

/**
 * The backup folder as both sides see it: its layout, the manifest that describes it, and the few helpers whose
 * behaviour must be identical when the folder is written and when it is read back. backup.ts writes a folder and
 * restore.ts reads one; neither imports the other, only this file.
 *
 * The database part is a logical dump made here rather than by pg_dump: the embedded PostgreSQL ships no pg_dump,
 * and a pg_dump older than the server refuses to run.
 *
 * Layout of a backup folder:
 *   manifest.json              written last: a folder without it is not a finished backup
 *   db/<schema>.<table>.copy.gz
 *   files/ab/cd/<sha256>       the stored files the snapshot's upload rows, submission packages and pre-check
 *                              rosters point at, each checked against its hash
 *   pii.key                    the generated PII key, when the installation uses one (keep the folder private)
 */

export const BACKUP_FORMAT = 'learning-portfolio-backup';
export const MANIFEST_FILE = 'manifest.json';
export const DB_DIR = 'db';
export const FILES_DIR = 'files';
export const PII_KEY_FILE = 'pii.key';
export const SCHEMAS = ['public', 'graphile_worker'];

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

export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new Error(`${dir} 裡沒有 manifest.json：這不是完成的備份。`);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== 1) {
    throw new Error(`${file} 不是本平臺的備份（格式 ${String(manifest.format)} 版本 ${String(manifest.version)}）。`);
  }
  return manifest;
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const qualified = (schema: string, name: string): string => `${quoteIdent(schema)}.${quoteIdent(name)}`;

/** Passes bytes through while hashing and counting them. */
export class Hashing extends Transform {
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

export async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // COPY's text is read back by another server, maybe set up otherwise: fix every setting that shapes it.
  await client.query(
    "set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set client_encoding = 'UTF8'",
  );
  return client;
}
