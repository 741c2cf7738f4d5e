import { parisLocalToUtc } from '../paris-time';

const TS = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.\d{1,4})?)?)?([+-]\d{4})?$/;

/**
 * An HL7 v3 TS (« 20261115 », « 202611151030 », « 20261115103000+0100 ») as a UTC instant. Without
 * a zone the time is read as Paris wall-clock time (French documents); a day without a time is noon
 * in Paris. Less than a day (« 202611 »), an impossible date or anything else: undefined.
 */
export function parseHl7Time(value: string | undefined): Date | undefined {
  const m = value ? TS.exec(value.trim()) : null;
  if (!m) return undefined;
  const [, y, mo, d, h = '12', mi = '00', s = '00', zone] = m;
  const check = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || check.getUTCHours() !== +h || check.getUTCMinutes() !== +mi) return undefined;
  if (!zone) {
    const at = parisLocalToUtc(`${y}-${mo}-${d}`, `${h}:${mi}`);
    return new Date(at.getTime() + +s * 1000);
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = sign * (+zone.slice(1, 3) * 60 + +zone.slice(3, 5));
  return new Date(check.getTime() - offsetMinutes * 60_000);
}
