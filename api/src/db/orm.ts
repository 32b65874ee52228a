import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export const APP_ROLE = 'portfolio_app';

export type OrmRole = 'owner' | 'app';

function ormOptions(databaseUrl: string, role: OrmRole, debug: boolean): Options {
  return {
    clientUrl: databaseUrl,
    entities,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug,
    // The request pool logs in as portfolio_app itself (db/connections.ts): no session state to set on a connection.
    pool: role === 'app' ? { min: 0, max: 20 } : { min: 0, max: 5 },
    // The schema is owned by the committed migrations; nothing is synchronised at runtime.
    ensureDatabase: false,
    allowGlobalContext: false,
  };
}

export function initOrm(databaseUrl: string, role: OrmRole, debug = false): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl, role, debug));
}

export async function runMigrations(owner: MikroORM): Promise<string[]> {
  const applied = await owner.getMigrator().up();
  return applied.map((migration) => migration.name);
}
