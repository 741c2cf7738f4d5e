import type { BadgeVariant } from '@/components/ui';
import type { AidantLinkStatus, AidantRevokedBy } from '@/db/schema';

/** French labels of the aidant links' statuses (AID-3, AID-6). */
export const AIDANT_STATUS: Record<AidantLinkStatus, { label: string; variant: BadgeVariant }> = {
  PENDING: { label: 'Invitation en attente', variant: 'info' },
  ACCEPTED: { label: 'Aidant actif', variant: 'success' },
  REFUSED: { label: 'Invitation refusée', variant: 'warning' },
  EXPIRED: { label: 'Invitation expirée', variant: 'neutral' },
  REVOKED: { label: 'Accès terminé', variant: 'neutral' },
};

export const REVOKED_BY: Record<AidantRevokedBy, string> = {
  AIDE: 'par la personne aidée',
  AIDANT: 'par l’aidant',
  SYSTEM: 'à la fermeture du profil',
};
