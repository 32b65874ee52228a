import { rocDateTime } from '../../lib/roc';
import type { Category } from './category-card-types';
import { StageSteps } from './StageSteps';

/** Where a category stands in the round, and its counts of submissions, receipts, confirmations and disputes. */
export function CategoryStatus({ category }: { category: Category }) {
  const { review, disputes } = category;
  return (
    <>
      <StageSteps stage={category.stage} />
      <p data-testid="stage-label">
        <strong>{category.stageLabel}</strong>
        {category.finalLock && `（${rocDateTime(category.finalLock.lockedAt)}）`}
      </p>
      <div className="counters" data-testid="category-counts">
        <p className="counter-box">
          提交次數 <strong>{category.submissionCount}</strong>
        </p>
        <p className="counter-box">
          收訖明細 <strong>{category.receiptImports.length} 份</strong>（處室已確認 {category.staffConfirmedImports}）
        </p>
        <p className="counter-box">
          學生確認{' '}
          <strong>
            {review.confirmed}／{review.rows}
          </strong>
          （疑義 {review.disputed}、未確認 {review.unconfirmed}）
        </p>
        <p className="counter-box">
          疑義 待處理 {disputes.open}、處理中 {disputes.inReview}、已結案 {disputes.resolved}
          {disputes.awaitingResubmission > 0 && `、待重新提交 ${disputes.awaitingResubmission}`}
          {disputes.overdue > 0 && <span className="badge rejected">逾期 {disputes.overdue}</span>}
        </p>
      </div>
    </>
  );
}
