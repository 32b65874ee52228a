import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deferBegin } from '../../api/src/db/deferred-begin.js';
import { testDatabaseUrl } from '../support/test-database.js';

let connection: pg.Client;
let sent: string[] = [];
const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const original = proto.query;

beforeAll(async () => {
  connection = new pg.Client({ connectionString: testDatabaseUrl() });
  await connection.connect();
  deferBegin(connection);
  // What reaches the wire: every message the wrapper sends goes through the class's method.
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (this === connection) {
      const query = args[0] as string | { text?: string };
      sent.push(typeof query === 'string' ? query : (query.text ?? ''));
    }
    return original.apply(this, args);
  };
});
afterEach(() => {
  sent = [];
});
afterAll(async () => {
  proto.query = original;
  await connection.end();
});

/** One statement as knex sends it: a config object and a callback. */
function run(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  return new Promise((resolve, reject) =>
    (connection.query as (config: unknown, callback: (error: Error | null, result: pg.QueryResult) => void) => void)(
      { text, values },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
}

const setting = async () => (await run("select current_setting('app.probe', true) as value")).rows[0].value as string;

describe('a connection that holds BEGIN back', () => {
  it('sends BEGIN with the first statement as one message, and the transaction is real', async () => {
    expect((await run('BEGIN;')).command).toBe('BEGIN');
    expect(sent).toEqual([]);
    const first = await run("select set_config('app.probe', 'inside', true) as value");
    expect(first.rows).toEqual([{ value: 'inside' }]);
    expect(await setting()).toBe('inside');
    await run('COMMIT;');
    // set_config(…, true) lasts as long as the transaction: it was one, and it ended at COMMIT.
    expect(await setting()).not.toBe('inside');
    expect(sent[0]).toBe("BEGIN; select set_config('app.probe', 'inside', true) as value");
    expect(sent).toHaveLength(4);
  });

  it('keeps the isolation level BEGIN asked for', async () => {
    await run('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ;');
    expect((await run('show transaction_isolation')).rows).toEqual([{ transaction_isolation: 'repeatable read' }]);
    await run('ROLLBACK');
  });

  it('sends BEGIN on its own first when the first statement has parameters', async () => {
    await run('BEGIN;');
    expect((await run('select set_config($1, $2, true) as value', ['app.probe', 'param'])).rows).toEqual([
      { value: 'param' },
    ]);
    expect(await setting()).toBe('param');
    await run('ROLLBACK');
    expect(await setting()).not.toBe('param');
    expect(sent.slice(0, 2)).toEqual(['BEGIN;', 'select set_config($1, $2, true) as value']);
  });

  it('sends nothing for a transaction that ends before its first statement, and the next statement runs alone', async () => {
    await run('BEGIN;');
    expect((await run('COMMIT;')).command).toBe('COMMIT');
    await run('BEGIN;');
    expect((await run('ROLLBACK')).command).toBe('ROLLBACK');
    expect(sent).toEqual([]);
    await run("select set_config('app.probe', 'alone', true)");
    expect(await setting()).not.toBe('alone');
  });

  it('answers a failing first statement with its error, rolls back, and goes on', async () => {
    await run('BEGIN;');
    await expect(run('select 1/0')).rejects.toThrow(/division by zero/);
    await expect(run('select 1')).rejects.toThrow(/current transaction is aborted/);
    await run('ROLLBACK');
    expect((await run('select 2 as two')).rows).toEqual([{ two: 2 }]);
  });

  it('refuses a statement of another form while it holds BEGIN, which would otherwise run outside the transaction', async () => {
    await run('BEGIN;');
    expect(() => connection.query('select 1')).toThrow(/holding BEGIN/);
    await run('ROLLBACK');
    expect((await connection.query('select 3 as three')).rows).toEqual([{ three: 3 }]);
  });
});
