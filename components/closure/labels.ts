import type { ClosureReason } from '@/db/schema';

/** CLO-1..11: why a profile was closed, as an agent reads it. */
export const CLOSURE_REASONS: Record<ClosureReason, string> = {
  HOLDER: 'à la demande du titulaire ou d’un représentant légal, en ligne',
  OPPOSITION: 'opposition après création, avec le code provisoire',
  SUPPORT: 'demande reçue par téléphone ou par courrier',
  SUSPENSION: 'suspension par l’Assurance Maladie',
  DECEASED: 'décès',
  MERGED: 'doublon fusionné dans un autre profil',
};

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const momentFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** A date-only column ('YYYY-MM-DD'), e.g. a purge or objection deadline. */
export const dayFr = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));
/** A moment, in Paris time. */
export const momentFr = (at: Date) => momentFormat.format(at);
