import type { SwitchableKind } from '@/lib/notifications/kinds';

/**
 * NOT-1, PRV-8, PRV-9: which switch governs a prevention campaign's email teaser and push. The in-app
 * message itself has its own opt-out (PRV-8, per profile, all channels). The email and push about it are
 * notifications of « examens et vaccinations à réaliser »: an account that switched that kind off on a
 * channel (email, push) gets nothing on that channel. Project choice, one place.
 */
export const PREVENTION_PREFERENCE: SwitchableKind = 'NOTIF_APPOINTMENT';

/** After this many transient failures an email or a push is given up (FAILED), as for the campaigns (CMP-9). */
export const PREVENTION_MAX_ATTEMPTS = 3;

/** Why a claimed email or push is not sent after all (recorded in last_error, counted as skipped). */
export const SKIPPED_REASON = 'profil non actif, refus des messages de prévention ou destinataire sans adresse';
