import { rushCurveShares } from '../../modules/timeline/rush-curve.js';

/**
 * Dated activity for generated and demo data: the day of each item drawn from the city's deadline-rush curve
 * (rushCurveShares) over its window's days, the hour from who does it (HOUR_PROFILES). Moments are whole minutes since
 * the epoch (UTC), computed arithmetically: a window's first day is parsed once, a draw is a binary search in a
 * cumulative table kept per window length, and COPY text is built from a cache of date strings, so the city
 * generator's hot loops parse no dates.
 */

const MINUTES_PER_DAY = 1440;
/** Taipei is UTC+8 all year (no daylight saving). */
const TAIPEI_OFFSET_MINUTES = 480;

/**
 * The share of a person's activity in each hour of the day (Taipei), hour 0 first; relative weights. Students work
 * mostly in the evening (peak 20:00–22:00, some at lunch and right after school, almost none at night); teachers in
 * school hours (08:00–17:00, a dip at lunch, a little in the evening).
 */
export const HOUR_PROFILES = {
  student: [2, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 3, 1, 1, 1, 2, 3, 5, 8, 10, 10, 7, 4],
  teacher: [0, 0, 0, 0, 0, 0, 0, 1, 6, 8, 8, 7, 3, 7, 8, 8, 6, 3, 1, 1, 2, 1, 0, 0],
} as const;
export type HourProfile = keyof typeof HOUR_PROFILES;

const HOUR_TABLES: Record<HourProfile, Float64Array> = {
  student: cumulative(HOUR_PROFILES.student),
  teacher: cumulative(HOUR_PROFILES.teacher),
};

/** table[k] = the sum of the first k weights; table[n] is the total. */
function cumulative(weights: readonly number[]): Float64Array {
  const table = new Float64Array(weights.length + 1);
  for (let k = 0; k < weights.length; k += 1) table[k + 1] = table[k]! + weights[k]!;
  return table;
}

const dayTables = new Map<number, Float64Array>();
/** The cumulative rush curve of a window of `days` days (0 … 1), made once per length. */
function rushTable(days: number): Float64Array {
  let table = dayTables.get(days);
  if (!table) {
    table = cumulative(rushCurveShares(days));
    table[days] = 1;
    dayTables.set(days, table);
  }
  return table;
}

/** The index k in [from, to) with table[k] <= target < table[k + 1] (the last one when rounding leaves none). */
function search(table: Float64Array, from: number, to: number, target: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (table[mid]! <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A window of activity in Taipei calendar days: it opens on its first day at `opensHour` and closes on its last day at
 * `closesHour` (the slides' 08:00 and 17:00).
 */
export interface ActivityWindow {
  /** Days since 1970-01-01 of its first Taipei calendar day. */
  firstDay: number;
  /** Calendar days from the first to the last, both included. */
  days: number;
  opensHour: number;
  closesHour: number;
}

/** Days since the epoch of a YYYY-MM-DD date (parsed once per window, never per row). */
export const dayNumber = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** The window from one Taipei date to another, both included, 08:00 to 17:00 unless said otherwise. */
export function activityWindow(fromIsoDate: string, toIsoDate: string, opensHour = 8, closesHour = 17): ActivityWindow {
  const firstDay = dayNumber(fromIsoDate);
  return { firstDay, days: dayNumber(toIsoDate) - firstDay + 1, opensHour, closesHour };
}

/** The window's opening and closing moments, in minutes since the epoch. */
export const windowOpens = (w: ActivityWindow): number =>
  w.firstDay * MINUTES_PER_DAY + w.opensHour * 60 - TAIPEI_OFFSET_MINUTES;
export const windowCloses = (w: ActivityWindow): number =>
  (w.firstDay + w.days - 1) * MINUTES_PER_DAY + w.closesHour * 60 - TAIPEI_OFFSET_MINUTES;

/**
 * A moment inside the window, in minutes since the epoch: the day drawn from the rush curve over the window's days,
 * the hour from the profile (only the hours the window is open that day), the minute uniform. With `notBefore`
 * (an earlier step of the same item, e.g. its upload before its certification) the draw is from the curve's part from
 * that day on, and the moment is after it. `random` gives numbers in [0, 1).
 */
export function drawMoment(
  window: ActivityWindow,
  profile: HourProfile,
  random: () => number,
  notBefore = -Infinity,
): number {
  const { days } = window;
  const curve = rushTable(days);
  const after = notBefore + 1;
  const afterLocal = after + TAIPEI_OFFSET_MINUTES;
  const afterDay = Math.floor(afterLocal / MINUTES_PER_DAY) - window.firstDay;
  const fromDay = Math.min(Math.max(0, afterDay), days - 1);
  const day = search(curve, fromDay, days, curve[fromDay]! + random() * (1 - curve[fromDay]!));
  let fromHour = day === 0 ? window.opensHour : 0;
  const toHour = day === days - 1 ? window.closesHour : 24;
  if (day === afterDay) fromHour = Math.max(fromHour, Math.floor((afterLocal % MINUTES_PER_DAY) / 60));
  const hours = HOUR_TABLES[profile];
  const low = hours[fromHour]!;
  const span = hours[Math.max(fromHour, toHour)]! - low;
  const hour =
    span > 0
      ? search(hours, fromHour, toHour, low + random() * span)
      : fromHour + Math.floor(random() * Math.max(1, toHour - fromHour));
  const moment =
    (window.firstDay + day) * MINUTES_PER_DAY + hour * 60 + Math.floor(random() * 60) - TAIPEI_OFFSET_MINUTES;
  // Inside the window, and after the earlier step even if that was at the window's very end.
  return Math.max(Math.min(Math.max(moment, windowOpens(window)), windowCloses(window)), after);
}

const PAD = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dateOfDay = new Map<number, string>();

/** A moment as PostgreSQL timestamptz text in Taipei time, e.g. 2024-02-02T21:37:00+08 (COPY text). */
export function taipeiTimestamp(minutes: number): string {
  const local = minutes + TAIPEI_OFFSET_MINUTES;
  const day = Math.floor(local / MINUTES_PER_DAY);
  const rest = local - day * MINUTES_PER_DAY;
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dateOfDay.set(day, date);
  }
  return `${date}T${PAD[Math.floor(rest / 60)]}:${PAD[rest % 60]}:00+08`;
}
