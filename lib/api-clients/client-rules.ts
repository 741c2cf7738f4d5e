import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * FINESS établissement: 9 characters, the département (2 digits, or 2A/2B for Corsica) then 7 digits; the
 * last digit is a Luhn key, checked on all-digit numbers (project choice: Corsican numbers are checked
 * for their shape only).
 */
export function isFiness(value: string): boolean {
  if (/^2[AB]\d{7}$/.test(value)) return true;
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(value[8 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const text = (missing: string, tooLong: string, max: number) => z.string({ error: missing }).trim().min(2, missing).max(max, tooLong);

/** The back-office form: a software, its editor, and for facility software (PRO-2) the facility it acts for. */
export const registerClientInput = z.object({
  name: text('Indiquez le nom du logiciel (2 caractères au moins).', 'Le nom ne peut pas dépasser 100 caractères.', 100),
  editor: text('Indiquez l’éditeur du logiciel (2 caractères au moins).', 'L’éditeur ne peut pas dépasser 100 caractères.', 100),
  finess: z.string().trim().toUpperCase().transform((v) => v.replace(/\s/g, '')).optional().default('')
    .refine((v) => v === '' || isFiness(v), 'Le numéro FINESS compte 9 caractères et sa clé doit être juste (ex. 750712184).'),
  facilityName: z.string().trim().max(150, 'La raison sociale ne peut pas dépasser 150 caractères.').optional().default(''),
}).superRefine((v, ctx) => {
  if (v.finess && v.facilityName.length < 2) ctx.addIssue({ code: 'custom', path: ['facilityName'], message: 'Indiquez la raison sociale de l’établissement de ce numéro FINESS.' });
  if (!v.finess && v.facilityName) ctx.addIssue({ code: 'custom', path: ['finess'], message: 'Indiquez le numéro FINESS de cet établissement, ou videz la raison sociale.' });
});
export type RegisterClientInput = z.input<typeof registerClientInput>;

/** A fresh client id: readable, not guessable, never reused (`lps-` + 20 hexadecimal characters). */
export const newClientId = () => `lps-${randomBytes(10).toString('hex')}`;

/** A fresh client secret: 256 random bits, base64url; shown once, stored only as an argon2 hash. */
export const newClientSecret = () => randomBytes(32).toString('base64url');

/** The actor id of a facility, as Pro Santé Connect logins record it (lib/auth/professional-login.ts). */
export const facilityActorId = (finess: string) => `FINESS ${finess}`;

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
