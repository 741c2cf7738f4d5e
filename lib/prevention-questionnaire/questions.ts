import type { LifestyleCategory } from '@/lib/medical-profile/vocabulary';

/**
 * PRV-4, PRV-10: the self-questionnaire of « Mon bilan prévention » as data: its sections, questions,
 * answer choices and the age bands each question is asked in. Wording follows the real auto-questionnaire
 * (habits, well-being, vaccinations and screenings, weight and height, caregiving). Pure data; the
 * checks are in validate-answers.ts, the profil médical mapping in profile-feed.ts.
 */
export const BANDS = ['18-25', '45-50', '60-65', '70-75'] as const;
export type Band = (typeof BANDS)[number];

export type Option = { value: string; label: string };
type Base = { id: string; label: string; hint?: string; bands?: readonly Band[] };
export type ChoiceQuestion = Base & { kind: 'choice'; options: readonly Option[]; required: boolean; requiredMessage: string;
  /** PRF-1: the « Habitudes de vie » category this answer feeds. */ lifestyle?: LifestyleCategory };
export type NumberQuestion = Base & { kind: 'number'; the: string; feminine: boolean; unit: string; min: number; max: number; decimals: number; example: string;
  /** MEA-1: the measure type this answer feeds. */ measure: 'WEIGHT' | 'HEIGHT' };
export type TextQuestion = Base & { kind: 'text'; maxLength: number };
export type Question = ChoiceQuestion | NumberQuestion | TextQuestion;
export type Section = { id: string; title: string; intro?: string; questions: readonly Question[] };

export const QUESTIONNAIRE_EDITION = '2024';
export const QUESTIONNAIRE_TITLE = 'Mon bilan prévention';
/** The form's sharing checkbox (PRV-10, VIS-1): « Ne pas partager ce questionnaire avec les professionnels de santé ». */
export const HIDE_FIELD = 'masquerAuxProfessionnels';

const YES_NO: readonly Option[] = [{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }];
const YES_NO_UNSURE: readonly Option[] = [...YES_NO, { value: 'ne-sais-pas', label: 'Je ne sais pas' }];
const TWO_WEEKS: readonly Option[] = [
  { value: 'jamais', label: 'Jamais' },
  { value: 'plusieurs-jours', label: 'Plusieurs jours' },
  { value: 'plus-de-la-moitie', label: 'Plus de la moitié du temps' },
  { value: 'presque-tous-les-jours', label: 'Presque tous les jours' },
];
const ANSWER = 'Choisissez une réponse.';

const choice = (q: Omit<ChoiceQuestion, 'kind' | 'required' | 'requiredMessage'> & { required?: boolean; requiredMessage?: string }): ChoiceQuestion =>
  ({ kind: 'choice', required: true, requiredMessage: ANSWER, ...q });

