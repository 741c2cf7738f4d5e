import { CATEGORIES, type Category } from '@/lib/documents/categories';

/** PRO-9: the professions (TRE_G15 codes) the matrix knows, with their French labels (singular, plural). */
export const PROFESSIONS = {
  '10': { label: 'Médecin', plural: 'médecins' },
  '21': { label: 'Pharmacien', plural: 'pharmaciens' },
  '40': { label: 'Chirurgien-dentiste', plural: 'chirurgiens-dentistes' },
  '50': { label: 'Sage-femme', plural: 'sages-femmes' },
  '60': { label: 'Infirmier', plural: 'infirmiers' },
  '70': { label: 'Masseur-kinésithérapeute', plural: 'masseurs-kinésithérapeutes' },
  '80': { label: 'Pédicure-podologue', plural: 'pédicures-podologues' },
} as const;

export type ProfessionCode = keyof typeof PROFESSIONS;
export const PROFESSION_CODES = Object.keys(PROFESSIONS) as ProfessionCode[];
export const isProfessionCode = (code: string): code is ProfessionCode => Object.hasOwn(PROFESSIONS, code);
export const professionLabel = (code: string) => (isProfessionCode(code) ? PROFESSIONS[code].label : `Profession ${code}`);

/** DOC-1 categories (REMB included: the HIS-5 row of Mon histoire de santé), in the order tables show them. */
export const MATRIX_CATEGORIES = Object.keys(CATEGORIES) as Category[];
export const matrixCategoryLabel = (code: string) =>
  code === 'REMB' ? 'Mon histoire de santé (remboursements)' : Object.hasOwn(CATEGORIES, code) ? CATEGORIES[code as Category].label : code;

/** DOC-14: LOINC type codes of professional documents (JDV_J66 subset) and their category. */
export const DOCUMENT_TYPES: Record<string, { label: string; category: Category }> = {
  '11488-4': { label: 'CR de consultation', category: 'CPT_REND' },
  '11490-0': { label: 'Lettre de liaison de sortie', category: 'CPT_REND' },
  '34112-3': { label: 'CR d’hospitalisation', category: 'CPT_REND' },
  '34133-9': { label: 'Synthèse d’épisode', category: 'CPT_REND' },
  '11526-1': { label: 'CR d’anatomopathologie', category: 'CPT_REND' },
  '15507-7': { label: 'CR de passage aux urgences', category: 'CPT_REND' },
  '15508-5': { label: 'CR d’accouchement', category: 'CPT_REND' },
  '34874-8': { label: 'CR opératoire', category: 'CPT_REND' },
  '34794-8': { label: 'CR de RCP', category: 'CPT_REND' },
  '10213-7': { label: 'CR d’anesthésie', category: 'CPT_REND' },
  '11502-2': { label: 'CR de biologie', category: 'BIOLOGIE' },
  '18748-4': { label: 'CR d’imagerie', category: 'RADIO_SC' },
  '52040-3': { label: 'Image non DICOM', category: 'RADIO_SC' },
  '57833-6': { label: 'Prescription de produits de santé', category: 'ORD_SOIN' },
  '57832-8': { label: 'Prescription de soins', category: 'ORD_SOIN' },
  '57828-6': { label: 'Prescription (autre)', category: 'ORD_SOIN' },
  '60593-1': { label: 'Dispensation', category: 'ORD_SOIN' },
  '56445-0': { label: 'Bilan médicamenteux', category: 'ORD_SOIN' },
  '18776-5': { label: 'Plan personnalisé de soins', category: 'ORD_SOIN' },
  '60591-5': { label: 'Synthèse médicale (VSM)', category: 'SYNTHESE' },
  '59283-2': { label: 'CR d’examen de l’enfant', category: 'DEPISTAG' },
  '11369-6': { label: 'Historique des vaccinations', category: 'CAR_VAC' },
};
export const typeLabel = (code: string) => DOCUMENT_TYPES[code]?.label ?? `Type ${code}`;
