import { describe, expect, test } from 'vitest';
import { describeRules, rulesSchema, whyThisMessage } from '@/lib/prevention-campaigns/rules';

const NONE = { minAge: null, maxAge: null, sex: null, departements: [], history: null };

describe('PRV-7: « Pourquoi ce message ? »', () => {
  test('PRV-7: one sentence per matched criterion, in French', () => {
    expect(whyThisMessage({ age: 50, sex: 2, departement: '87' })).toEqual(['Vous avez 50 ans.', 'Vous êtes une femme.', 'Vous habitez la Haute-Vienne.']);
    expect(whyThisMessage({ age: 1, sex: 1, departement: '01' })).toEqual(['Vous avez 1 an.', 'Vous êtes un homme.', 'Vous habitez l’Ain.']);
    expect(whyThisMessage({ departement: '75' })).toEqual(['Vous habitez Paris.']);
  });

  test('PRV-7: the reimbursement criterion names the category and the period, present or absent', () => {
    expect(whyThisMessage({ history: { category: 'MEDICAL_DENTAL_CARE', present: false, months: 12 } }))
      .toEqual(['Aucun remboursement de type « soin dentaire » ne figure dans vos 12 derniers mois.']);
    expect(whyThisMessage({ history: { category: 'VACCINE', present: true, months: 24 } }))
      .toEqual(['Un remboursement de type « vaccin » figure dans vos 24 derniers mois.']);
  });

  test('PRV-7: criteria the rules did not use are not mentioned; no criterion at all still explains', () => {
    expect(whyThisMessage({ age: null, sex: null, departement: null, history: null }))
      .toEqual(['Ce message s’adresse à toutes les personnes ayant un profil Mon espace santé actif.']);
  });
});

describe('PRV-6: rules held as data (zod)', () => {
  test('PRV-6: valid rules pass; an unknown département, inverted ages, a bad period are refused in French', () => {
    expect(rulesSchema.parse({ ...NONE, minAge: 50, maxAge: 74, sex: 2, departements: ['87', '2A'] })).toMatchObject({ minAge: 50, sex: 2 });
    const errors = (r: unknown) => rulesSchema.safeParse(r).error?.issues.map((i) => i.message);
    expect(errors({ ...NONE, departements: ['20'] })).toEqual(['Ce département n’existe pas.']);
    expect(errors({ ...NONE, minAge: 74, maxAge: 50 })).toEqual(['L’âge minimal doit être inférieur ou égal à l’âge maximal.']);
    expect(errors({ ...NONE, history: { category: 'VACCINE', present: true, months: 0 } })).toEqual(['La durée va de 1 à 120 mois.']);
    expect(errors({ ...NONE, sex: 3 })).toHaveLength(1);
    expect(rulesSchema.safeParse({ ...NONE, minAge: 130 }).success).toBe(false);
  });

  test('the rules in words for the back-office', () => {
    expect(describeRules({ ...NONE, minAge: 50, maxAge: 74, sex: 2, departements: ['87'] })).toBe('50 à 74 ans ; femmes ; départements 87');
    expect(describeRules(NONE)).toBe('tous les profils actifs');
  });
});
