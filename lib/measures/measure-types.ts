/**
 * MEA-1: the measure types, as data. Codes, units and LOINC follow the ANS "Mesures de santé"
 * specification; ranges, decimals and French wording are project choices.
 *
 * Blood pressure is ONE reading of two numbers (LOINC panel 85354-9): it is stored as one row whose
 * `value` is the systolic pressure (8480-6) and `value2` the diastolic (8462-4), so a reading can never
 * lose one half and "systolic > diastolic" is checked on the row itself.
 */
export type Bound = { min: number; max: number; decimals: number };

/** The number a user types: its rule, and how messages and the form name it. */
export type Component = Bound & {
  code: string;
  loinc: string;
  /** "le poids", "la pression systolique": for « Saisissez le poids. » */
  the: string;
  /** Grammatical gender when the article does not tell (« l’HbA1c »); else read from « la ». */
  feminine?: boolean;
  /** Form label, e.g. « Poids (kg) ». */
  fieldLabel: string;
  /** A value to show in hints and errors, written the French way. */
  example: string;
};

export type MeasureType = {
  code: string;
  label: string;
  unit: string;
  loinc: string;
  /** The URL segment of the type's page (`/espace/mesures/poids`). */
  slug: string;
  /** The user types it (false: computed from other measures, MEA-3, MEA-5). */
  enterable: boolean;
  /** One component for most types; two for blood pressure (systolic, diastolic). */
  components: readonly Component[];
};

const single = (code: string, loinc: string, the: string, fieldLabel: string, example: string, bound: Bound & { feminine?: boolean }): Component[] =>
  [{ code, loinc, the, fieldLabel, example, ...bound }];

