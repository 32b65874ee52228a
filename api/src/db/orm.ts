import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type pg from 'pg';
import { deferBegin } from './deferred-begin.js';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export type OrmRole = 'owner' | 'app';

function ormOptions(databaseUrl: string, role: OrmRole, debug: boolean, poolSize: number): Options {
  return {
    clientUrl: databaseUrl,
    entities,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug,
    // The request pool logs in as portfolio_app itself (db/connections.ts): no session state to set on a connection.
    pool: {
      min: 0,
      max: role === 'app' ? poolSize : 5,
      afterCreate: (connection: pg.Client, done: (error: Error | null, connection: pg.Client) => void) => {
        deferBegin(connection);
        done(null, connection);
      },
    },
    // The schema is owned by the committed migrations; nothing is synchronised at runtime.
    ensureDatabase: false,
    allowGlobalContext: false,
    // MikroORM would join every to-one relation of a filtered entity to apply the tenant filter to it as well. Every
    // such relation is a composite foreign key on (school_id, …), so the row it names is always of the same school:
    // the joins could never drop a row, and cost each query a join per relation.
    autoJoinRefsForFilters: false,
  };
}

/** The request pool's default size: connections one instance holds for request transactions at most. */
export const DEFAULT_REQUEST_POOL_SIZE = 20;

export function initOrm(
  databaseUrl: string,
  role: OrmRole,
  options: { debug?: boolean; poolSize?: number } = {},
): Promise<MikroORM> {
  return MikroORM.init(
    ormOptions(databaseUrl, role, options.debug ?? false, options.poolSize ?? DEFAULT_REQUEST_POOL_SIZE),
  );
}

export async function runMigrations(owner: MikroORM): Promise<string[]> {
  const applied = await owner.getMigrator().up();
  return applied.map((migration) => migration.name);
}
