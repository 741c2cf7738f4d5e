import type { CareCategory } from '@/db/schema';

/** HIS-2: the episode categories, with the French label the patient reads. */
export const CARE_CATEGORIES: Record<CareCategory, string> = {
  DISEASE: 'Maladies et affections de longue durée',
  BIOLOGY: 'Analyses de biologie',
  MEDICINE: 'Médicaments',
  MEDICAL_DENTAL_CARE: 'Soins médicaux et dentaires',
  HOSPITALIZATION: 'Hospitalisations',
  RADIOLOGY: 'Radiologie et imagerie',
  MEDICAL_DEVICE: 'Dispositifs médicaux',
  VACCINE: 'Vaccins',
};

export const CARE_CATEGORY_CODES = Object.keys(CARE_CATEGORIES) as CareCategory[];

export const isCareCategory = (value: string | undefined): value is CareCategory =>
  value !== undefined && Object.hasOwn(CARE_CATEGORIES, value);