export const MEASURE_TYPES = [
  { code: 'WEIGHT', label: 'Poids', unit: 'kg', loinc: '29463-7', slug: 'poids', enterable: true,
    components: single('WEIGHT', '29463-7', 'le poids', 'Poids (kg)', '72,5', { min: 0.3, max: 400, decimals: 2 }) },
  { code: 'HEIGHT', label: 'Taille', unit: 'cm', loinc: '8302-2', slug: 'taille', enterable: true,
    components: single('HEIGHT', '8302-2', 'la taille', 'Taille (cm)', '172', { min: 20, max: 250, decimals: 1 }) },
  { code: 'BODY_MASS_INDEX', label: 'IMC', unit: 'kg/m²', loinc: '39156-5', slug: 'imc', enterable: false, components: [] },
  { code: 'WAIST_CIRCUMFERENCE', label: 'Tour de taille', unit: 'cm', loinc: '8280-0', slug: 'tour-de-taille', enterable: true,
    components: single('WAIST_CIRCUMFERENCE', '8280-0', 'le tour de taille', 'Tour de taille (cm)', '85', { min: 20, max: 250, decimals: 1 }) },
  { code: 'HEAD_CIRCUMFERENCE', label: 'Périmètre crânien', unit: 'cm', loinc: '8287-5', slug: 'perimetre-cranien', enterable: true,
    components: single('HEAD_CIRCUMFERENCE', '8287-5', 'le périmètre crânien', 'Périmètre crânien (cm)', '42,5', { min: 20, max: 70, decimals: 1 }) },
  { code: 'BODY_TEMPERATURE', label: 'Température', unit: '°C', loinc: '8310-5', slug: 'temperature', enterable: true,
    components: single('BODY_TEMPERATURE', '8310-5', 'la température', 'Température (°C)', '37,2', { min: 30, max: 45, decimals: 1 }) },
  { code: 'BLOOD_PRESSURE', label: 'Tension artérielle', unit: 'mmHg', loinc: '85354-9', slug: 'tension-arterielle', enterable: true,
    components: [
      { code: 'SYSTOLIC', loinc: '8480-6', the: 'la pression systolique', fieldLabel: 'Pression systolique (mmHg)', example: '120', min: 50, max: 300, decimals: 0 },
      { code: 'DIASTOLIC', loinc: '8462-4', the: 'la pression diastolique', fieldLabel: 'Pression diastolique (mmHg)', example: '80', min: 20, max: 200, decimals: 0 },
    ] },
  { code: 'HEART_RATE', label: 'Fréquence cardiaque', unit: '/min', loinc: '8867-4', slug: 'frequence-cardiaque', enterable: true,
    components: single('HEART_RATE', '8867-4', 'la fréquence cardiaque', 'Fréquence cardiaque (battements par minute)', '72', { min: 20, max: 250, decimals: 0 }) },
  { code: 'GLUCOSE', label: 'Glycémie', unit: 'g/L', loinc: '2339-0', slug: 'glycemie', enterable: true,
    components: single('GLUCOSE', '2339-0', 'la glycémie', 'Glycémie (g/L)', '0,95', { min: 0.2, max: 6, decimals: 2 }) },
  { code: 'INTERSTITIAL_GLUCOSE', label: 'Glucose interstitiel', unit: 'g/L', loinc: 'NCIt C159776', slug: 'glucose-interstitiel', enterable: true,
    components: single('INTERSTITIAL_GLUCOSE', 'NCIt C159776', 'le glucose interstitiel', 'Glucose interstitiel (g/L)', '1,05', { min: 0.2, max: 6, decimals: 2 }) },
  { code: 'GLYCATED_HEMOGLOBIN', label: 'HbA1c', unit: '%', loinc: '4548-4', slug: 'hba1c', enterable: true,
    components: single('GLYCATED_HEMOGLOBIN', '4548-4', 'l’HbA1c', 'HbA1c (%)', '6,5', { min: 3, max: 20, decimals: 1, feminine: true }) },
  { code: 'HEMOGLOBIN_GLYCATION_INDEX', label: 'GMI', unit: '%', loinc: '', slug: 'gmi', enterable: false, components: [] },
  { code: 'PAIN_SEVERITY', label: 'Douleur', unit: '/10', loinc: '72514-3', slug: 'douleur', enterable: true,
    components: single('PAIN_SEVERITY', '72514-3', 'la douleur', 'Douleur (de 0 à 10)', '3', { min: 0, max: 10, decimals: 0 }) },
  { code: 'STEPS_BY_DAY', label: 'Pas par jour', unit: 'pas', loinc: '41950-7', slug: 'pas-par-jour', enterable: true,
    components: single('STEPS_BY_DAY', '41950-7', 'le nombre de pas', 'Nombre de pas', '8000', { min: 0, max: 100_000, decimals: 0 }) },
] as const satisfies readonly MeasureType[];

export type MeasureTypeCode = (typeof MEASURE_TYPES)[number]['code'];
/** The types a user enters (and the values of `measures.type`). */
export type EnterableTypeCode = Extract<(typeof MEASURE_TYPES)[number], { enterable: true }>['code'];

export const ENTERABLE_TYPES: readonly MeasureType[] = MEASURE_TYPES.filter((t) => t.enterable);
export const ENTERABLE_CODES = ENTERABLE_TYPES.map((t) => t.code) as EnterableTypeCode[];

export function measureType(code: MeasureTypeCode): MeasureType {
  return MEASURE_TYPES.find((t) => t.code === code)!;
}

export function isEnterable(code: string): code is EnterableTypeCode {
  return (ENTERABLE_CODES as string[]).includes(code);
}

export function typeBySlug(slug: string): (MeasureType & { code: EnterableTypeCode }) | undefined {
  return ENTERABLE_TYPES.find((t) => t.slug === slug) as (MeasureType & { code: EnterableTypeCode }) | undefined;
}

/** MEA-2: where a value comes from. */
export const MEASURE_SOURCES = ['PATIENT', 'SERVICE_TIERS', 'DOCUMENT_EXTRACTION', 'PS'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];
