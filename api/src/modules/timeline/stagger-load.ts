import { taipeiIsoDate } from '../../common/roc.js';
import { rushCurveShares } from './rush-curve.js';

/** How a staggering plan puts the schools into groups. */
export enum StaggerRule {
  /** By school code, in turn: the first school to group 1, the second to group 2, … */
  ROUND_ROBIN = 'ROUND_ROBIN',
  /** By size: the largest school first (by the items expected), each to the group carrying the fewest items so far. */
  BALANCED = 'BALANCED',
}

export interface LoadWindow {
  startsAt: Date;
  endsAt: Date;
  /** The items expected in the window. */
  items: number;
}

const DAY_MS = 86_400_000;

/** The Taipei calendar dates a window covers, first to last (its end instant belongs to the day before when at 00:00). */
export function windowDates(startsAt: Date, endsAt: Date): string[] {
  const first = taipeiIsoDate(startsAt);
  const last = taipeiIsoDate(new Date(Math.max(endsAt.getTime() - 1, startsAt.getTime())));
  const dates: string[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += DAY_MS) {
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The items expected on each Taipei date when every window's items spread over its days along the stated rush
 * curve (rushCurveShares): the city's day-by-day load. Dates without any window are absent.
 */
export function dailyLoad(windows: readonly LoadWindow[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const window of windows) {
    const dates = windowDates(window.startsAt, window.endsAt);
    const shares = rushCurveShares(dates.length);
    dates.forEach((date, index) => load.set(date, (load.get(date) ?? 0) + window.items * shares[index]!));
  }
  return load;
}

/** The busiest date of a load and its items (rounded to whole items), or null for no load at all. */
export function peakOf(load: Map<string, number>): { date: string; items: number } | null {
  let peak: { date: string; items: number } | null = null;
  for (const [date, items] of [...load].sort(([a], [b]) => a.localeCompare(b))) {
    if (!peak || items > peak.items) peak = { date, items };
  }
  return peak && { date: peak.date, items: Math.round(peak.items) };
}

/**
 * The group (0 = the first, ending first) of each school, in the order given. ROUND_ROBIN takes the schools by code;
 * BALANCED is the greedy "largest first to the lightest group", which keeps the groups' items within one school's
 * size of each other.
 */
export function assignGroups(
  schools: readonly { code: string; items: number }[],
  groupCount: number,
  rule: StaggerRule,
): number[] {
  const order = schools.map((school, index) => ({ ...school, index }));
  const groups = new Array<number>(schools.length).fill(0);
  if (rule === StaggerRule.ROUND_ROBIN) {
    order.sort((a, b) => a.code.localeCompare(b.code) || a.index - b.index);
    order.forEach((school, position) => (groups[school.index] = position % groupCount));
    return groups;
  }
  order.sort((a, b) => b.items - a.items || a.code.localeCompare(b.code) || a.index - b.index);
  const carried = new Array<number>(groupCount).fill(0);
  const members = new Array<number>(groupCount).fill(0);
  for (const school of order) {
    // The lightest group; among equally light ones (schools without items), the one with fewer schools.
    let lightest = 0;
    for (let group = 1; group < groupCount; group += 1) {
      const lighter = carried[group]! < carried[lightest]!;
      if (lighter || (carried[group] === carried[lightest] && members[group]! < members[lightest]!)) lightest = group;
    }
    groups[school.index] = lightest;
    carried[lightest]! += school.items;
    members[lightest]! += 1;
  }
  return groups;
}
