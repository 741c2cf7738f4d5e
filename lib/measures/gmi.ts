import type { Reading } from './bmi';
import { parisIsoDay } from './paris-time';

/** MEA-5: the window and the coverage it needs. */
export const GMI_WINDOW_DAYS = 14;
export const GMI_MIN_DAYS = 10;

export type GmiResult =
  | { value: number; meanMgDl: number; daysWithReadings: number }
  | { value: undefined; daysWithReadings: number };

/**
 * MEA-5: GMI % = 3.31 + 0.02392 × mean interstitial glucose in mg/dL (g/L × 100), to 1 decimal, over
 * the 14 Paris calendar days ending today (today and the 13 before). Needs readings on at least 10 of
 * those days; readings outside the window or in the future are ignored.
 */
export function computeGmi(readings: readonly Reading[], now: Date): GmiResult {
  const today = parisIsoDay(now);
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - (GMI_WINDOW_DAYS - 1));
  const firstDay = first.toISOString().slice(0, 10);
  const inWindow = readings.filter((r) => {
    const day = parisIsoDay(r.effectiveAt);
    return day >= firstDay && day <= today && r.effectiveAt <= now;
  });
  const daysWithReadings = new Set(inWindow.map((r) => parisIsoDay(r.effectiveAt))).size;
  if (daysWithReadings < GMI_MIN_DAYS) return { value: undefined, daysWithReadings };
  const meanMgDl = (inWindow.reduce((sum, r) => sum + r.value, 0) / inWindow.length) * 100;
  return { value: Math.round((3.31 + 0.02392 * meanMgDl) * 10) / 10, meanMgDl, daysWithReadings };
}
