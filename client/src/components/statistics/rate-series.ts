import type { ProgressRow } from '../../lib/statistics-rows';
import type { RateSeries } from '../RateBars';

export const UPLOAD_SERIES: RateSeries[] = [{ name: '上傳率', color: '#2e90fa' }];

export const PROGRESS_SERIES: RateSeries[] = [
  { name: '上傳率', color: '#2e90fa' },
  { name: '認證率', color: '#12b76a' },
  { name: '勾選率', color: '#f79009' },
  { name: '確認率', color: '#7a5af8' },
];

/** A progress row's rates in PROGRESS_SERIES' order. */
export const progressValues = (row: ProgressRow): (number | null)[] => [
  row.uploadRatePct ?? null,
  row.certificationRatePct ?? null,
  row.selectionRatePct ?? null,
  row.confirmationRatePct ?? null,
];
