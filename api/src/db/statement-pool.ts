import pg from 'pg';
import type { Logger } from '../common/logger.js';
import { APP_ROLE } from './orm.js';

/** Single statements, each committed on its own, on connections no request transaction ever holds. */
export interface StatementPool {
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A few connections of portfolio_app for statements that must commit whatever the request around them does (login
 * throttling). They cannot come from the request pool: every request there holds its connection for its whole
 * transaction, so twenty logins at once would each wait for a twenty-first connection that never comes free.
 */
export function createStatementPool(databaseUrl: string, log: Logger, max = 4): StatementPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // Queued on the new connection before the statement it was opened for.
  pool.on('connect', (client) => {
    client.query(`set role ${APP_ROLE}`).catch((error: unknown) => {
      log.error('statement pool could not set its role', { error: error instanceof Error ? error.message : '' });
    });
  });
  pool.on('error', (error) => log.warn('statement pool lost a connection', { error: error.message }));
  return {
    query: async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}
