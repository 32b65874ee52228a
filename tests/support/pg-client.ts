import pg from 'pg';

/** One plain connection to the database at url (the owner's, in tests), closed when fn is done. */
export async function withClient<T>(url: string, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}
