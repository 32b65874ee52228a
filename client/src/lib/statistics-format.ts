/**
 * Figures as on the bureau's slide: counts with thousands separators, rates with two decimals. A null figure is a
 * row hidden by the privacy threshold (STATS_SUPPRESS_BELOW), shown as a mark rather than a zero that would lie.
 */
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const SUPPRESSED_MARK = '＊';

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? SUPPRESSED_MARK : counts.format(value);
}

export function formatDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? SUPPRESSED_MARK : twoDecimals.format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? SUPPRESSED_MARK : `${twoDecimals.format(value)}%`;
}

/** The figures every statistics row carries (cohort, school and class rows alike). */
export interface Figures {
  suppressed: boolean;
  students?: number | null;
  uploaders?: number | null;
  nonUploaders?: number | null;
  uploadRatePct?: number | null;
  outcomesUploaded?: number | null;
  outcomesPerUploader?: number | null;
  outcomesCertified?: number | null;
  performancesUploaded?: number | null;
  counselingRecords?: number | null;
}

/** The slide's figure columns after 入學年度 and 校數, in its order, with its headers (as the export's). */
export const FIGURE_COLUMNS: { header: string; format: (row: Figures) => string }[] = [
  { header: '學生總人數', format: (row) => formatCount(row.students) },
  { header: '上傳人數', format: (row) => formatCount(row.uploaders) },
  { header: '尚未上傳人數', format: (row) => formatCount(row.nonUploaders) },
  { header: '學生上傳比率', format: (row) => formatPercent(row.uploadRatePct) },
  { header: '課程學習成果上傳總件數', format: (row) => formatCount(row.outcomesUploaded) },
  { header: '平均每生上傳件數', format: (row) => formatDecimal(row.outcomesPerUploader) },
  { header: '教師認證件數', format: (row) => formatCount(row.outcomesCertified) },
  { header: '多元表現上傳總件數', format: (row) => formatCount(row.performancesUploaded) },
  { header: '課程諮詢紀錄總件數', format: (row) => formatCount(row.counselingRecords) },
];
