/**
 * How work spreads over a window: the deadline rush the city's slides call 「和時間賽跑」. The day with k days left
 * (k = 0 is the last day) gets a weight of RUSH_CURVE.floor + e^(−k / RUSH_CURVE.decayDays), normalised over the
 * window's days. With these values about a quarter of a three-week window's work falls on its last day and about
 * half in its last three days. The city generator dates activity with it, and the bureau's staggering plans read
 * their expected peak from it, so both say the same curve.
 */
export const RUSH_CURVE = { floor: 0.05, decayDays: 3 } as const;

/** The share of a window's work done on each of its `windowDays` days, first day first; the shares sum to 1. */
export function rushCurveShares(windowDays: number): number[] {
  const days = Math.max(1, Math.floor(windowDays));
  const weights = Array.from({ length: days }, (_, day) => {
    const daysLeft = days - 1 - day;
    return RUSH_CURVE.floor + Math.exp(-daysLeft / RUSH_CURVE.decayDays);
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}
