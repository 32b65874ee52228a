import type { EntityManager } from '@mikro-orm/postgresql';
import { byKey } from '../../common/loaders.js';
import { Dispute, ReceiptReview } from './confirmation.entity.js';

export function confirmationLoaders(em: EntityManager) {
  return {
    reviewByReceiptRow: byKey(em, ReceiptReview, 'receiptRow', (review) => review.receiptRow.id),
    disputeByReceiptRow: byKey(em, Dispute, 'receiptRow', (dispute) => dispute.receiptRow.id),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof confirmationLoaders> {}
}
