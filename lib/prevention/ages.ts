/**
 * PRV-5: ages from the date of birth (a Europe/Paris calendar date 'YYYY-MM-DD'). Month N is reached on
 * the same day-of-month N months after birth, clamped to the end of a shorter month (born 2024-01-31:
 * month 1 on 2024-02-29; born 2024-02-29: 12 months on 2025-02-28).
 */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date on which month `n` after `birthDate` is reached (PRV-5 clamping). */
export function addMonthsClamped(birthDate: string, n: number): string {
  const [y, m, d] = parts(birthDate);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The date an age of `months` months and `days` days is reached. */
export function reachedOn(birthDate: string, age: { months: number; days?: number }): string {
  return addDays(addMonthsClamped(birthDate, age.months), age.days ?? 0);
}

/** Completed months of age on `today` (PRV-5). */
export function ageInMonths(birthDate: string, today: string): number {
  const [by, bm] = parts(birthDate);
  const [ty, tm] = parts(today);
  let n = (ty - by) * 12 + (tm - bm);
  while (n > 0 && addMonthsClamped(birthDate, n) > today) n -= 1;
  return Math.max(0, n);
}

/** Completed years of age on `today` (PRV-5: year N is month 12N). */
export function ageInYears(birthDate: string, today: string): number {
  return Math.floor(ageInMonths(birthDate, today) / 12);
}
