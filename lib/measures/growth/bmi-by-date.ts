import { computeBmi, type Reading } from '../bmi';
import { parisIsoDay } from '../paris-time';

/** The latest reading of each Paris calendar day. */
function latestByDay(readings: readonly Reading[]): Map<string, Reading> {
  const byDay = new Map<string, Reading>();
  for (const r of readings) {
    const day = parisIsoDay(r.effectiveAt);
    const kept = byDay.get(day);
    if (!kept || r.effectiveAt > kept.effectiveAt) byDay.set(day, r);
  }
  return byDay;
}

/**
 * MEA-3, MEA-6: a child's IMC over time, one value per Paris calendar day on which both a weight and a
 * height were measured, computed by the MEA-3 rule from that day's latest weight and latest height (a
 * growing child's height of another day would skew it). Oldest first.
 */
export function bmiByDate(weights: readonly Reading[], heights: readonly Reading[]): Reading[] {
  const heightByDay = latestByDay(heights);
  const result: Reading[] = [];
  for (const [day, weight] of latestByDay(weights)) {
    const bmi = computeBmi(weight, heightByDay.get(day));
    if (bmi) result.push(bmi);
  }
  return result.sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
}
