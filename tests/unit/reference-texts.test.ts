import { describe, expect, test } from 'vitest';
import { whyThisMessage } from '@/lib/prevention-campaigns/rules';
import { checkWhyTexts, DEFAULT_WHY_TEXTS } from '@/lib/prevention-campaigns/why-texts';
import { ageLabel, checkDraft, type DraftItem } from '@/lib/prevention/edition-draft';

describe('PRV-7, BO-7: « Pourquoi ce message ? » templates', () => {
  test('PRV-7: a version’s templates fill each criterion’s sentence, placeholders replaced', () => {
    const texts = { ...DEFAULT_WHY_TEXTS, AGE: 'À {age} {ans}, ce message vous concerne.', DEPARTEMENT: 'Département {code_departement} ({departement}).' };
    expect(whyThisMessage({ age: 1, departement: '87' }, texts)).toEqual(['À 1 an, ce message vous concerne.', 'Département 87 (la Haute-Vienne).']);
  });

  test('BO-7: unknown placeholders, stray braces and empty texts are refused in French, per field', () => {
    expect(checkWhyTexts(DEFAULT_WHY_TEXTS)).toMatchObject({ ok: true });
    const errors = (patch: Partial<typeof DEFAULT_WHY_TEXTS>) => { const r = checkWhyTexts({ ...DEFAULT_WHY_TEXTS, ...patch }); return r.ok ? {} : r.errors; };
    expect(errors({ HISTORY_PRESENT: 'Un {categorie} en {annee}.' })).toEqual({ HISTORY_PRESENT: 'Le texte « Remboursement présent » contient un champ inconnu : {annee}. Champs possibles : {categorie}, {mois}.' });
    expect(errors({ AGE: 'Vous avez {age ans.' })).toEqual({ AGE: 'Le texte « Âge » contient une accolade seule : écrivez les champs sous la forme {nom}.' });
    expect(errors({ SEX_FEMALE: '' })).toEqual({ SEX_FEMALE: 'Saisissez le texte « Sexe : femme ».' });
  });
});

describe('PRV-1, BO-7: a calendar edition’s draft', () => {
  const item: DraftItem = { fromId: null, label: 'Examen', minMonths: 24, minDays: 0, maxMonths: 36, maxDays: 0, everyMonths: null, sex: null, bornFrom: null, bornBefore: null, status: 'MANDATORY', note: null };
  test('PRV-1: a valid draft has no error; each wrong field is named with its row', () => {
    expect(checkDraft('2027', [item])).toEqual({});
    expect(checkDraft('', [])).toEqual({ edition: expect.stringContaining('Nommez l’édition'), form: 'Une édition contient au moins un élément.' });
    expect(checkDraft('2027', [item, { ...item, everyMonths: 0, bornFrom: '2025-01-01', bornBefore: '2024-01-01' }])).toEqual({
      every_1: 'Élément 2 : le rythme est un nombre de mois entre 1 et 240, ou vide pour une seule fois.',
      bornBefore_1: 'Élément 2 : « nés avant le » doit être après « nés à partir du ».',
    });
    expect(checkDraft('2027', [{ ...item, minMonths: Number.NaN }])).toEqual({ min_0: 'Élément 1 : les âges sont des nombres entiers de mois et de jours (0 ou plus).' });
  });
  test('PRV-5: ages in words', () => {
    expect([ageLabel(0), ageLabel(0, 8), ageLabel(2), ageLabel(600), ageLabel(18)]).toEqual(['la naissance', '8 jours', '2 mois', '50 ans', '18 mois']);
  });
});
