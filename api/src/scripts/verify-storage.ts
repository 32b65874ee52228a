import 'reflect-metadata';
import pg from 'pg';
import { loadConfig } from '../common/config.js';
import { createFileStorage } from '../modules/files/create-file-storage.js';
import { formatStorageReport, verifyStorage } from '../modules/files/verify-storage.js';
import { openOwnerDatabase } from './owner-database.js';

/**
 * npm run verify-storage: re-hashes every stored file that a row points at, in every school, and lists the missing
 * and corrupt ones; then counts the leftovers (files no row points at, uploads nothing uses) without removing any.
 * Exit code 0: all intact; 1: files missing or corrupt (leftovers never change it); 2: the check could not run.
 */
try {
  const config = loadConfig();
  const files = createFileStorage(config.files);
  const database = await openOwnerDatabase(config);
  const db = new pg.Client({ connectionString: database.url });
  try {
    await db.connect();
    const report = await verifyStorage(db, files, { leftoverGraceHours: config.files.leftoverGraceHours });
    process.stdout.write(`${formatStorageReport(report, files.location)}\n`);
    process.exitCode = report.problems.length > 0 ? 1 : 0;
  } finally {
    await db.end();
    await database.stop();
  }
} catch (error) {
  process.stderr.write(`verify-storage 無法完成：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
