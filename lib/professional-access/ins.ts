import { normalizeNir } from '@/lib/identity/nir';

/**
 * ID-6..8: the INS a professional gives (matricule INS + the five traits) against the stored identity.
 * Pure. Traits are compared after trimming, collapsing spaces and case-folding (accents kept: the INS
 * traits are the civil-status spelling, "HÉLÈNE" and "HELENE" differ).
 */
export type InsTraits = {
  /** Matricule INS: own NIR or NIA, 15 characters with its key. */
  matricule: string;
  birthName: string;
  /** Birth first names separated by single spaces. */
  firstNames: string;
  /** ISO date. */
  birthDate: string;
  sex: number;
  /** INSEE COG code of the birthplace (commune, or 99xxx for a country). */
  birthPlace: string;
};
export type InsTrait = Exclude<keyof InsTraits, 'matricule'>;

export const TRAIT_LABELS: Record<InsTrait, string> = {
  birthName: 'nom de naissance', firstNames: 'prénoms de naissance', birthDate: 'date de naissance', sex: 'sexe', birthPlace: 'lieu de naissance',
};

const fold = (v: string) => v.trim().replace(/\s+/g, ' ').toLocaleUpperCase('fr-FR');

export const normalizeMatricule = (v: string) => normalizeNir(v);

/** The traits that differ (ID-8). A trait missing from the stored identity never matches. */
export function insMismatches(stored: Omit<InsTraits, 'matricule' | 'birthPlace'> & { birthPlace: string | null }, given: Omit<InsTraits, 'matricule'>): InsTrait[] {
  const out: InsTrait[] = [];
  if (fold(stored.birthName) !== fold(given.birthName)) out.push('birthName');
  if (fold(stored.firstNames) !== fold(given.firstNames)) out.push('firstNames');
  if (stored.birthDate !== given.birthDate) out.push('birthDate');
  if (stored.sex !== given.sex) out.push('sex');
  if (stored.birthPlace === null || fold(stored.birthPlace) !== fold(given.birthPlace)) out.push('birthPlace');
  return out;
}
