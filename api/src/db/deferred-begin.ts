import type pg from 'pg';

type Callback = (error: Error | null, result?: unknown) => void;

interface QueryConfig {
  text?: string;
  values?: unknown[];
  name?: string;
  submit?: unknown;
}

const BEGIN = /^\s*begin\b/i;
const END = /^\s*(commit|rollback)\s*;?\s*$/i;

/** What knex reads from BEGIN's, COMMIT's or ROLLBACK's result. */
const NO_ROWS = { command: '', rows: [], rowCount: null, fields: [] };

function sendsAsText(config: QueryConfig): boolean {
  return (
    typeof config.text === 'string' &&
    config.submit === undefined &&
    config.name === undefined &&
    (config.values === undefined || config.values.length === 0)
  );
}

/**
 * Holds a connection's BEGIN back and sends it in one message with the transaction's first statement, saving a round
 * trip per transaction. Every request transaction begins with the tenant's set_config, and MikroORM sends it (as
 * every statement it builds) with its values in the text, so the two go as one simple query. A transaction that ends
 * before its first statement sends nothing at all. A first statement with parameters (which the simple protocol
 * cannot carry with another) waits for BEGIN's answer instead, as without this.
 *
 * Only knex's pool connections are wrapped, and knex ends every transaction it begins with COMMIT or ROLLBACK on
 * the same connection before releasing it, so a held BEGIN never reaches another transaction.
 */
export function deferBegin(connection: pg.Client): void {
  // The class's method, looked up at each call as an unwrapped connection would (whatever observes pg sees these too).
  const send = (...args: unknown[]): unknown =>
    (Object.getPrototypeOf(connection) as { query: (...args: unknown[]) => unknown }).query.apply(connection, args);
  let held: string | null = null;
  const answer = (callback: Callback, result: unknown) => process.nextTick(() => callback(null, result));
  (connection as unknown as { query: unknown }).query = (config: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof values !== 'function' || typeof config !== 'object' || config === null || rest.length > 0) {
      // knex sends every statement as (config, callback); anything else (a promise, separate values, a stream) is
      // someone else's use of the connection and must not land inside a transaction begun here.
      if (held !== null) throw new Error("a statement other than knex's reached a connection holding BEGIN");
      return send(config, values, ...rest);
    }
    const callback = values as Callback;
    const query = config as QueryConfig;
    if (held === null) {
      if (sendsAsText(query) && BEGIN.test(query.text!)) {
        held = query.text!.trim().replace(/;?$/, ';');
        answer(callback, { ...NO_ROWS, command: 'BEGIN' });
        return undefined;
      }
      return send(config, callback);
    }
    const begin = held;
    held = null;
    if (sendsAsText(query) && END.test(query.text!)) {
      answer(callback, { ...NO_ROWS, command: query.text!.trim().split(/\W/)[0]!.toUpperCase() });
      return undefined;
    }
    if (sendsAsText(query)) {
      // One simple query with two statements answers with both results; the caller asked for its own, the last.
      return send({ ...query, text: `${begin} ${query.text}` }, (error: Error | null, result: unknown) =>
        callback(error, Array.isArray(result) ? result[result.length - 1] : result),
      );
    }
    send(begin, (error: Error | null) => (error ? callback(error) : send(config, callback)));
    return undefined;
  };
}
