import type { CampaignStatus } from '@/db/schema';
import { CAMPAIGN_STATUS_LABELS } from '@/lib/campaigns/campaign-rules';

type Variant = 'neutral' | 'info' | 'success' | 'warning' | 'error' | 'accent';

const VARIANTS: Record<CampaignStatus, Variant> = {
  DRAFT: 'neutral', SCHEDULED: 'accent', RUNNING: 'info', PAUSED: 'warning', DONE: 'success', CANCELLED: 'error',
};

/** BO-1: the status of a campaign as a badge (the text carries the meaning, colour reinforces it). */
export const campaignStatus = (status: CampaignStatus) => ({ label: CAMPAIGN_STATUS_LABELS[status], variant: VARIANTS[status] });

export const count = new Intl.NumberFormat('fr-FR');
export const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
export const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** "2026-03-02" → "02/03/2026", as agents type dates. */
export const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/** A rate that stays readable when nothing was sent yet. */
export const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** "Départements 23, 87 ; naissances enregistrées depuis le 01/01/2026". */
export function describeTargets(c: { departements: string[]; births_since: string | null }): string {
  const parts: string[] = [];
  if (c.departements.length > 0) parts.push(`${c.departements.length > 1 ? 'Départements' : 'Département'} ${c.departements.join(', ')}`);
  if (c.births_since) parts.push(`naissances enregistrées depuis le ${frenchDate(c.births_since)}`);
  return parts.join(' ; ');
}

/** "3 personnes", "1 personne", "0 enfant". */
export const plural = (n: number, word: string) => `${count.format(n)} ${word}${n > 1 ? 's' : ''}`;
