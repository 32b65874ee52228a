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
