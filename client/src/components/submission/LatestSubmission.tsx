import { formatSize } from '../../lib/evidence';
import { RECEIPT_KIND_LABELS } from '../../lib/receipts';
import { rocDateTime } from '../../lib/roc';
import type { Category } from './category-card-types';

/** The category's latest submission (when, by whom, its rosters) and the receipt files it still waits for. */
export function LatestSubmission({
  latest,
  missingReceiptKinds,
}: {
  latest: Category['latestSubmission'];
  missingReceiptKinds: Category['missingReceiptKinds'];
}) {
  if (!latest) return null;
  return (
    <>
      <p className="muted">
        最近一次提交：{rocDateTime(latest.createdAt)}，{latest.createdBy.displayName}；
        {latest.rosters.map((roster) => `${roster.path.split('/').pop()} ${roster.rows} 筆`).join('、')}
        {latest.viewerCanDownload && (
          <>
            {' '}
            <a href={latest.packageUrl}>下載資料包</a>（{formatSize(latest.zipSize)}
            {latest.evidenceFiles ? `，含 ${latest.evidenceFiles.toLocaleString()} 個佐證檔案` : ''}）
          </>
        )}
      </p>
      {missingReceiptKinds.length > 0 && (
        <p className="muted">
          待匯入的收訖明細：{missingReceiptKinds.map((kind) => RECEIPT_KIND_LABELS[kind]).join('、')}
        </p>
      )}
    </>
  );
}
