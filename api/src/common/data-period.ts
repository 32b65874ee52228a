import { termKey, termLabel } from './roc.js';

/**
 * The period of data a window or a package governs (DOMAIN.md §2–§4): one term (semester 1 or 2) or a whole academic
 * year (semester 0, written `112_0` like the central rosters do). It names the data, not the month the work happens in.
 */
export interface DataPeriod {
  year: number;
  semester: 0 | 1 | 2;
}

const isAnnualPeriod = (period: DataPeriod): boolean => period.semester === 0;

/** 「1121」 or 「112_0」. */
export function periodKey(period: DataPeriod): string {
  return isAnnualPeriod(period) ? `${period.year}_0` : termKey(period.year, period.semester);
}

/** 「112學年度第1學期」 or 「112學年度」. */
export function periodLabel(period: DataPeriod): string {
  return isAnnualPeriod(period) ? `${period.year}學年度` : termLabel(period.year, period.semester);
}

/** Reads 「1121」, 「11201」 (the slides' form) or 「112_0」 (a whole academic year); null for anything else. */
export function periodFromKey(text: string): DataPeriod | null {
  const match = /^(\d{3})(?:0?([12])|_0)$/.exec(text.trim());
  return match ? { year: Number(match[1]), semester: match[2] ? (Number(match[2]) as 1 | 2) : 0 } : null;
}

export const PERIOD_KEY_HINT = '資料期間應為學期代碼（例如「1121」或「11201」）或學年度代碼（例如「112_0」）';

/** A grade-12 student of this academic year entered grade 10 two years before it (DOMAIN.md §2, cohort). */
export const grade12CohortOf = (academicYear: number): number => academicYear - 2;
