/** CMP-4: the opposition window is 42 days from the day the notice is SENT, in Europe/Paris days. */
export const OPPOSITION_WINDOW_DAYS = 42;

/** The calendar day (YYYY-MM-DD) of an instant in Europe/Paris. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Last day opposition is accepted (until 23:59:59 Paris): sent 2022-02-01 → 2022-03-15. */
export function lastOppositionDay(sentAt: Date): string {
  return addDays(parisDay(sentAt), OPPOSITION_WINDOW_DAYS);
}
