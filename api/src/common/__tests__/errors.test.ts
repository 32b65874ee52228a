import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, databaseUnavailable, ErrorCode, formatError, notFound } from '../errors.js';

describe('formatError, the one error mapping', () => {
  it('passes errors the platform raised on purpose through, with their code', () => {
    const logged: unknown[] = [];
    const original = new GraphQLError(notFound('學生').message, { originalError: notFound('學生'), path: ['node'] });
    const result = formatError(
      { message: original.message, path: ['node'], extensions: { code: 'NOT_FOUND' } },
      original,
      (e) => logged.push(e),
      'r-1',
    );
    expect(result).toEqual({ message: '找不到指定的學生。', path: ['node'], extensions: { code: 'NOT_FOUND' } });
    expect(logged).toEqual([]);
  });

  it('hides an unexpected error behind a Chinese message with the request id, and logs it', () => {
    const logged: { requestId?: string; message: string }[] = [];
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const original = new GraphQLError(bug.message, { originalError: bug });
    const result = formatError(
      { message: bug.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      original,
      (entry) => logged.push(entry),
      'r-2',
    );
    expect(result.message).toBe('系統發生錯誤，請稍後再試。若持續發生，請將錯誤編號 r-2 告知學校資訊組。');
    expect(result.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: 'r-2' });
    expect(logged).toEqual([expect.objectContaining({ requestId: 'r-2', message: bug.message })]);
  });

  it('never sends a stack trace', () => {
    const error = new AppError(ErrorCode.FORBIDDEN, '沒有權限');
    const result = formatError(
      { message: '沒有權限', extensions: { code: 'FORBIDDEN', stacktrace: ['at y'] } },
      error,
      () => {},
    );
    expect(result.extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('databaseUnavailable', () => {
  it('knows the ways a lost PostgreSQL shows, and nothing a request did', () => {
    const driver = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
    for (const outage of [
      driver('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      driver('terminating connection due to administrator command', '57P01'),
      driver('the database system is starting up', '57P03'),
      driver('Connection terminated unexpectedly'),
      // The connection under an open transaction broke; the next statement finds the transaction over.
      driver('Transaction query already complete, run with DEBUG=knex:tx for more info'),
      Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }),
      Object.assign(new Error('wrapped'), { cause: driver('read ECONNRESET', 'ECONNRESET') }),
    ]) {
      expect(databaseUnavailable(outage), outage.message).toBe(true);
    }
    for (const mistake of [
      driver('duplicate key value violates unique constraint', '23505'),
      driver('new row violates row-level security policy', '42501'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      null,
    ]) {
      expect(databaseUnavailable(mistake)).toBe(false);
    }
  });
});
