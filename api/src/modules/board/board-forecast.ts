import { taipeiIsoDate } from '../../common/roc.js';
import { TaskKind } from '../timeline/timeline.enums.js';

/** What a window's completion is measured by (board_city_series' measures). */
export enum BoardMeasure {
  /** Course outcome versions uploaded for the term's courses that a teacher has decided (certified or not). */
  CERTIFY = 'CERTIFY',
  /**
   * Students with at least one certified course outcome of the academic year (something to select) who have made
   * their selection: at least one outcome of the year selected.
   */
  SELECT = 'SELECT',
  /** The current receipt rows about a student of the term's round that the student has answered. */
  CONFIRM = 'CONFIRM',
}

/** The windows the board forecasts, and what measures each. */
export const MEASURE_OF: Partial<Record<TaskKind, BoardMeasure>> = {
  [TaskKind.CERTIFY_COURSE_OUTCOMES]: BoardMeasure.CERTIFY,
  [TaskKind.SELECT_COURSE_OUTCOMES]: BoardMeasure.SELECT,
  [TaskKind.CONFIRM_RECEIPTS]: BoardMeasure.CONFIRM,
};

/**
 * The policy: the share (%) of a measure that must be done by a window's end. Certification is owed to every
 * uploaded outcome (100 %); selection and confirmation are the students' own choice, and some never do it, so the
 * city expects most rather than all.
 */
export const FORECAST_TARGET_PCT: Record<BoardMeasure, number> = {
  [BoardMeasure.CERTIFY]: 100,
  [BoardMeasure.SELECT]: 90,
  [BoardMeasure.CONFIRM]: 90,
};

/** The recent pace is the done count of the last PACE_DAYS calendar days (today included), per day. */
export const PACE_DAYS = 7;
/** The backtest forecasts each past window as of this many days before its end. */
export const BACKTEST_HORIZON_DAYS = 3;

const DAY_MS = 86_400_000;

/** One measure of one school and data period: per Taipei calendar day (YYYY-MM-DD), items added and done. */
export interface DailySeries {
  totalByDay: Map<string, number>;
  doneByDay: Map<string, number>;
}

export const emptySeries = (): DailySeries => ({ totalByDay: new Map(), doneByDay: new Map() });

const sumUpTo = (byDay: Map<string, number>, lastDay: string, firstDay = ''): number => {
  let sum = 0;
  for (const [day, count] of byDay) if (day >= firstDay && day <= lastDay) sum += count;
  return sum;
};

/** The Taipei calendar day `days` after (or before) this one. */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface ForecastFigures {
  done: number;
  total: number;
  /** done ÷ total, 0–100 (null when there is nothing to do). */
  sharePct: number | null;
  /** Items done per day lately. */
  dailyPace: number;
  daysLeft: number;
  /** min(total, done + dailyPace × daysLeft) ÷ total, 0–100. */
  projectedPct: number | null;
  targetPct: number;
  /** The projection stays below the target. */
  willMiss: boolean;
}

const pct = (part: number, whole: number): number => Math.round((part * 10_000) / whole) / 100;

/**
 * The forecast of a window as of `at` (by whole Taipei calendar days up to and including at's day):
 * done and total as of that day, the pace = done in the last PACE_DAYS days (not before the window opened) ÷ those
 * days, and the projection at the window's end = done + pace × days left, capped at the total.
 */
export function forecastAt(
  series: DailySeries,
  window: { startsAt: Date; endsAt: Date },
  at: Date,
  targetPct: number,
): ForecastFigures {
  const day = taipeiIsoDate(at);
  const done = sumUpTo(series.doneByDay, day);
  const total = sumUpTo(series.totalByDay, day);
  const openedDay = taipeiIsoDate(window.startsAt);
  const paceFrom = [addDays(day, -(PACE_DAYS - 1)), openedDay].sort().at(-1)!;
  const paceDays = Math.max(1, Math.round((Date.parse(day) - Date.parse(paceFrom)) / DAY_MS) + 1);
  const dailyPace = sumUpTo(series.doneByDay, day, paceFrom) / paceDays;
  const daysLeft = Math.max(0, (window.endsAt.getTime() - at.getTime()) / DAY_MS);
  if (total === 0) {
    return { done, total, sharePct: null, dailyPace, daysLeft, projectedPct: null, targetPct, willMiss: false };
  }
  const projected = Math.min(total, done + dailyPace * daysLeft);
  return {
    done,
    total,
    sharePct: pct(done, total),
    dailyPace: Math.round(dailyPace * 100) / 100,
    daysLeft: Math.round(daysLeft * 10) / 10,
    projectedPct: pct(projected, total),
    targetPct,
    // Compared exactly, not after rounding: 99.996 % is short of 100 %.
    willMiss: projected * 100 < targetPct * total,
  };
}

/** What happened by a window's end: the share done then, and whether it reached the target. */
export function outcomeAtEnd(series: DailySeries, endsAt: Date, targetPct: number): { total: number; missed: boolean } {
  const day = taipeiIsoDate(endsAt);
  const done = sumUpTo(series.doneByDay, day);
  const total = sumUpTo(series.totalByDay, day);
  return { total, missed: done * 100 < targetPct * total };
}

export interface BacktestTally {
  /** Past windows forecast (each school's window with something to do that was open N days before its end). */
  windows: number;
  /** Forecast to miss, and missed. */
  hits: number;
  /** Forecast to make it, and missed. */
  misses: number;
  /** Forecast to miss, and made it. */
  falseAlarms: number;
  /** Forecast to make it, and made it. */
  correctPasses: number;
}

/** Runs the same forecast as of `horizonDays` before the end of a window that has ended, and scores it. */
export function backtestWindow(
  tally: BacktestTally,
  series: DailySeries,
  window: { startsAt: Date; endsAt: Date },
  targetPct: number,
  horizonDays: number,
): void {
  const at = new Date(window.endsAt.getTime() - horizonDays * DAY_MS);
  if (at < window.startsAt) return;
  const actual = outcomeAtEnd(series, window.endsAt, targetPct);
  if (actual.total === 0) return;
  const predicted = forecastAt(series, window, at, targetPct);
  tally.windows += 1;
  if (predicted.willMiss && actual.missed) tally.hits += 1;
  else if (!predicted.willMiss && actual.missed) tally.misses += 1;
  else if (predicted.willMiss) tally.falseAlarms += 1;
  else tally.correctPasses += 1;
}
