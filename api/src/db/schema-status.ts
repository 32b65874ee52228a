import { migrationsList } from './migrations/index.js';

/**
 * The migrations this build knows that the database has not applied (an instance must not serve a schema older
 * than its code; a newer one is fine: rolling out, the new version migrates first and the old keeps serving).
 */
export async function pendingMigrations(query: <T>(sql: string, params: unknown[]) => Promise<T[]>): Promise<string[]> {
  const applied = new Set(
    (await query<{ name: string }>('select name from mikro_orm_migrations', [])).map((row) => row.name),
  );
  return migrationsList.map((migration) => migration.name).filter((name) => !applied.has(name));
}
