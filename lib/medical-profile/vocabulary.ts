/**
 * PRF-1..5: the coded values of the profil médical and the French labels users read. Pure data.
 */
export const ENTRY_KINDS = ['ALLERGY', 'CONDITION', 'HOSPITALISATION', 'TREATMENT', 'VACCINATION', 'FAMILY_HISTORY',
  'DISABILITY', 'BLOOD_GROUP', 'LIFESTYLE', 'CONTACT', 'ORGAN_DONATION', 'PROFESSIONAL'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const isEntryKind = (v: string): v is EntryKind => (ENTRY_KINDS as readonly string[]).includes(v);

type Labels<K extends string> = Readonly<Record<K, string>>;
const codes = <K extends string>(labels: Labels<K>) => Object.keys(labels) as [K, ...K[]];

/** PRF-1: vaccination types (DMP value set). */
export const VACCINATION_TYPES = {
  INITIMMUNIZ: 'Primo-vaccination',
  BOOSTER: 'Rappel',
  IMMUNIZ: 'Vaccination (dose unique ou non précisée)',
} as const satisfies Labels<string>;
export type VaccinationType = keyof typeof VACCINATION_TYPES;
export const VACCINATION_TYPE_CODES = codes(VACCINATION_TYPES);

/** PRF-1: the incapacity rate of a disability, in three bands. */
export const DISABILITY_RATES = {
  BELOW_50: 'Moins de 50 %',
  FROM_50_TO_79: 'De 50 à 79 %',
  AT_LEAST_80: '80 % ou plus',
} as const satisfies Labels<string>;
export type DisabilityRate = keyof typeof DISABILITY_RATES;
export const DISABILITY_RATE_CODES = codes(DISABILITY_RATES);

export const DISABILITY_TYPES = {
  MOTOR: 'Handicap moteur',
  VISUAL: 'Handicap visuel',
  HEARING: 'Handicap auditif',
  SPEECH: 'Trouble de la parole ou du langage',
  MENTAL: 'Handicap mental',
  PSYCHIC: 'Handicap psychique',
  COGNITIVE: 'Troubles cognitifs',
  DISABLING_ILLNESS: 'Maladie invalidante',
  MULTIPLE: 'Polyhandicap',
  OTHER: 'Autre handicap',
} as const satisfies Labels<string>;
export const DISABILITY_TYPE_CODES = codes(DISABILITY_TYPES);

export const BLOOD_GROUPS = {
  'A+': 'A positif (A+)', 'A-': 'A négatif (A−)', 'B+': 'B positif (B+)', 'B-': 'B négatif (B−)',
  'AB+': 'AB positif (AB+)', 'AB-': 'AB négatif (AB−)', 'O+': 'O positif (O+)', 'O-': 'O négatif (O−)',
} as const satisfies Labels<string>;
export const BLOOD_GROUP_CODES = codes(BLOOD_GROUPS);

/** PRF-1: habits of life, one entry per category. */
export const LIFESTYLE_CATEGORIES = {
  FOOD: 'Alimentation',
  PHYSICAL_ACTIVITY: 'Activité physique',
  SLEEP: 'Sommeil',
  SCREEN: 'Écrans',
  ALCOHOL: 'Alcool',
  TOBACCO: 'Tabac',
} as const satisfies Labels<string>;
export type LifestyleCategory = keyof typeof LIFESTYLE_CATEGORIES;
export const LIFESTYLE_CATEGORY_CODES = codes(LIFESTYLE_CATEGORIES);

export const FAMILY_RELATIONSHIPS = {
  MOTHER: 'Mère',
  FATHER: 'Père',
  SIBLING: 'Frère ou sœur',
  CHILD: 'Enfant',
  GRANDPARENT: 'Grand-parent',
  UNCLE_AUNT: 'Oncle ou tante',
  COUSIN: 'Cousin ou cousine',
  OTHER: 'Autre membre de la famille',
} as const satisfies Labels<string>;
export const FAMILY_RELATIONSHIP_CODES = codes(FAMILY_RELATIONSHIPS);

/** PRF-5: contact types; at most one TRUSTED_CONTACT (personne de confiance). */
export const CONTACT_TYPES = {
  EMERGENCY_CONTACT: 'Personne à prévenir en cas d’urgence',
  TRUSTED_CONTACT: 'Personne de confiance',
  CAREGIVER_CONTACT: 'Aidant ou aidante',
  HELP_CONTACT: 'Contact d’aide (service d’aide à domicile, association…)',
} as const satisfies Labels<string>;
export type ContactType = keyof typeof CONTACT_TYPES;
export const CONTACT_TYPE_CODES = codes(CONTACT_TYPES);

/** PRF-5: the organ-donation position, informational only. */
export const ORGAN_DONATION_POSITIONS = {
  FAVORABLE: 'Je suis favorable au don de mes organes et tissus',
  OPPOSED: 'Je suis opposé ou opposée au don de mes organes et tissus',
  UNDECIDED: 'Je ne souhaite pas me prononcer pour le moment',
} as const satisfies Labels<string>;
export const ORGAN_DONATION_CODES = codes(ORGAN_DONATION_POSITIONS);

/** PRF-3: the professionals one names, at most one of each role. */
export const PROFESSIONAL_ROLES = {
  MEDECIN_TRAITANT: 'Médecin traitant',
  PHARMACIEN_CORRESPONDANT: 'Pharmacien correspondant',
  SAGE_FEMME_REFERENTE: 'Sage-femme référente',
} as const satisfies Labels<string>;
export type ProfessionalRole = keyof typeof PROFESSIONAL_ROLES;
export const PROFESSIONAL_ROLE_CODES = codes(PROFESSIONAL_ROLES);

/** PRF-3: the sentence every screen naming a professional shows. */
export const NOT_A_DECLARATION = 'Indiquer un professionnel ici n’est pas une déclaration auprès de l’Assurance Maladie. '
  + 'Votre médecin traitant se déclare avec lui, lors d’une consultation.';

/** PRF-5: what the organ-donation position is, and is not. */
export const ORGAN_DONATION_NOTICE = 'Cette information est indicative et n’a pas de valeur légale : en France, chacun est présumé donneur. '
  + 'Pour refuser le prélèvement, inscrivez-vous sur le registre national des refus de l’Agence de la biomédecine et dites-le à vos proches.';

/** Yes / no answers of radio groups. */
export const YES_NO = { oui: 'Oui', non: 'Non' } as const;
