import type { BadgeVariant } from '@/components/ui';
import type { InvitationStatus } from '@/db/schema';

/** French labels of the representative roles, invitation statuses and end reasons (REP-3..8, BO-5). */
export const ROLE_LABELS: Record<'PARENT_PRINCIPAL' | 'SECOND_PARENT' | 'GUARDIAN', string> = {
  PARENT_PRINCIPAL: 'Parent principal',
  SECOND_PARENT: 'Second parent',
  GUARDIAN: 'Tuteur',
};

export const INVITATION_STATUS: Record<InvitationStatus, { label: string; variant: BadgeVariant }> = {
  PENDING: { label: 'En attente', variant: 'info' },
  ACCEPTED: { label: 'Acceptée', variant: 'success' },
  REFUSED: { label: 'Refusée', variant: 'warning' },
  EXPIRED: { label: 'Expirée', variant: 'neutral' },
};

export const END_REASONS: Record<'COURT' | 'MAJORITY', string> = {
  COURT: 'Décision de justice',
  MAJORITY: 'Majorité',
};

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const birthFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** A moment, as the Paris day it fell on ("3 décembre 2026"). */
export const dayFr = (at: Date) => dayFormat.format(at);
/** A date-only column ('YYYY-MM-DD'), as written on a civil-status record. */
export const birthDayFr = (iso: string) => birthFormat.format(new Date(`${iso}T00:00:00Z`));
