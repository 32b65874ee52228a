import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../common/loaders.js';
import { FileUpload } from './upload.entity.js';

export function filesLoaders(em: EntityManager) {
  return { uploadById: byId(em, FileUpload) };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof filesLoaders> {}
}
