import type { DisputeStatus, ReceiptKind, ReceiptStatus, Reconciliation } from '../gql/graphql';

/** Labels of the receipt round's states, as the schema describes them, for the student's and the staff's pages. */
export const RECEIPT_STATUS_LABELS: Record<ReceiptStatus, string> = {
  RECEIVED: '已收訖',
  REJECTED: '退件',
  MISSING: '收訖明細未列出',
};

export const RECONCILIATION_LABELS: Record<Reconciliation, string> = {
  OK: '相符',
  CHANGED: '內容不同',
  EXTRA: '收訖明細多出',
  MISSING: '收訖明細缺漏',
  REJECTED: '相符但被退件',
};

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  OPEN: '待處理',
  IN_REVIEW: '處理中',
  RESOLVED_CORRECTED: '已更正（將於下次提交送出）',
  RESOLVED_NO_CHANGE: '已回覆（資料無誤）',
};

export const RECEIPT_KIND_LABELS: Record<ReceiptKind, string> = {
  CADRES: '校內幹部',
  COURSE_RECORDS: '修課紀錄',
  COURSE_OUTCOMES: '課程學習成果',
  PERFORMANCES: '多元表現',
};
