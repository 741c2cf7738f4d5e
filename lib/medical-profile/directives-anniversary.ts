/**
 * PRF-4 "a review reminder is sent yearly", as pure date rules on Paris days (ISO `YYYY-MM-DD`): the
 * reminder is due on each anniversary of the filing of the current directives anticipées; filed on
 * 29 February, it is due on 28 February in non-leap years (and on the 29th again in leap years).
 */

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number) => String(n).padStart(2, '0');
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** The `years`-th anniversary of `day`; 29 February → 28 February in a non-leap year. */
export function anniversary(day: string, years: number): string {
  const [y, m, d] = parts(day);
  const year = y + years;
  const date = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${year}-${pad(m)}-${pad(date)}`;
}

/** The reminders' days: the first anniversary of the filing after `today` (the next one once today's is sent). */
export function nextReviewDay(filedOn: string, today: string): string {
  let years = Math.max(1, parts(today)[0] - parts(filedOn)[0]);
  while (anniversary(filedOn, years) <= today) years += 1;
  return anniversary(filedOn, years);
}

/**
 * The latest filing day whose first reminder is due by `today` (for SQL: filed on or before this ⇔
 * anniversary(filed, 1) <= today). On 28 February of a non-leap year, filings of 29 February a year
 * earlier are due too; on a 29 February, a year earlier had none.
 */
export function filedOnOrBeforeForReview(today: string): string {
  const [y, m, d] = parts(today);
  const year = y - 1;
  if (m === 2 && d === 28 && !isLeap(y) && isLeap(year)) return `${year}-02-29`;
  if (m === 2 && d === 29) return `${year}-02-28`;
  return `${year}-${pad(m)}-${pad(d)}`;
}
