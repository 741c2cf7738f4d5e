import type { CampaignStatus } from '@/db/schema';

/**
 * BO-1: what staff may do with a campaign in each status. Pure; `manage.ts` applies it.
 * DRAFT → SCHEDULED | RUNNING; SCHEDULED → RUNNING (at its time or now); RUNNING ⇄ PAUSED;
 * DONE → RUNNING only to retry failed sends (CMP-9); cancel from anything not finished.
 */
export type CampaignCommand = 'schedule' | 'start' | 'pause' | 'resume' | 'cancel' | 'retry';

const ALLOWED: Record<CampaignCommand, readonly CampaignStatus[]> = {
  schedule: ['DRAFT', 'SCHEDULED'],
  start: ['DRAFT', 'SCHEDULED'],
  pause: ['RUNNING'],
  resume: ['PAUSED'],
  cancel: ['DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED'],
  retry: ['RUNNING', 'PAUSED', 'DONE'],
};

const REFUSALS: Record<CampaignCommand, string> = {
  schedule: 'Seule une campagne en préparation ou programmée peut être programmée.',
  start: 'Cette campagne a déjà été lancée.',
  pause: 'Seule une campagne en cours peut être mise en pause.',
  resume: 'Seule une campagne en pause peut reprendre.',
  cancel: 'Cette campagne est déjà terminée ou annulée.',
  retry: 'Les envois en échec ne peuvent être relancés que pour une campagne lancée et non annulée.',
};

export function canApply(command: CampaignCommand, status: CampaignStatus): { ok: true } | { ok: false; message: string } {
  return ALLOWED[command].includes(status) ? { ok: true } : { ok: false, message: REFUSALS[command] };
}

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: 'En préparation', SCHEDULED: 'Programmée', RUNNING: 'En cours', PAUSED: 'En pause', DONE: 'Terminée', CANCELLED: 'Annulée',
};
