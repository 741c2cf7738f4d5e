import type { SynthesisContent } from '@/lib/medical-profile/synthesis-content';
import type { LifestyleCategory } from '@/lib/medical-profile/vocabulary';
import { frenchDate } from '@/lib/medical-profile/describe-entry';
import { bandLabel, QUESTIONNAIRE_TITLE, questionsFor, sectionsFor, type Band, type Question } from './questions';
import type { Answers } from './validate-answers';

/**
 * PRV-10: the answers in plain French, for the QUEST_SANTE PDF (drawn by the Synthèse médicale's layout)
 * and for the « Habitudes de vie » entries they feed (PRF-1). Pure.
 */
const NO_ANSWER = 'Pas de réponse';

const frenchNumber = (n: number) => String(n).replace('.', ',');

/** The answer to one question as a person reads it, or null when unanswered. */
export function answerText(q: Question, value: Answers[string] | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (q.kind) {
    case 'choice':
      return q.options.find((o) => o.value === value)?.label ?? null;
    case 'number':
      return `${frenchNumber(Number(value))} ${q.unit}`;
    case 'text':
      return String(value);
  }
}

export type QuestionnaireHeader = { person: { name: string; birthDate: string }; filledBy: string; today: string; band: Band };

export function questionnaireContent(answers: Answers, header: QuestionnaireHeader): SynthesisContent {
  return {
    title: `${QUESTIONNAIRE_TITLE} – questionnaire de prévention`,
    intro: [
      `${header.person.name}, né(e) le ${frenchDate(header.person.birthDate)}.`,
      `Tranche d’âge du bilan : ${bandLabel(header.band)}.`,
      `Réponses enregistrées le ${frenchDate(header.today)} par ${header.filledBy} dans Mon espace santé.`,
      'Ce questionnaire prépare le rendez-vous « Mon bilan prévention » avec un professionnel de santé. Il ne remplace pas un avis médical.',
    ],
    blocks: sectionsFor(header.band).map((s) => ({
      heading: s.title,
      items: s.questions.map((q) => ({ title: q.label, details: [answerText(q, answers[q.id]) ?? NO_ANSWER] })),
      notes: [],
    })),
  };
}

/** PRF-1: the text of each « Habitudes de vie » entry the answers give (an unanswered category gives none). */
export function lifestyleTexts(band: Band, answers: Answers, today: string): Partial<Record<LifestyleCategory, string>> {
  const qs = new Map(questionsFor(band).map((q) => [q.id, q]));
  const say = (id: string) => { const q = qs.get(id); return q ? answerText(q, answers[id]) : null; };
  const from = ` (${QUESTIONNAIRE_TITLE}, le ${frenchDate(today)})`;
  const join = (...parts: (string | null | false)[]) => parts.filter(Boolean).join('. ');
  const texts: Partial<Record<LifestyleCategory, string>> = {};
  const put = (category: LifestyleCategory, main: string | null, text: string) => { if (main) texts[category] = text + from; };
  const tabac = say('tabac');
  put('TOBACCO', tabac, join(tabac, say('vapotage') && `Cigarette électronique : ${say('vapotage')}`));
  const alcool = say('alcool');
  put('ALCOHOL', alcool, join(`Boissons alcoolisées : ${alcool}`, say('alcoolOccasion') && `6 verres ou plus en une occasion : ${say('alcoolOccasion')}`));
  const activite = say('activitePhysique');
  put('PHYSICAL_ACTIVITY', activite, `Activité physique par semaine : ${activite}`);
  const ecrans = say('ecrans');
  put('SCREEN', ecrans, `Écrans par jour, hors travail ou études : ${ecrans}`);
  const fruits = say('fruitsLegumes');
  put('FOOD', fruits, `Portions de fruits et légumes par jour : ${fruits}`);
  const sommeil = say('sommeil');
  put('SLEEP', sommeil, join(`Sommeil par nuit : ${sommeil}`, say('sommeilQualite') && `Satisfait(e) de son sommeil : ${say('sommeilQualite')}`));
  return texts;
}

/** MEA-1: the measures the answers give (weight, height). */
export function measureValues(band: Band, answers: Answers): { type: 'WEIGHT' | 'HEIGHT'; value: number }[] {
  return questionsFor(band).flatMap((q) => (q.kind === 'number' && typeof answers[q.id] === 'number'
    ? [{ type: q.measure, value: answers[q.id] as number }] : []));
}
