import { formatCount, formatPercent } from '../../lib/statistics-format';
import type { ClassProgressRow, ClassRow } from '../../lib/statistics-rows';
import { RateBars } from '../RateBars';
import { PROGRESS_SERIES, progressValues } from './rate-series';

/** The chosen class's main figures and, when it has a window open, its progress this term. */
export function ClassDetail({
  row,
  progress,
  termLabel,
  onClose,
}: {
  row: ClassRow;
  progress: ClassProgressRow | undefined;
  termLabel: string;
  onClose: () => void;
}) {
  return (
    <div className="class-detail" role="region" aria-label={`${row.className} 班統計`}>
      <h2>{row.className} 班</h2>
      <dl>
        <dt>學生數</dt>
        <dd>{formatCount(row.students)}</dd>
        <dt>上傳率</dt>
        <dd>{formatPercent(row.uploadRatePct)}</dd>
        <dt>課程學習成果件數</dt>
        <dd>{formatCount(row.outcomesUploaded)}</dd>
        <dt>教師認證件數</dt>
        <dd>{formatCount(row.outcomesCertified)}</dd>
      </dl>
      {progress && (
        <RateBars
          title={`${row.className} 班本學期進度`}
          series={PROGRESS_SERIES}
          categories={[{ key: 'term', label: termLabel, values: progressValues(progress) }]}
        />
      )}
      <button type="button" className="secondary" onClick={onClose}>
        關閉
      </button>
    </div>
  );
}
