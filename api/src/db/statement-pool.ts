import pg from 'pg';
import type { Logger } from '../common/logger.js';
import type { StatementPool } from '../common/sql.js';
import { clientOptions } from './connections.js';

/**
 * A few connections of portfolio_app's own login for statements that must commit whatever the request around them does (login
 * throttling). They cannot come from the request pool: every request there holds its connection for its whole
 * transaction, so twenty logins at once would each wait for a twenty-first connection that never comes free.
 */
export function createStatementPool(appUrl: string, log: Logger, max = 4): StatementPool {
  const pool = new pg.Pool({ ...clientOptions(appUrl), max });
  pool.on('error', (error) => log.warn('statement pool lost a connection', { error: error.message }));
  return {
    query: async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}
