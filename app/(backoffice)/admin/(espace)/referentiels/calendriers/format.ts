import type { CalendarRow } from '@/lib/prevention/calendar-editions';
import { ageLabel } from '@/lib/prevention/edition-draft';

/** « 1 juillet 2099 » for a calendar date 'YYYY-MM-DD'. */
export const frenchDay = (day: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
/** 'YYYY-MM-DD' → 'JJ/MM/AAAA' for a form field. */
export const formDay = (day: string | null) => (day ? day.split('-').reverse().join('/') : '');

export const ageRange = (r: CalendarRow) => `De ${ageLabel(r.minMonths, r.minDays)} à ${ageLabel(r.maxMonths, r.maxDays)}${r.everyMonths ? `, tous les ${r.everyMonths} mois` : ''}`;

export function population(r: CalendarRow): string {
  const parts = [r.sex === 2 ? 'Femmes' : r.sex === 1 ? 'Hommes' : 'Tous'];
  if (r.bornFrom) parts.push(`nés à partir du ${frenchDay(r.bornFrom)}`);
  if (r.bornBefore) parts.push(`nés avant le ${frenchDay(r.bornBefore)}`);
  return parts.join(', ');
}
