import type { EntityManager } from '@mikro-orm/postgresql';
import { byId, byKey } from '../../common/loaders.js';
import { Dispute, ReceiptReview, ReceiptStaffConfirmation } from './confirmation.entity.js';
import { ReceiptRow } from './receipt.entity.js';
import { Submission, SubmissionRow } from './submission.entity.js';

export function roundLoaders(em: EntityManager) {
  return {
    submissionById: byId(em, Submission),
    submissionRowById: byId(em, SubmissionRow),
    receiptRowById: byId(em, ReceiptRow),
    reviewByReceiptRow: byKey(em, ReceiptReview, 'receiptRow', (review) => review.receiptRow.id),
    disputeByReceiptRow: byKey(em, Dispute, 'receiptRow', (dispute) => dispute.receiptRow.id),
    staffConfirmationByImport: byKey(
      em,
      ReceiptStaffConfirmation,
      'receiptImport',
      (confirmation) => confirmation.receiptImport.id,
    ),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof roundLoaders> {}
}
