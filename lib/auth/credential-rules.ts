/**
 * Form rules for activation credentials — ACT-3 (Vitale serial), ACT-7 (identifiant), ACT-8 (password).
 * Pure: each check returns French messages to show next to the field; an empty result means valid.
 * Identifiant uniqueness (ACT-7) needs the database and is checked by the caller.
 */
import { isValidNir } from '@/lib/identity/nir';

/**
 * ACT-3: a card with photo has exactly 11 digits, one without photo 8–13. The form does not ask the
 * card type, so any length in 8–13 is accepted; the fund data match (ACT-4) does the real check.
 */
export function checkVitaleSerial(serial: string): string | null {
  const s = serial.replace(/\s/g, '');
  if (s === '') return 'Saisissez le numéro de série de votre carte Vitale.';
  if (!/^\d+$/.test(s)) return 'Le numéro de série de la carte Vitale ne contient que des chiffres.';
  if (s.length < 8 || s.length > 13) {
    return 'Le numéro de série de la carte Vitale comporte 11 chiffres (carte avec photo) ou de 8 à 13 chiffres (carte sans photo).';
  }
  return null;
}

/** ACT-4: the card typed matches the fund's data (serial without spaces, date of birth). */
export function carteVitaleMatches(profile: { vitale_serial: string | null; birth_date: string }, typed: { vitaleSerial: string; birthDate: string }): boolean {
  return profile.vitale_serial === typed.vitaleSerial.replace(/\s/g, '') && profile.birth_date === typed.birthDate;
}

const EMAIL_LIKE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const IBAN_LIKE = /^[A-Za-z]{2}\d{2}[A-Za-z0-9]{10,30}$/;
/** A NIR-shaped string even with a wrong key, or a bare body: still a social-security number to hide. */
const NIR_LIKE = /^[12]\d{4}(?:\d{2}|2[AB])\d{6}(?:\d{2})?$/i;

/** ACT-7: the identifiant is shown and typed often; it must not leak an email, a NIR or an IBAN. */
export function checkIdentifiant(id: string): string[] {
  // An email is the most common mistake; one targeted message beats a list about "@".
  if (EMAIL_LIKE.test(id)) return ['L’identifiant ne doit pas être une adresse e-mail.'];
  const errors: string[] = [];
  if (id.length < 8) errors.push('L’identifiant doit comporter au moins 8 caractères.');
  if (!/^[A-Za-z0-9._-]*$/.test(id)) {
    errors.push(
      'L’identifiant ne peut contenir que des lettres sans accent, des chiffres, des points (.), des tirets (-) et des tirets bas (_).',
    );
  }
  if (isValidNir(id) || NIR_LIKE.test(id) || /^\d{13,15}$/.test(id)) {
    errors.push('L’identifiant ne doit pas être un numéro de sécurité sociale.');
  }
  if (IBAN_LIKE.test(id)) errors.push('L’identifiant ne doit pas être un numéro de compte bancaire (IBAN).');
  return errors;
}

export interface PasswordContext {
  identifiant: string;
  birthName: string;
  firstNames: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

/** Case- and accent-insensitive comparison form: "Hélène" and "HELENE" must both be caught. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Name parts worth forbidding: each part of a compound name ("Jean-Pierre", "de la Fontaine") plus the
 * joined form; parts under 3 letters ("de", "Li") would forbid too many passwords for no real gain.
 */
function nameParts(names: string): string[] {
  const parts = fold(names)
    .split(/[\s'’-]+/)
    .filter((p) => p !== '');
  const joined = parts.join('');
  const letters = (p: string) => p.replace(/[^\p{L}]/gu, '').length;
  return [...new Set([...parts, joined])].filter((p) => letters(p) >= 3);
}

export function checkPassword(pw: string, ctx: PasswordContext): string[] {
  const errors: string[] = [];
  const length = [...pw].length; // count characters, not UTF-16 units
  if (length < 9 || length > 128) errors.push('Le mot de passe doit comporter entre 9 et 128 caractères.');
  if (!/\p{Ll}/u.test(pw)) errors.push('Le mot de passe doit contenir au moins une lettre minuscule.');
  if (!/\p{Lu}/u.test(pw)) errors.push('Le mot de passe doit contenir au moins une lettre majuscule.');
  if (!/\p{Nd}/u.test(pw)) errors.push('Le mot de passe doit contenir au moins un chiffre.');
  if (!/[^\p{L}\p{N}\s]/u.test(pw)) {
    errors.push('Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? @ # $ % & * - _ .).');
  }

  const folded = fold(pw);
  const id = fold(ctx.identifiant.trim());
  if (id !== '' && folded.includes(id)) errors.push('Le mot de passe ne doit pas contenir votre identifiant.');
  if (nameParts(ctx.birthName).some((p) => folded.includes(p))) {
    errors.push('Le mot de passe ne doit pas contenir votre nom de naissance.');
  }
  if (nameParts(ctx.firstNames).some((p) => folded.includes(p))) {
    errors.push('Le mot de passe ne doit pas contenir votre prénom.');
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.birthDate);
  if (date) {
    const [yyyy = '', mm = '', dd = ''] = date.slice(1);
    if (pw.includes(`${dd}${mm}${yyyy}`) || pw.includes(yyyy)) {
      errors.push('Le mot de passe ne doit pas contenir votre date ni votre année de naissance.');
    }
  }
  return errors;
}
