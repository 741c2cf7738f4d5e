import { z } from 'zod';
import { maskMobile } from '@/lib/notifications/sms';
import { normalizeMobile } from '@/lib/population/row-rules';

/** « Mes coordonnées », FS-3: the two channels an account can be reached on. */
export type ContactChannel = 'EMAIL' | 'MOBILE';

export const CONTACT_MESSAGES = {
  email: 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.',
  mobile: 'Saisissez un numéro de mobile français : 06 ou 07 suivi de 8 chiffres, ou +33 6 ou +33 7.',
  same: 'C’est déjà l’adresse ou le numéro enregistré : saisissez-en un nouveau.',
} as const;

const email = z.string().trim().toLowerCase().max(254, CONTACT_MESSAGES.email).pipe(z.email(CONTACT_MESSAGES.email));

/** The new value, normalised (email lower-cased, mobile as +33…), or the French message for the field. */
export function parseContact(channel: ContactChannel, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  if (channel === 'MOBILE') {
    const mobile = normalizeMobile(raw.trim());
    return mobile ? { ok: true, value: mobile } : { ok: false, message: CONTACT_MESSAGES.mobile };
  }
  const parsed = email.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: CONTACT_MESSAGES.email };
}

/** What the screen shows of where the code went (the person checks it is theirs). */
export function maskedContact(channel: ContactChannel, value: string): string {
  return channel === 'MOBILE' ? maskMobile(value) : value.replace(/^(.).*(@.*)$/, '$1•••$2');
}
