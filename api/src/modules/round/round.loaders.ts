import type { EntityManager } from '@mikro-orm/postgresql';
import { byId, byKey } from '../../common/loaders.js';
import { Dispute, ReceiptReview } from './confirmation.entity.js';
import { ReceiptRow } from './receipt.entity.js';

export function roundLoaders(em: EntityManager) {
  return {
    receiptRowById: byId(em, ReceiptRow),
    reviewByReceiptRow: byKey(em, ReceiptReview, 'receiptRow', (review) => review.receiptRow.id),
    disputeByReceiptRow: byKey(em, Dispute, 'receiptRow', (dispute) => dispute.receiptRow.id),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof roundLoaders> {}
}
