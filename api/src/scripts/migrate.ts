import 'reflect-metadata';
import { migrateDatabase, resolvePiiKey } from '../bootstrap.js';
import { createLogger } from '../common/logger.js';
import { loadConfig } from '../common/config.js';
import { resolveDatabaseUrls } from '../db/connections.js';
import { openOwnerDatabase } from './owner-database.js';

/**
 * npm run migrate: applies the schema's and the job queue's migrations and sets up the request login, for
 * deployments that migrate before rolling out a new version (every start also does it, under the same lock, so
 * this is never required). Exit code 0: the schema is current; 1: it could not be migrated.
 */
try {
  const config = loadConfig();
  const database = await openOwnerDatabase(config);
  try {
    // The PII key only derives portfolio_app's password; with DATABASE_APP_URL there is nothing to derive.
    const piiKey = config.databaseAppUrl ? '' : await resolvePiiKey(config);
    const urls = resolveDatabaseUrls(
      { owner: database.url, direct: config.databaseDirectUrl, app: config.databaseAppUrl },
      piiKey,
    );
    const applied = await migrateDatabase(urls, createLogger('silent'));
    process.stdout.write(
      applied.length > 0
        ? `已套用 ${applied.length} 個資料庫遷移：\n${applied.join('\n')}\n`
        : '資料庫結構已是最新。\n',
    );
  } finally {
    await database.stop();
  }
} catch (error) {
  process.stderr.write(`migrate 無法完成：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
