import { checkVitaleSerial } from '@/lib/auth/credential-rules';
import { frenchDateToIso } from '@/lib/identity/dates';
import { InvalidNirError, parseNir } from '@/lib/identity/nir';
import { DEPARTEMENTS, normalizeDepartement } from './departements';

/**
 * BO-1: one line of the population file, checked without I/O. Every problem is reported with its
 * column and a French reason; a line with any problem is rejected as a whole.
 */
export const COLUMNS = [
  'nir', 'numero_serie_vitale', 'nom_naissance', 'prenoms', 'date_naissance', 'sexe', 'lieu_naissance',
  'departement', 'email', 'mobile', 'adresse_postale', 'nir_parent_principal', 'aide_sociale_enfance', 'dmp_existant',
] as const;
export type Column = (typeof COLUMNS)[number];
export type RawRow = Partial<Record<Column, string>>;

export type InsuredRow = {
  nir: string; vitaleSerial: string; birthName: string; firstNames: string; birthDate: string; sex: 1 | 2;
  birthPlace: string; departement: string; email: string | null; mobile: string | null; postalAddress: string | null;
  parentNir: string | null; ase: boolean; hasDmp: boolean;
};
export type RowProblem = { column: Column | 'ligne'; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const COG = /^(\d{5}|2[AB]\d{3})$/;
const YES = new Set(['oui', 'o', '1', 'true', 'vrai']);
const NO = new Set(['', 'non', 'n', '0', 'false', 'faux']);

/** French mobile numbers, stored as +33…: 06/07 or +33 6/7, with or without separators. */
export function normalizeMobile(input: string): string | undefined {
  const digits = input.replace(/[\s.\-()]/g, '');
  const m = /^(?:\+33|0033|0)([67]\d{8})$/.exec(digits);
  return m ? `+33${m[1]}` : undefined;
}

function yesNo(value: string | undefined, column: Column, problems: RowProblem[]): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (YES.has(v)) return true;
  if (!NO.has(v)) problems.push({ column, reason: 'Valeur attendue : « oui » ou « non ».' });
  return false;
}

/** Still a minor on `today` (both YYYY-MM-DD): the 18th birthday is compared as a string. */
export function isMinorOn(birthDate: string, today: string): boolean {
  return `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}` > today;
}

export function checkRow(raw: RawRow, today: string): { row?: InsuredRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (c: Column) => (raw[c] ?? '').trim();

  let nir = '';
  let nirSex: 1 | 2 | undefined;
  try {
    const parsed = parseNir(text('nir'));
    nir = parsed.nir;
    nirSex = parsed.sex;
  } catch (e) {
    problems.push({ column: 'nir', reason: e instanceof InvalidNirError ? e.message : 'NIR illisible.' });
  }
  const vitaleSerial = text('numero_serie_vitale').replace(/\s/g, '');
  const serialError = checkVitaleSerial(vitaleSerial);
  if (serialError) problems.push({ column: 'numero_serie_vitale', reason: serialError });
  const birthName = text('nom_naissance').toUpperCase();
  if (!birthName) problems.push({ column: 'nom_naissance', reason: 'Le nom de naissance est obligatoire.' });
  const firstNames = text('prenoms').replace(/\s+/g, ' ');
  if (!firstNames) problems.push({ column: 'prenoms', reason: 'Au moins un prénom est obligatoire.' });
  const birthDate = frenchDateToIso(text('date_naissance'));
  if (!birthDate) problems.push({ column: 'date_naissance', reason: 'Date invalide : format attendu JJ/MM/AAAA.' });
  else if (birthDate > today) problems.push({ column: 'date_naissance', reason: 'La date de naissance est dans le futur.' });
  const sexText = text('sexe').toUpperCase();
  const sex = sexText === '1' || sexText === 'M' ? 1 : sexText === '2' || sexText === 'F' ? 2 : undefined;
  if (!sex) problems.push({ column: 'sexe', reason: 'Valeur attendue : 1 ou M (homme), 2 ou F (femme).' });
  else if (nirSex && sex !== nirSex) problems.push({ column: 'sexe', reason: 'Le sexe ne correspond pas au premier chiffre du NIR.' });
  const birthPlace = text('lieu_naissance').toUpperCase();
  if (!COG.test(birthPlace)) problems.push({ column: 'lieu_naissance', reason: 'Code officiel géographique (COG) attendu : 5 caractères, par exemple 75056.' });
  const departement = normalizeDepartement(text('departement'));
  if (!DEPARTEMENTS.has(departement)) problems.push({ column: 'departement', reason: `Département inconnu : « ${text('departement')} ».` });
  const emailText = text('email').toLowerCase();
  if (emailText && !EMAIL.test(emailText)) problems.push({ column: 'email', reason: 'Adresse électronique invalide.' });
  const mobileText = text('mobile');
  const mobile = mobileText ? normalizeMobile(mobileText) : undefined;
  if (mobileText && !mobile) problems.push({ column: 'mobile', reason: 'Numéro de mobile français attendu (06, 07 ou +33 6, +33 7).' });
  const postalAddress = text('adresse_postale').replace(/\s+/g, ' ');
  if (!emailText && !postalAddress) {
    problems.push({ column: 'adresse_postale', reason: 'Sans adresse électronique, une adresse postale est obligatoire pour l’envoi du courrier (CMP-3).' });
  }
  const ase = yesNo(raw.aide_sociale_enfance, 'aide_sociale_enfance', problems);
  const hasDmp = yesNo(raw.dmp_existant, 'dmp_existant', problems);
  let parentNir: string | null = null;
  if (text('nir_parent_principal')) {
    try {
      parentNir = parseNir(text('nir_parent_principal')).nir;
      if (parentNir === nir) problems.push({ column: 'nir_parent_principal', reason: 'Le NIR du parent est celui de l’enfant.' });
    } catch (e) {
      problems.push({ column: 'nir_parent_principal', reason: e instanceof InvalidNirError ? `NIR du parent : ${e.message}` : 'NIR du parent illisible.' });
    }
  }
  // CMP-2, REP-7: a minor needs the parent principal, unless placed with the ASE (no representative).
  if (birthDate && birthDate <= today && isMinorOn(birthDate, today) && !parentNir && !ase && !problems.some((p) => p.column === 'nir_parent_principal')) {
    problems.push({ column: 'nir_parent_principal', reason: 'Enfant mineur sans NIR du parent principal (ni prise en charge par l’aide sociale à l’enfance).' });
  }
  if (problems.length || !birthDate || !sex) return { problems };
  return { row: {
    nir, vitaleSerial, birthName, firstNames, birthDate, sex, birthPlace, departement, email: emailText || null,
    mobile: mobile ?? null, postalAddress: postalAddress || null, parentNir, ase, hasDmp,
  }, problems };
}
