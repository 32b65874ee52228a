/**
 * Knex expands an array binding into a comma-separated list, so arrays go to PostgreSQL as array literals
 * (bind as `?::text[]`).
 */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** MikroORM makes the pg driver return timestamps as strings; raw queries convert them here. */
export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string } | null;
  return pgError?.code === UNIQUE_VIOLATION && (constraint === undefined || pgError.constraint === constraint);
}

/** The SQLSTATE of an error from the pg driver, whether MikroORM wrapped it or not. */
export const pgCode = (error: unknown): string | undefined =>
  (error as { code?: string } | null)?.code ?? (error as { cause?: { code?: string } } | null)?.cause?.code;

/** Raised by the final_lock_guard triggers: the row belongs to a term and category that is finally submitted. */
export const FINAL_LOCKED = 'PF001';

/** Single statements, each committed on its own, on connections no request transaction ever holds. */
export interface StatementPool {
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
