/**
 * The hand-written SQL baseline of issue 22's page ratios, run by ratios.bench.ts as its own process: Express 5 (the
 * platform's version, with the same JSON body parser), a pg pool of portfolio_app's own login as large as the
 * platform's request pool, and per request what a platform request does around its data: the bearer session resolved
 * by auth_resolve_session on a pool connection of its own, then BEGIN, the tenant's set_config, ONE statement that
 * returns the page's data as JSON (page-sql.ts), COMMIT, and the JSON sent.
 *
 * Environment: DATABASE_APP_URL (portfolio_app), PAGE_LABELS (jsonb of the platform's label tables), PORT, POOL_SIZE.
 * Prints `listening <port>` once it accepts requests.
 */
import { createHash } from 'node:crypto';
import express from 'express';
import pg from 'pg';
import { PAGE_SQL, type PageName } from './page-sql.js';

interface SessionRow {
  account_id: string;
  school_id: string | null;
  authority_id: string;
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_APP_URL, max: Number(process.env.POOL_SIZE ?? 20) });
const labels = process.env.PAGE_LABELS ?? '{}';

const bearer = (header: string | undefined): string | null => {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match ? match[1]! : null;
};

/** The term argument as the client sends it (a global id, `Term:uuid` in base64url), as a uuid. */
const termIdOf = (globalId: unknown): string | null => {
  if (typeof globalId !== 'string') return null;
  const match = /^Term:([0-9a-f-]{36})$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  return match ? match[1]! : null;
};

const app = express();
app.disable('x-powered-by');
app.post('/page/:name', express.json({ limit: '1mb' }), async (req, res) => {
  const name = req.params.name as PageName;
  const sql = PAGE_SQL[name];
  const token = bearer(req.headers.authorization);
  if (!sql || !token || token.length > 200) {
    res.status(sql ? 401 : 404).json({ error: sql ? 'unauthenticated' : 'no such page' });
    return;
  }
  try {
    const hash = createHash('sha256').update(token, 'utf8').digest();
    const session = (
      await pool.query<SessionRow>('select account_id, school_id, authority_id from auth_resolve_session($1, $2)', [
        hash,
        new Date(),
      ])
    ).rows[0];
    if (!session) {
      res.status(401).json({ error: 'unauthenticated' });
      return;
    }
    const termId = termIdOf((req.body as { termId?: unknown } | undefined)?.termId);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('app.school_id', $1, true), set_config('app.authority_id', $2, true)", [
        session.school_id ?? '',
        session.authority_id ?? '',
      ]);
      const { rows } = await client.query<[unknown]>({
        text: sql,
        values: [session.account_id, termId, labels],
        rowMode: 'array',
      });
      await client.query('commit');
      res.json({ data: rows[0]?.[0] ?? null });
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } catch (error) {
    res.status(500).json({ error: error instanceof Error ? error.message : String(error) });
  }
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
