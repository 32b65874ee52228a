import { inject } from 'vitest';

/**
 * The database this test file runs on: its worker's own copy of the migrated database (global-setup.ts makes one per
 * worker), so files running side by side never take each other's alert jobs or see each other's job queue.
 */
export function testDatabaseUrl(): string {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${workerDatabaseName(decodeURIComponent(url.pathname.slice(1)), process.env.VITEST_POOL_ID ?? '1')}`;
  return url.toString();
}

/** The name of worker `poolId`'s copy of `database`. */
export function workerDatabaseName(database: string, poolId: string | number): string {
  return `${database}_w${poolId}`;
}
