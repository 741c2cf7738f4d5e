import type { CareCategory } from '@/db/schema';
import { frenchDateToIso } from '@/lib/identity/dates';
import { InvalidNirError, parseNir } from '@/lib/identity/nir';
import { CARE_CATEGORY_CODES, isCareCategory } from './categories';

/**
 * HIS-1..3, HIS-6: one claim line of the fund's reimbursement feed, checked without I/O. Every problem
 * is reported with its column and a French reason that never quotes the line's medical content; a
 * line with any problem is rejected as a whole. No amounts (HIS-2).
 */
export const CLAIM_COLUMNS = [
  'identifiant_ligne', 'nir', 'date_soins', 'categorie', 'libelle', 'specialite_prescripteur', 'acte_confidentiel_mineur',
  'finess_dispensateur',
] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];
export type RawClaim = Partial<Record<ClaimColumn, string>>;
/** The prescriber's specialty may be absent (a vaccine bought without prescription). */
export const OPTIONAL_CLAIM_COLUMNS: readonly ClaimColumn[] = ['specialite_prescripteur', 'finess_dispensateur'];
/** MSG-3(b): the dispensing pharmacy's FINESS (9 characters; 2A/2B for Corsica), optional — older feeds lack the column. */
const FINESS = /^[0-9][0-9AB][0-9]{7}$/;

export type ClaimLine = {
  claimLineId: string; nir: string; careDate: string; category: CareCategory; label: string;
  prescriberSpecialty: string | null;
  /** MSG-3(b): the pharmacy that dispensed the line, when the feed says so. */
  dispenserFiness: string | null;
  /** HIS-6: an act of L1111-5, L1111-5-1, L2212-4/-7, L6211-3-1 (never stored for a minor). */
  confidential: boolean;
};
export type ClaimProblem = { column: ClaimColumn; reason: string };

export const MAX_CLAIM_ID = 64;
export const MAX_LABEL = 200;
export const MAX_SPECIALTY = 100;
/** Older care is not part of any history we could be sent (a typo in the year, most likely). */
const OLDEST_CARE_DATE = '1990-01-01';

/** HIS-6 needs an explicit answer: an empty flag could hide a confidential act. */
function yesNo(value: string | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'oui') return true;
  if (v === 'non') return false;
  return undefined;
}

export function checkClaim(raw: RawClaim, today: string): { line?: ClaimLine; problems: ClaimProblem[] } {
  const problems: ClaimProblem[] = [];
  const text = (c: ClaimColumn) => (raw[c] ?? '').trim();

  const claimLineId = text('identifiant_ligne');
  if (!claimLineId) problems.push({ column: 'identifiant_ligne', reason: 'L’identifiant de ligne est obligatoire.' });
  else if (claimLineId.length > MAX_CLAIM_ID) problems.push({ column: 'identifiant_ligne', reason: `Identifiant de ligne trop long (${MAX_CLAIM_ID} caractères au plus).` });
  else if (/\s/.test(claimLineId)) problems.push({ column: 'identifiant_ligne', reason: 'L’identifiant de ligne ne doit pas contenir d’espace.' });

  let nir = '';
  try {
    nir = parseNir(text('nir')).nir;
  } catch (e) {
    problems.push({ column: 'nir', reason: e instanceof InvalidNirError ? e.message : 'NIR illisible.' });
  }

  const careDate = frenchDateToIso(text('date_soins'));
  if (!careDate) problems.push({ column: 'date_soins', reason: 'Date invalide : format attendu JJ/MM/AAAA.' });
  else if (careDate > today) problems.push({ column: 'date_soins', reason: 'La date des soins est dans le futur.' });
  else if (careDate < OLDEST_CARE_DATE) problems.push({ column: 'date_soins', reason: 'La date des soins est antérieure à 1990.' });

  const categoryText = text('categorie').toUpperCase();
  if (!isCareCategory(categoryText)) {
    problems.push({ column: 'categorie', reason: `Catégorie inconnue : valeurs attendues ${CARE_CATEGORY_CODES.join(', ')}.` });
  }

  const label = text('libelle').replace(/\s+/g, ' ');
  if (!label) problems.push({ column: 'libelle', reason: 'Le libellé est obligatoire.' });
  else if (label.length > MAX_LABEL) problems.push({ column: 'libelle', reason: `Libellé trop long (${MAX_LABEL} caractères au plus).` });

  const specialty = text('specialite_prescripteur').replace(/\s+/g, ' ');
  if (specialty.length > MAX_SPECIALTY) {
    problems.push({ column: 'specialite_prescripteur', reason: `Spécialité trop longue (${MAX_SPECIALTY} caractères au plus).` });
  }

  const dispenserFiness = text('finess_dispensateur').toUpperCase();
  if (dispenserFiness && !FINESS.test(dispenserFiness)) {
    problems.push({ column: 'finess_dispensateur', reason: 'FINESS du dispensateur invalide : 9 caractères attendus (chiffres, 2A ou 2B pour la Corse).' });
  }

  const confidential = yesNo(raw.acte_confidentiel_mineur);
  if (confidential === undefined) problems.push({ column: 'acte_confidentiel_mineur', reason: 'Valeur attendue : « oui » ou « non ».' });

  if (problems.length || !careDate || confidential === undefined || !isCareCategory(categoryText)) return { problems };
  return { line: { claimLineId, nir, careDate, category: categoryText, label, prescriberSpecialty: specialty || null,
    dispenserFiness: dispenserFiness || null, confidential }, problems };
}