export const SECTIONS: readonly Section[] = [
  {
    id: 'situation', title: 'Votre situation',
    questions: [
      choice({ id: 'activite', label: 'Quelle est votre situation actuelle ?', options: [
        { value: 'etudes', label: 'En études ou en formation' },
        { value: 'emploi', label: 'En emploi' },
        { value: 'recherche', label: 'En recherche d’emploi' },
        { value: 'retraite', label: 'À la retraite' },
        { value: 'autre', label: 'Autre situation (au foyer, en arrêt longue durée…)' },
      ] }),
      choice({ id: 'aidant', label: 'Aidez-vous régulièrement un proche malade, âgé ou en situation de handicap ?',
        hint: 'Par exemple pour ses courses, ses repas, sa toilette, ses démarches ou pour l’accompagner à ses rendez-vous.', options: YES_NO }),
      choice({ id: 'medecinTraitant', label: 'Avez-vous un médecin traitant ?', options: YES_NO_UNSURE }),
    ],
  },
  {
    id: 'habitudes', title: 'Vos habitudes de vie',
    intro: 'Vos réponses à ces questions mettent à jour la rubrique « Habitudes de vie » de votre profil médical.',
    questions: [
      choice({ id: 'tabac', lifestyle: 'TOBACCO', label: 'Fumez-vous du tabac ?', options: [
        { value: 'jamais', label: 'Je n’ai jamais fumé' },
        { value: 'arrete', label: 'J’ai arrêté de fumer' },
        { value: 'occasionnel', label: 'Je fume occasionnellement' },
        { value: 'quotidien', label: 'Je fume tous les jours' },
      ] }),
      choice({ id: 'vapotage', label: 'Utilisez-vous une cigarette électronique (vapoteuse) ?', options: YES_NO, required: false }),
      choice({ id: 'alcool', lifestyle: 'ALCOHOL', label: 'À quelle fréquence buvez-vous des boissons contenant de l’alcool ?', options: [
        { value: 'jamais', label: 'Jamais' },
        { value: 'mensuel', label: 'Une fois par mois ou moins' },
        { value: '2-4-mois', label: '2 à 4 fois par mois' },
        { value: '2-3-semaine', label: '2 à 3 fois par semaine' },
        { value: '4-semaine', label: '4 fois ou plus par semaine' },
      ] }),
      choice({ id: 'alcoolOccasion', label: 'À quelle fréquence vous arrive-t-il de boire 6 verres ou plus lors d’une même occasion ?',
        hint: 'Un verre standard : un demi de bière, un verre de vin ou une dose d’alcool fort servis dans un bar.', required: false, options: [
          { value: 'jamais', label: 'Jamais' },
          { value: 'moins-mensuel', label: 'Moins d’une fois par mois' },
          { value: 'mensuel', label: 'Une fois par mois' },
          { value: 'hebdomadaire', label: 'Une fois par semaine' },
          { value: 'quotidien', label: 'Tous les jours ou presque' },
        ] }),
      choice({ id: 'cannabis', bands: ['18-25'], required: false,
        label: 'Au cours des 12 derniers mois, avez-vous consommé du cannabis ou une autre drogue ?', options: [
          ...YES_NO, { value: 'sans-reponse', label: 'Je préfère ne pas répondre' },
        ] }),
      choice({ id: 'activitePhysique', lifestyle: 'PHYSICAL_ACTIVITY',
        label: 'Combien de temps par semaine pratiquez-vous une activité physique (marche rapide, vélo, sport, jardinage…) ?',
        hint: 'Il est recommandé de pratiquer au moins 2 h 30 d’activité physique d’intensité modérée par semaine.', options: [
          { value: 'moins-1h', label: 'Moins d’une heure' },
          { value: '1h-2h30', label: 'Entre 1 heure et 2 heures 30' },
          { value: 'plus-2h30', label: '2 heures 30 ou plus' },
        ] }),
      choice({ id: 'ecrans', lifestyle: 'SCREEN',
        label: 'En dehors du travail ou des études, combien de temps par jour passez-vous devant un écran (télévision, ordinateur, téléphone) ?', options: [
          { value: 'moins-2h', label: 'Moins de 2 heures' },
          { value: '2h-4h', label: 'Entre 2 et 4 heures' },
          { value: 'plus-4h', label: 'Plus de 4 heures' },
        ] }),
      choice({ id: 'fruitsLegumes', lifestyle: 'FOOD', label: 'Combien de portions de fruits et légumes mangez-vous par jour, en moyenne ?',
        hint: 'Une portion : un fruit, une assiette de crudités, une poignée de légumes cuits.', options: [
          { value: '0-1', label: 'Aucune ou une' },
          { value: '2-4', label: 'De 2 à 4' },
          { value: '5-plus', label: '5 ou plus' },
        ] }),
      choice({ id: 'sommeil', lifestyle: 'SLEEP', label: 'Combien d’heures dormez-vous par nuit, en moyenne ?', options: [
        { value: 'moins-6h', label: 'Moins de 6 heures' },
        { value: '6h-7h', label: 'Entre 6 et 7 heures' },
        { value: '7h-9h', label: 'Entre 7 et 9 heures' },
        { value: 'plus-9h', label: 'Plus de 9 heures' },
      ] }),
      choice({ id: 'sommeilQualite', label: 'Êtes-vous satisfait ou satisfaite de votre sommeil ?', required: false, options: [
        { value: 'oui', label: 'Oui' },
        { value: 'plutot', label: 'Plutôt oui' },
        { value: 'non', label: 'Non' },
      ] }),
    ],
  },
  {
    id: 'bien-etre', title: 'Votre bien-être',
    questions: [
      choice({ id: 'tristesse', label: 'Au cours des deux dernières semaines, vous êtes-vous senti(e) triste, déprimé(e) ou sans espoir ?', options: TWO_WEEKS }),
      choice({ id: 'plaisir', label: 'Au cours des deux dernières semaines, avez-vous eu peu d’intérêt ou de plaisir à faire les choses ?', options: TWO_WEEKS }),
      choice({ id: 'stress', label: 'Vous sentez-vous stressé ou stressée dans votre vie quotidienne ?', options: [
        { value: 'jamais', label: 'Jamais' }, { value: 'parfois', label: 'Parfois' }, { value: 'souvent', label: 'Souvent' },
      ] }),
      choice({ id: 'isolement', bands: ['60-65', '70-75'], label: 'Vous sentez-vous seul ou seule ?', options: [
        { value: 'jamais', label: 'Jamais' }, { value: 'parfois', label: 'Parfois' }, { value: 'souvent', label: 'Souvent' },
      ] }),
    ],
  },
  {
    id: 'prevention', title: 'Vaccinations et dépistages',
    questions: [
      choice({ id: 'vaccins', label: 'Vos vaccinations sont-elles à jour, selon vous ?',
        hint: 'Par exemple le rappel diphtérie, tétanos, poliomyélite, ou la grippe chaque année à partir de 65 ans.', options: YES_NO_UNSURE }),
      choice({ id: 'depistages', bands: ['45-50', '60-65', '70-75'],
        label: 'Avez-vous fait les dépistages des cancers recommandés à votre âge (col de l’utérus, sein, côlon) ?', options: [
          ...YES_NO_UNSURE, { value: 'non-concerne', label: 'Je ne suis pas concerné ou concernée' },
        ] }),
      choice({ id: 'santeSexuelle', bands: ['18-25'], required: false,
        label: 'Souhaitez-vous parler de contraception, de santé sexuelle ou de dépistage des infections sexuellement transmissibles lors de votre bilan ?',
        options: YES_NO }),
      choice({ id: 'chutes', bands: ['60-65', '70-75'], label: 'Êtes-vous tombé ou tombée au cours des 12 derniers mois ?', options: YES_NO }),
      choice({ id: 'vueAudition', bands: ['60-65', '70-75'],
        label: 'Avez-vous des difficultés pour voir ou pour entendre, même avec vos lunettes ou vos appareils ?', options: YES_NO }),
    ],
  },
  {
    id: 'mesures', title: 'Votre poids et votre taille',
    intro: 'Facultatif. Ces valeurs sont ajoutées à la rubrique « Mesures » de votre profil médical.',
    questions: [
      { id: 'poids', kind: 'number', measure: 'WEIGHT', label: 'Poids', the: 'le poids', feminine: false, unit: 'kg', min: 20, max: 400, decimals: 1, example: '72,5' },
      { id: 'taille', kind: 'number', measure: 'HEIGHT', label: 'Taille', the: 'la taille', feminine: true, unit: 'cm', min: 100, max: 250, decimals: 0, example: '168' },
    ],
  },
  {
    id: 'attentes', title: 'Ce dont vous souhaitez parler',
    questions: [
      { id: 'sujets', kind: 'text', maxLength: 1000,
        label: 'Y a-t-il des sujets dont vous aimeriez parler avec le professionnel de santé lors de votre bilan prévention ?',
        hint: 'Facultatif. Par exemple : le sommeil, l’arrêt du tabac, le stress au travail.' },
    ],
  },
];

/** The sections and questions asked in one age band (a question without `bands` is asked in all). */
export function sectionsFor(band: Band): Section[] {
  return SECTIONS.map((s) => ({ ...s, questions: s.questions.filter((q) => !q.bands || q.bands.includes(band)) }))
    .filter((s) => s.questions.length > 0);
}

export const questionsFor = (band: Band): Question[] => sectionsFor(band).flatMap((s) => s.questions);

/** « 45 à 50 ans ». */
export const bandLabel = (band: Band) => `${band.replace('-', ' à ')} ans`;
