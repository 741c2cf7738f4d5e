/** Wall-clock time in Europe/Paris ⇄ UTC instants (Conventions: store UTC, display and type Paris time). */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function parisFields(at: Date) {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: +p.year!, mo: +p.month!, d: +p.day!, h: +p.hour!, mi: +p.minute!, s: +p.second! };
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(at: Date): number {
  const f = parisFields(at);
  return Math.round((Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - at.getTime()) / 60_000);
}

/**
 * "2026-03-29" + "02:30" (Paris wall clock) → the UTC instant. A time skipped by the spring change is
 * read with the winter offset (02:30 → 03:30 Paris); a repeated autumn time takes its first occurrence.
 */
export function parisLocalToUtc(isoDay: string, hhmm: string): Date {
  const [y, mo, d] = isoDay.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Paris is UTC+2 (summer) or UTC+1 (winter): keep the candidates whose offset agrees, earliest first.
  const valid = [120, 60].map((off) => wall - off * 60_000).filter((t) => wall - t === parisOffsetMinutes(new Date(t)) * 60_000);
  return new Date(valid[0] ?? wall - 60 * 60_000);
}

/** What a form shows for an instant: « 03/03/2026 » and « 08:30 », Paris time. */
export function parisFormDefaults(at: Date): { date: string; time: string } {
  const f = parisFields(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${two(f.d)}/${two(f.mo)}/${f.y}`, time: `${two(f.h)}:${two(f.mi)}` };
}

/** The Paris calendar day of an instant, "YYYY-MM-DD". */
export function parisIsoDay(at: Date): string {
  const f = parisFields(at);
  return `${f.y}-${String(f.mo).padStart(2, '0')}-${String(f.d).padStart(2, '0')}`;
}
