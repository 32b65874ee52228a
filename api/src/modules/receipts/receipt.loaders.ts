import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../common/loaders.js';
import { ReceiptRow } from './receipt.entity.js';

export function receiptLoaders(em: EntityManager) {
  return { receiptRowById: byId(em, ReceiptRow) };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof receiptLoaders> {}
}
