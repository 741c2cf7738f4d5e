import { describe, expect, test } from 'vitest';
import { bandOn } from '@/lib/prevention-questionnaire/bands';
import { questionsFor, SECTIONS } from '@/lib/prevention-questionnaire/questions';
import { lifestyleTexts, measureValues } from '@/lib/prevention-questionnaire/summary';
import { validateAnswers } from '@/lib/prevention-questionnaire/validate-answers';

const REQUIRED_45 = {
  activite: 'emploi', aidant: 'non', medecinTraitant: 'oui', tabac: 'jamais', alcool: 'jamais', activitePhysique: 'plus-2h30', ecrans: 'moins-2h',
  fruitsLegumes: '5-plus', sommeil: '7h-9h', tristesse: 'jamais', plaisir: 'jamais', stress: 'parfois', vaccins: 'oui', depistages: 'oui',
};

describe('PRV-4: the age bands of Mon bilan prévention', () => {
  test.each([
    ['2008-11-29', '2026-11-29', '18-25'], // 18th birthday
    ['2008-11-30', '2026-11-29', null], // 17 years 364 days
    ['2000-11-30', '2026-11-29', '18-25'], // 25 years 364 days
    ['2000-11-29', '2026-11-29', null], // 26
    ['1981-11-29', '2026-11-29', '45-50'],
    ['1976-06-01', '2026-11-29', '45-50'], // 50
    ['1975-11-29', '2026-11-29', null], // 51
    ['1961-01-01', '2026-11-29', '60-65'],
    ['1951-12-01', '2026-11-29', '70-75'], // 74
    ['1950-11-29', '2026-11-29', null], // 76
  ])('PRV-4, PRV-5: born %s, on %s → %s', (birth, today, band) => {
    expect(bandOn(birth, today)).toBe(band);
  });
});

describe('PRV-10: the checks of the answers', () => {
  test('PRV-10: required questions answered, optional ones blank: accepted, blanks are null, numbers read the French way', () => {
    const result = validateAnswers('45-50', { ...REQUIRED_45, poids: ' 72,5 ', taille: '168', sujets: '  Le   sommeil ' });
    expect(result).toEqual({ ok: true, answers: expect.objectContaining({ tabac: 'jamais', vapotage: null, poids: 72.5, taille: 168, sujets: 'Le sommeil' }) });
  });

  test('PRV-10: every missing or unknown answer and every out-of-range number gets its French error at once', () => {
    const result = validateAnswers('45-50', { ...REQUIRED_45, tabac: undefined, alcool: 'parfois', poids: 'beaucoup', taille: '168,5', sujets: 'x'.repeat(1001) });
    expect(result).toEqual({ ok: false, errors: {
      tabac: 'Choisissez une réponse.',
      alcool: 'Choisissez une des réponses proposées.',
      poids: 'Le poids doit être un nombre, par exemple 72,5.',
      taille: 'La taille s’écrit sans décimale, par exemple 168.',
      sujets: 'Ce texte ne doit pas dépasser 1000 caractères.',
    } });
  });

  test('PRV-10: questions of another band are neither asked nor kept (falls from 60, cannabis 18–25)', () => {
    expect(questionsFor('45-50').map((q) => q.id)).not.toContain('chutes');
    expect(questionsFor('70-75').map((q) => q.id)).toEqual(expect.arrayContaining(['chutes', 'vueAudition', 'isolement']));
    expect(questionsFor('18-25').map((q) => q.id)).toEqual(expect.arrayContaining(['cannabis', 'santeSexuelle']));
    expect(questionsFor('18-25').map((q) => q.id)).not.toContain('depistages');
    const result = validateAnswers('45-50', { ...REQUIRED_45, chutes: 'oui', cannabis: 'oui' });
    expect(result.ok && Object.keys(result.answers)).not.toContain('chutes');
    // 70–75 requires the falls question.
    expect(validateAnswers('70-75', { ...REQUIRED_45, isolement: 'jamais', vueAudition: 'non' })).toEqual({ ok: false, errors: { chutes: 'Choisissez une réponse.' } });
  });

  test('PRV-10: question ids are unique (they are the form field names)', () => {
    const ids = SECTIONS.flatMap((s) => s.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('PRV-10, PRF-1: what the answers feed', () => {
  test('PRF-1: one habit text per category, in plain French, dated; weight and height as measures', () => {
    const result = validateAnswers('45-50', { ...REQUIRED_45, alcool: '2-3-semaine', alcoolOccasion: 'mensuel', poids: '80' });
    if (!result.ok) throw new Error('valid answers expected');
    const texts = lifestyleTexts('45-50', result.answers, '2026-11-29');
    expect(Object.keys(texts).sort()).toEqual(['ALCOHOL', 'FOOD', 'PHYSICAL_ACTIVITY', 'SCREEN', 'SLEEP', 'TOBACCO']);
    expect(texts.ALCOHOL).toBe('Boissons alcoolisées : 2 à 3 fois par semaine. 6 verres ou plus en une occasion : Une fois par mois (Mon bilan prévention, le 29/11/2026)');
    expect(measureValues('45-50', result.answers)).toEqual([{ type: 'WEIGHT', value: 80 }]);
  });
});
