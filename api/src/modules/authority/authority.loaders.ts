import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../common/loaders.js';
import { Authority } from './authority.entity.js';

export function authorityLoaders(em: EntityManager) {
  return { authorityById: byId(em, Authority) };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof authorityLoaders> {}
}
