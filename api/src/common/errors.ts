import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { CATEGORY_LABELS, type SubmissionCategory } from './submission-category.js';
import { FINAL_LOCKED, pgCode } from './sql.js';

/**
 * Failures that are not the user's to fix in a form: they are thrown and reach the client as GraphQL errors
 * with a stable code. Failures a user can fix travel as userErrors in mutation payloads instead.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  /** The person signs in with a password somebody else set and must set their own first. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  /** The person's account may read but not change anything (休學, 轉出 or 畢業 within the grace period). */
  READ_ONLY: 'READ_ONLY',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TERM_FINALIZED: 'TERM_FINALIZED',
  TOO_MANY_SUBSCRIPTIONS: 'TOO_MANY_SUBSCRIPTIONS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (): AppError =>
  new AppError(ErrorCode.UNAUTHENTICATED, '請先登入，或登入已逾時，請重新登入。');
export const forbidden = (what = '這項操作'): AppError =>
  new AppError(ErrorCode.FORBIDDEN, `您的帳號沒有權限執行${what}。`);
export const notFound = (what = '資料'): AppError => new AppError(ErrorCode.NOT_FOUND, `找不到指定的${what}。`);
export const badInput = (message: string, field?: string): AppError =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

/** The database names the term (HINT) and the category (DETAIL) the refused row belongs to. */
function finalLockedMessage(error: unknown): string {
  const pg = ((error as { cause?: unknown } | null)?.cause ?? error) as { hint?: string; detail?: string } | null;
  const what = CATEGORY_LABELS[pg?.detail as SubmissionCategory] ?? '資料';
  return `${pg?.hint ?? '這個學期'}的「${what}」已完成最終提交，資料不能再新增、修改或刪除。`;
}

/**
 * Whether an error is the connection to PostgreSQL itself failing (down, restarting, refusing us, the pool timing out
 * waiting for it): nothing the request did, and worth trying again shortly.
 */
export function databaseUnavailable(error: unknown): boolean {
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    const name = (candidate as { name?: unknown } | null)?.name;
    if (name === 'KnexTimeoutError' || name === 'ConnectionException') return true;
    if (typeof code === 'string' && (/^(08|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET'].includes(code))) {
      return true;
    }
    const message = candidate instanceof Error ? candidate.message : '';
    // The last: knex's word when the connection under an open transaction broke (it ends the transaction, and the
    // request's next statement finds it over). A bug could say the same, but no request code outlives its transaction.
    if (
      /Connection terminated|Client has encountered a connection error|connect ECONNREFUSED|Transaction query already complete/i.test(
        message,
      )
    ) {
      return true;
    }
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = '系統暫時無法存取資料庫，這次的操作沒有完成，請稍後再試一次。';

/** graphql-js suggests field and type names in validation errors; in production the schema is not told that way. */
export const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean .*\?\s*$/s, '');

interface DatabaseError {
  code: string;
  table?: string;
  constraint?: string;
}

/**
 * The PostgreSQL error in an error (as the pg driver raised it, or as MikroORM copied it): one with a SQLSTATE and a
 * severity. A system error's code (ENOSPC, EPIPE) is not one.
 */
function databaseErrorOf(error: unknown): DatabaseError | null {
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    const pg = candidate as { code?: unknown; severity?: unknown } | null | undefined;
    if (typeof pg?.code === 'string' && /^[0-9A-Z]{5}$/.test(pg.code) && typeof pg.severity === 'string') {
      return pg as DatabaseError;
    }
  }
  return null;
}

/** What the database refused, as the user's input: a code for a userError and the message a person reads. */
export interface DatabaseRefusal {
  code: 'DUPLICATE' | 'REFERENCE_NOT_FOUND' | 'INVALID_VALUE';
  message: string;
}

/**
 * The database refused a value the checks before it let through (a unique or check constraint, a malformed or
 * out-of-range value): the user's input, not a bug, so it is answered as bad input. Which message depends on the
 * class of the SQLSTATE; the value itself is never repeated.
 */
export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  const code = databaseErrorOf(error)?.code;
  if (code === '23505') return { code: 'DUPLICATE', message: '已有相同的資料，請勿重複建立；請重新整理頁面確認。' };
  if (code === '23503') {
    return { code: 'REFERENCE_NOT_FOUND', message: '輸入所指的資料不存在或已被刪除，請重新整理頁面後再試。' };
  }
  if (code === '23514' || code === '23502' || code?.startsWith('22')) {
    return { code: 'INVALID_VALUE', message: '輸入的資料格式或範圍不正確，請檢查後再試。' };
  }
  return null;
}

/**
 * What the log may say of an error. A database error's message (as MikroORM builds it) carries the failing SQL with its
 * parameters inlined, and its detail the offending values: the log gets the SQLSTATE and the constraint instead.
 */
export function loggableError(error: unknown): { error: string; stack?: string } {
  const pg = databaseErrorOf(error);
  if (pg) {
    const { code } = pg;
    const where = [pg.table, pg.constraint].filter(Boolean).join(' ');
    const frames = error instanceof Error ? error.stack?.split('\n').filter((line) => /^\s+at /.test(line)) : [];
    return { error: `database error ${code}${where ? ` (${where})` : ''}`, stack: frames?.join('\n') };
  }
  return { error: error instanceof Error ? error.message : String(error), stack: (error as Error | null)?.stack };
}

/** Codes the client may see as they are; anything else is an unexpected failure and is hidden. */
const PASS_THROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLogger {
  (entry: { requestId?: string; message: string; path?: readonly (string | number)[]; stack?: string }): void;
}

/**
 * The one place where errors become what the client sees. Unexpected errors are logged (message and stack only:
 * variables can hold passwords or national IDs and are never logged) and replaced by a generic message.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  log: ErrorLogger,
  requestId?: string,
  options: { hideSchema?: boolean } = {},
): GraphQLFormattedError {
  const shown = clientError(formatted, original, log, requestId);
  return options.hideSchema ? { ...shown, message: withoutSuggestions(shown.message) } : shown;
}

function clientError(
  formatted: GraphQLFormattedError,
  original: unknown,
  log: ErrorLogger,
  requestId?: string,
): GraphQLFormattedError {
  const cause = original instanceof GraphQLError ? (original.originalError ?? original) : original;
  if (pgCode(cause) === FINAL_LOCKED) {
    return { message: finalLockedMessage(cause), path: formatted.path, extensions: { code: ErrorCode.TERM_FINALIZED } };
  }
  if (databaseUnavailable(cause)) {
    const { error, stack } = loggableError(cause);
    log({ requestId, message: error, stack, path: formatted.path });
    return {
      message: `${DATABASE_UNAVAILABLE_MESSAGE}（錯誤編號 ${requestId ?? '—'}）`,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, requestId },
    };
  }
  const refusal = databaseRefusal(cause);
  if (refusal) {
    const { error, stack } = loggableError(cause);
    log({ requestId, message: error, stack, path: formatted.path });
    return {
      message: refusal.message,
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'DATABASE_CONSTRAINT' },
    };
  }
  if (cause instanceof ArgumentValidationError) {
    return { message: '輸入資料格式不正確。', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  const code = (formatted.extensions?.code as string | undefined) ?? ErrorCode.INTERNAL_SERVER_ERROR;
  if (cause instanceof AppError || (PASS_THROUGH_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const { error, stack } = loggableError(cause);
  log({ requestId, message: error, stack, path: formatted.path });
  return {
    message: `系統發生錯誤，請稍後再試。若持續發生，請將錯誤編號 ${requestId ?? '—'} 告知學校資訊組。`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
