/**
 * NIR (numéro de sécurité sociale) parsing, validation and masking — rules ID-1..5 and ID-10.
 * Pure: no I/O. Callers get a typed InvalidNirError whose French message can be shown as is.
 */
import { DomainError } from '@/lib/errors';

export type NirInvalidReason = 'length' | 'sex' | 'month' | 'departement' | 'key' | 'format';

const MESSAGES_FR: Record<NirInvalidReason, string> = {
  length:
    'Le numéro de sécurité sociale doit comporter 15 caractères, clé comprise : saisissez les 13 caractères du numéro suivis des 2 chiffres de la clé.',
  format:
    'Le numéro de sécurité sociale ne doit contenir que des chiffres (et, pour la Corse, « 2A » ou « 2B » à la place du département).',
  sex: 'Le numéro de sécurité sociale doit commencer par 1 ou 2.',
  month: 'Le mois de naissance indiqué dans le numéro de sécurité sociale (4e et 5e chiffres) n’est pas valide.',
  departement:
    'Le département de naissance indiqué dans le numéro de sécurité sociale (6e et 7e caractères) n’est pas valide.',
  key: 'La clé du numéro de sécurité sociale ne correspond pas : vérifiez les 15 chiffres de votre carte Vitale.',
};

export class InvalidNirError extends DomainError {
  readonly reason: NirInvalidReason;
  constructor(reason: NirInvalidReason) {
    super('nir.invalid', MESSAGES_FR[reason], 'nir');
    this.reason = reason;
  }
}

export interface ParsedNir {
  /** Normalized 15-character NIR (body + key). */
  nir: string;
  body: string;
  key: string;
  sex: 1 | 2;
  birthYear2: string;
  birthMonth: string;
  /** 2 characters (`75`, `2A`, `99`), or 3 digits for overseas (`974`) per ID-2. */
  departement: string;
  bornAbroad: boolean;
}

/** ID-4: people copy the number from cards and letters with spaces, dots or hyphens, and may type `2a`. */
export function normalizeNir(input: string): string {
  return input.replace(/[\s.\-]/g, '').toUpperCase();
}

/**
 * ID-3: key = 97 − (N mod 97). Corsican `2A`/`2B` are replaced by 19/18 only at positions 6–7
 * (a `2A` elsewhere is not a NIR). BigInt because a 13-digit body exceeds safe float precision.
 */
export function nirKey(body13: string): string {
  const body = normalizeNir(body13);
  if (!/^[12]\d{4}(?:\d{2}|2A|2B)\d{6}$/.test(body)) throw new InvalidNirError('format');
  const departement = body.slice(5, 7);
  const numeric = body.slice(0, 5) + (departement === '2A' ? '19' : departement === '2B' ? '18' : departement) + body.slice(7);
  const key = 97n - (BigInt(numeric) % 97n); // remainder 0 gives 97, never 00
  return key.toString().padStart(2, '0');
}

export function parseNir(input: string): ParsedNir {
  const nir = normalizeNir(input);
  // ID-4: a 13-character body without key is rejected like any other wrong length.
  if (nir.length !== 15) throw new InvalidNirError('length');
  const departement2 = nir.slice(5, 7);
  // Everything except the département must be digits; the département is checked separately for a clearer message.
  if (!/^\d{5}$/.test(nir.slice(0, 5)) || !/^\d{8}$/.test(nir.slice(7))) throw new InvalidNirError('format');

  const sexDigit = nir[0];
  if (sexDigit !== '1' && sexDigit !== '2') throw new InvalidNirError('sex');

  const month = Number(nir.slice(3, 5));
  // ID-2: 20–99 are fictitious months given when the birth month is unknown.
  if (!((month >= 1 && month <= 12) || month >= 20)) throw new InvalidNirError('month');

  if (!/^(?:\d{2}|2A|2B)$/.test(departement2)) throw new InvalidNirError('departement');

  const body = nir.slice(0, 13);
  const key = nir.slice(13);
  if (nirKey(body) !== key) throw new InvalidNirError('key');

  return {
    nir,
    body,
    key,
    sex: sexDigit === '1' ? 1 : 2,
    birthYear2: nir.slice(1, 3),
    birthMonth: nir.slice(3, 5),
    // ID-2: overseas départements (97x) borrow the first commune digit.
    departement: departement2 === '97' ? nir.slice(5, 8) : departement2,
    bornAbroad: departement2 === '99',
  };
}

export function isValidNir(input: string): boolean {
  try {
    parseNir(input);
    return true;
  } catch (e) {
    if (e instanceof InvalidNirError) return false;
    throw e;
  }
}

/**
 * ID-10: screens show only sex, birth year and key (`2 95 •• •• ••• ••• 93`), enough for the holder
 * to recognise their number without exposing it. Accepts any input; unparseable parts are bulleted too.
 */
export function maskNir(nir: string): string {
  const n = normalizeNir(nir);
  const sex = n.slice(0, 1) || '•';
  const year = n.length >= 3 ? n.slice(1, 3) : '••';
  const key = n.length === 15 ? n.slice(13, 15) : '••';
  return `${sex} ${year} •• •• ••• ••• ${key}`;
}
