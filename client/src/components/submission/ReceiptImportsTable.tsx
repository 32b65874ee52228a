import { RECEIPT_KIND_LABELS } from '../../lib/receipts';
import { TableScroll } from '../TableScroll';
import { rocDateTime } from '../../lib/roc';
import type { Category } from './category-card-types';

/** The receipt files imported for the latest submission, each to be confirmed as checked by the section. */
export function ReceiptImportsTable({
  receiptImports,
  canConfirm,
  disabled,
  onConfirm,
}: {
  receiptImports: Category['receiptImports'];
  canConfirm: boolean;
  disabled: boolean;
  onConfirm: (receiptImportId: string) => void;
}) {
  return (
    <TableScroll label="最近一次提交的收訖明細">
      <table data-testid="receipt-imports">
        <caption>最近一次提交的收訖明細</caption>
        <thead>
          <tr>
            <th>種類</th>
            <th>檔案</th>
            <th>匯入時間</th>
            <th>已收訖</th>
            <th>退件</th>
            <th>需要處理</th>
            <th>處室確認</th>
          </tr>
        </thead>
        <tbody>
          {receiptImports.map((receipt) => (
            <tr key={receipt.id}>
              <td>{RECEIPT_KIND_LABELS[receipt.kind]}</td>
              <td>{receipt.fileName}</td>
              <td>{rocDateTime(receipt.createdAt)}</td>
              <td className="number">{receipt.receivedCount.toLocaleString()}</td>
              <td className="number">{receipt.rejectedCount.toLocaleString()}</td>
              <td className="number">{receipt.flaggedCount.toLocaleString()}</td>
              <td>
                {receipt.staffConfirmation ? (
                  `已確認 ${rocDateTime(receipt.staffConfirmation.confirmedAt)}`
                ) : canConfirm ? (
                  <button type="button" className="secondary" disabled={disabled} onClick={() => onConfirm(receipt.id)}>
                    確認已檢查
                  </button>
                ) : (
                  '尚未確認'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
