import { describeTrace } from './history';
import type { HistoryRow } from './history-query';

/**
 * How one trace reads in "Historique d’activité" and its downloads (AUD-4, AUD-5): who, what, how.
 * Pure; the page, the CSV and the PDF share it so the three always say the same thing.
 */
type Line = Pick<HistoryRow, 'actor_type' | 'actor_id' | 'actor_label' | 'actor_role' | 'profession' | 'mode' | 'site_name'>;

/** Who acted: "Vous", a professional with their profession, an agent, or the help of an advisor and its site (FS-5). */
export function describeActor(e: Line, readerAccountId: string | null): string {
  const helped = (who: string | null) => {
    const details = [e.actor_role === 'ADVISOR' ? e.actor_label : null, e.site_name].filter(Boolean).join(', ');
    const text = `avec l’aide d’un conseiller France Services${details ? ` (${details})` : ''}`;
    return who ? `${who}, ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  };
  // FS-2, FS-5: an advisor acts only with the person present, who is shown as helped.
  if (e.actor_type === 'SUPPORT' && e.actor_role === 'ADVISOR') return helped(null);
  let who: string;
  if (e.actor_type === 'PATIENT' && readerAccountId && e.actor_id === readerAccountId) who = 'Vous';
  else if (e.actor_type === 'HEALTHCARE_PROFESSIONAL' || e.actor_type === 'HEALTHCARE_FACILITY') who = `${e.actor_label} (${e.profession ?? 'professionnel de santé'})`;
  else if (e.actor_type === 'SUPPORT') who = `${e.actor_label}, Assurance Maladie`;
  else if (e.actor_type === 'ENROLMENT') who = readerAccountId ? 'Vous (activation en ligne)' : 'Le titulaire (activation en ligne)'; // a professional reads it (AUD-6)
  else who = e.actor_label;
  return e.mode === 'ASSISTED' ? helped(who) : who;
}

/** EMG-7: emergency and SAMU regulation accesses read "Accès en urgence"; other modes have no label. */
export function modeLabel(mode: string): string | null {
  return mode === 'EMERGENCY' || mode === 'REGULATION' ? 'Accès en urgence' : null;
}

/** What was done, with the document's title when the reader may see it (resolved at display, never stored: AUD-7). */
export function describeAction(e: Pick<HistoryRow, 'action' | 'outcome' | 'actor_type' | 'document_title'>): string {
  const label = describeTrace(e);
  return e.document_title && e.outcome === 'OK' ? `${label} « ${e.document_title} »` : label;
}

const WHEN_LONG = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const WHEN_SHORT = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Paris',
});

/** « 28 novembre 2026 à 18:05 » (page) and « 28/11/2026 18:05:12 » (downloads), Europe/Paris. */
export const whenLong = (at: Date) => WHEN_LONG.format(at);
export const whenShort = (at: Date) => WHEN_SHORT.format(at).replace(',', '');
