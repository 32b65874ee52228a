import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../common/loaders.js';
import type { SchoolReference } from './school-reference.js';
import { School } from './school.entity.js';

export function schoolLoaders(em: EntityManager, reference: SchoolReference | null) {
  // The viewer's own school from its cached reference row; any other (a bureau's list) from PostgreSQL.
  return { schoolById: byId(em, School, reference?.schools) };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof schoolLoaders> {}
}
