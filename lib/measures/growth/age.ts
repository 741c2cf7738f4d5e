import { parisIsoDay } from '../paris-time';

/** The WHO month: 365.25 / 12 days. */
export const DAYS_PER_MONTH = 30.4375;
const DAY = 86_400_000;

const utcDay = (isoDay: string) => {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/**
 * MEA-6: the age at a measure, in (fractional) months, from the birth date to the Paris calendar day of
 * the measure, counted in days as the WHO does (a month is 30.4375 days).
 */
export function ageInMonths(birthDate: string, at: Date): number {
  const days = Math.round((utcDay(parisIsoDay(at)) - utcDay(birthDate)) / DAY);
  return days / DAYS_PER_MONTH;
}

const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;

/** Completed calendar months from the birth date to the Paris day of `at`, and the days past the last one. */
export function calendarAge(birthDate: string, at: Date): { months: number; days: number } {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const day = parisIsoDay(at);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const months = Math.max(0, (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0));
  const lastMonthDay = Date.UTC(by, bm - 1 + months, Math.min(bd, new Date(Date.UTC(by, bm + months, 0)).getUTCDate()));
  return { months, days: Math.max(0, Math.round((utcDay(day) - lastMonthDay) / DAY)) };
}

/** The age at a measure as parents say it: « la naissance », « 12 jours », « 8 mois », « 2 ans », « 7 ans et 3 mois ». */
export function frenchAge(birthDate: string, at: Date): string {
  const { months, days } = calendarAge(birthDate, at);
  if (months === 0 && days === 0) return 'la naissance';
  if (months === 0) return plural(days, 'jour', 'jours');
  if (months < 24) return `${months}\u00a0mois`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? plural(years, 'an', 'ans') : `${plural(years, 'an', 'ans')} et ${rest}\u00a0mois`;
}

/** An axis tick: « naissance », « 6 mois », « 1 an », « 18 mois », « 5 ans ». */
export function frenchAgeTick(months: number): string {
  if (months === 0) return 'naissance';
  if (months % 12 === 0) return plural(months / 12, 'an', 'ans');
  if (months < 24) return `${months}\u00a0mois`;
  return `${plural(Math.floor(months / 12), 'an', 'ans')} et ${months % 12}\u00a0mois`;
}

/** Whole-month ticks over [from, to]: a step of 1, 2, 3, 6 months or 1, 2, 3, 5 years, at most 8 ticks. */
export function ageTicks(from: number, to: number): number[] {
  const step = [1, 2, 3, 6, 12, 24, 36, 60].find((s) => Math.floor(to / s) - Math.ceil(from / s) + 1 <= 8) ?? 60;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
