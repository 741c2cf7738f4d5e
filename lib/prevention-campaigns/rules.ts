import { z } from 'zod';
import type { CareCategory } from '@/db/schema';
import { DEPARTEMENTS } from '@/lib/population/departements';
import { DEPARTEMENT_NAMES } from './departement-names';
import { DEFAULT_WHY_TEXTS, fillWhyTemplate, type WhyTexts } from './why-texts';

/**
 * PRV-6: a prevention campaign's targeting rules, held as data (the `rules` column) and validated here.
 * Known data only: age (years, from the date of birth, PRV-5), sex, département of residence, and the
 * reimbursement history (a care episode category present or absent over the last N months). Never a
 * document, never a minor's confidential data (not stored at all, HIS-6).
 */
export const CARE_CATEGORY_LABELS: Record<CareCategory, string> = {
  DISEASE: 'consultation ou soin pour maladie',
  BIOLOGY: 'analyse de biologie',
  MEDICINE: 'médicament',
  MEDICAL_DENTAL_CARE: 'soin dentaire',
  HOSPITALIZATION: 'hospitalisation',
  RADIOLOGY: 'examen de radiologie',
  MEDICAL_DEVICE: 'dispositif médical',
  VACCINE: 'vaccin',
};
const CATEGORIES = Object.keys(CARE_CATEGORY_LABELS) as [CareCategory, ...CareCategory[]];

export const historyRuleSchema = z.object({
  category: z.enum(CATEGORIES, { error: 'Choisissez une catégorie de remboursement.' }),
  present: z.boolean(),
  months: z.number({ error: 'Indiquez une durée en mois.' }).int('Indiquez un nombre entier de mois.')
    .min(1, 'La durée va de 1 à 120 mois.').max(120, 'La durée va de 1 à 120 mois.'),
});

export const rulesSchema = z.object({
  minAge: z.number().int().min(0, 'L’âge va de 0 à 120 ans.').max(120, 'L’âge va de 0 à 120 ans.').nullable(),
  maxAge: z.number().int().min(0, 'L’âge va de 0 à 120 ans.').max(120, 'L’âge va de 0 à 120 ans.').nullable(),
  /** 1 man, 2 woman (NIR convention), null both. */
  sex: z.union([z.literal(1), z.literal(2)]).nullable(),
  departements: z.array(z.string().refine((d) => DEPARTEMENTS.has(d), { error: 'Ce département n’existe pas.' })).max(101),
  history: historyRuleSchema.nullable(),
}).refine((r) => r.minAge === null || r.maxAge === null || r.minAge <= r.maxAge, {
  error: 'L’âge minimal doit être inférieur ou égal à l’âge maximal.', path: ['maxAge'],
});
export type CampaignRules = z.infer<typeof rulesSchema>;
export type HistoryRule = z.infer<typeof historyRuleSchema>;

/** The matched facts kept with each message (prevention_messages.criteria), for « Pourquoi ce message ? ». */
export type MessageCriteria = {
  age?: number | null;
  sex?: number | null;
  departement?: string | null;
  history?: HistoryRule | null;
};

/**
 * PRV-7: « Pourquoi ce message ? », one sentence per criterion that triggered the message, from the
 * facts matched when it was sent (« Vous avez 50 ans », « Vous êtes une femme », « Vous habitez la Haute-Vienne »).
 * BO-7: the sentences are the templates of the version in force (why-texts.ts), the seeded ones by default.
 */
export function whyThisMessage(criteria: MessageCriteria, texts: WhyTexts = DEFAULT_WHY_TEXTS): string[] {
  const lines: string[] = [];
  if (typeof criteria.age === 'number') lines.push(fillWhyTemplate(texts.AGE, { age: criteria.age, ans: criteria.age >= 2 ? 'ans' : 'an' }));
  if (criteria.sex === 2) lines.push(texts.SEX_FEMALE);
  if (criteria.sex === 1) lines.push(texts.SEX_MALE);
  if (criteria.departement) {
    const name = DEPARTEMENT_NAMES[criteria.departement];
    lines.push(fillWhyTemplate(texts.DEPARTEMENT, { departement: name ?? `le département ${criteria.departement}`, code_departement: criteria.departement }));
  }
  if (criteria.history) {
    const { category, present, months } = criteria.history;
    lines.push(fillWhyTemplate(present ? texts.HISTORY_PRESENT : texts.HISTORY_ABSENT, { categorie: CARE_CATEGORY_LABELS[category], mois: months }));
  }
  if (lines.length === 0) lines.push(texts.NO_CRITERIA);
  return lines;
}

/** The rules in words for the back-office list (« 50 à 74 ans, femmes, 87 »). */
export function describeRules(rules: CampaignRules): string {
  const parts: string[] = [];
  if (rules.minAge !== null && rules.maxAge !== null) parts.push(`${rules.minAge} à ${rules.maxAge} ans`);
  else if (rules.minAge !== null) parts.push(`${rules.minAge} ans et plus`);
  else if (rules.maxAge !== null) parts.push(`jusqu’à ${rules.maxAge} ans`);
  if (rules.sex) parts.push(rules.sex === 2 ? 'femmes' : 'hommes');
  if (rules.departements.length > 0) parts.push(`départements ${rules.departements.join(', ')}`);
  if (rules.history) {
    parts.push(`${rules.history.present ? 'avec' : 'sans'} « ${CARE_CATEGORY_LABELS[rules.history.category]} » sur ${rules.history.months} mois`);
  }
  return parts.length > 0 ? parts.join(' ; ') : 'tous les profils actifs';
}
