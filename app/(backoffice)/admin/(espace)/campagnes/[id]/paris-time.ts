import { frenchDateToIso } from '@/lib/identity/dates';

/** The offset of Europe/Paris from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffset(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at.getTime();
}

/** "14:30" or "14h30" → [14, 30]; undefined when not a time of day. */
export function parseTime(input: string): [number, number] | undefined {
  const m = /^(\d{1,2})\s*[:hH]\s*(\d{2})$/.exec(input.trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? [h, min] : undefined;
}

/** A Europe/Paris wall-clock day ("YYYY-MM-DD") and time → the instant (two passes settle DST changes). */
export function parisWallTime(day: string, [hours, minutes]: [number, number]): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hours, minutes);
  const first = wall - parisOffset(new Date(wall));
  return new Date(wall - parisOffset(new Date(first)));
}

/** BO-1, PRV-6: a schedule form's date (JJ/MM/AAAA) and time (HH:MM), Europe/Paris → the instant, or each field's French error. */
export function scheduleFromForm(scheduledAt: string, scheduledTime: string): { at: Date } | { errors: Record<string, string> } {
  const day = frenchDateToIso(scheduledAt);
  const time = parseTime(scheduledTime);
  if (day && time) return { at: parisWallTime(day, time) };
  return { errors: {
    ...(day ? {} : { scheduledAt: 'Saisissez une date valide au format JJ/MM/AAAA.' }),
    ...(time ? {} : { scheduledTime: 'Saisissez une heure valide au format HH:MM, par exemple 09:30.' }),
  } };
}
