import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../common/loaders.js';
import { School } from './school.entity.js';

export function schoolLoaders(em: EntityManager) {
  return { schoolById: byId(em, School) };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof schoolLoaders> {}
}
