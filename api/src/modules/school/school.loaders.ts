import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byId, hydrateRows } from '../../common/loaders.js';
import type { SchoolReference } from './school-reference.js';
import { School } from './school.entity.js';

export function schoolLoaders(em: EntityManager, reference: SchoolReference | null) {
  const fromDatabase = byId(em, School);
  return {
    /** The viewer's own school from its cached reference row; any other (a bureau's list) from PostgreSQL. */
    schoolById: reference
      ? new DataLoader<string, School | null>(async (ids) =>
          Promise.all(
            ids.map((id) =>
              id === reference.schoolId ? hydrateRows(em, School, [reference.school])[0]! : fromDatabase.load(id),
            ),
          ),
        )
      : fromDatabase,
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof schoolLoaders> {}
}
