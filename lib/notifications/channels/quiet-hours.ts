/**
 * NOT-7: no SMS is sent 21:00–08:00 Europe/Paris, except OTPs (which do not come through here). Pure.
 */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function paris(at: Date) {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: +p.year!, mo: +p.month!, d: +p.day!, h: +p.hour!, mi: +p.minute!, s: +p.second! };
}

/** The instant it is 08:00 in Paris on that Paris calendar day (08:00 is never inside a DST change). */
function eightOClock(y: number, mo: number, d: number): Date {
  const wall = Date.UTC(y, mo - 1, d, 8, 0, 0);
  // Paris is UTC+1 or UTC+2: the candidate that reads 08:00 in Paris is the one.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    const f = paris(candidate);
    if (f.h === 8 && f.mi === 0 && f.d === new Date(wall).getUTCDate()) return candidate;
  }
  throw new Error('08:00 Europe/Paris not found');
}

export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/** NOT-7: when an SMS due at `at` may go: `at` itself in the day, else the next 08:00 Europe/Paris. */
export function nextSmsSlot(at: Date): Date {
  const f = paris(at);
  if (f.h >= QUIET_UNTIL_HOUR && f.h < QUIET_FROM_HOUR) return at;
  if (f.h < QUIET_UNTIL_HOUR) return eightOClock(f.y, f.mo, f.d);
  const tomorrow = new Date(Date.UTC(f.y, f.mo - 1, f.d + 1));
  return eightOClock(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate());
}
