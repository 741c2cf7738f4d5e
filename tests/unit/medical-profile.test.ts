import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { describeEntry } from '@/lib/medical-profile/describe-entry';
import { patientMayChange, takenKey, uniqueKeyOf } from '@/lib/medical-profile/entry-rules';
import type { MedicalEntry } from '@/lib/medical-profile/entry-rows';
import { validateEntry, type EntryContext } from '@/lib/medical-profile/entry-schemas';
import { isCip13, lookupMedicine, MEDICINES } from '@/lib/medical-profile/medicines';
import { ENTRY_SECTIONS, PROFESSIONAL_READABLE_KINDS, SECTIONS } from '@/lib/medical-profile/sections';
import { synthesisContent } from '@/lib/medical-profile/synthesis-content';
import { toWinAnsi, wrap } from '@/lib/pdf/text';
import type { EntryKind } from '@/lib/medical-profile/vocabulary';

const ctx: EntryContext = { today: '2026-12-01', birthDate: '1980-03-15' };
const check = (kind: EntryKind, fields: Record<string, string>) => validateEntry(kind, fields, ctx);
const errorsOf = (kind: EntryKind, fields: Record<string, string>) => {
  const r = check(kind, fields);
  return r.ok ? {} : r.errors;
};
const payloadOf = (kind: EntryKind, fields: Record<string, string>) => {
  const r = check(kind, fields);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.entry.payload;
};

/** Existing entries of a profile as the uniqueness rule sees them. */
const existing = (...rows: [string, EntryKind, Record<string, string>][]) =>
  rows.map(([id, kind, fields]) => ({ id, kind, uniqueKey: uniqueKeyOf(kind, payloadOf(kind, fields)) }));
const candidate = (kind: EntryKind, fields: Record<string, string>) => ({ kind, uniqueKey: uniqueKeyOf(kind, payloadOf(kind, fields)) });

const contact = (type: string, firstName = 'Paul') => ({ type, firstName, lastName: 'MARTIN', phone: '06 12 34 56 78' });
const professional = (role: string, name = 'Dr Claire Martin') => ({ role, name });

describe('PRF-5: at most one personne de confiance', () => {
  test('PRF-5: a second TRUSTED_CONTACT is refused; a second emergency contact is not', () => {
    const current = existing(['c1', 'CONTACT', contact('TRUSTED_CONTACT')], ['c2', 'CONTACT', contact('EMERGENCY_CONTACT')]);
    expect(takenKey(current, candidate('CONTACT', contact('TRUSTED_CONTACT', 'Anne')))).toBe(true);
    expect(takenKey(current, candidate('CONTACT', contact('EMERGENCY_CONTACT', 'Anne')))).toBe(false);
    expect(takenKey(current, candidate('CONTACT', contact('CAREGIVER_CONTACT', 'Anne')))).toBe(false);
  });

  test('PRF-5: the personne de confiance may be edited (it keeps its own key); another contact may not become one', () => {
    const current = existing(['c1', 'CONTACT', contact('TRUSTED_CONTACT')], ['c2', 'CONTACT', contact('EMERGENCY_CONTACT')]);
    expect(takenKey(current, candidate('CONTACT', contact('TRUSTED_CONTACT', 'Paule')), 'c1')).toBe(false);
    expect(takenKey(current, candidate('CONTACT', contact('TRUSTED_CONTACT')), 'c2')).toBe(true);
  });

  test.each([
    ['EMERGENCY_CONTACT'], ['TRUSTED_CONTACT'], ['CAREGIVER_CONTACT'], ['HELP_CONTACT'],
  ])('PRF-5: contact type %s is accepted', (type) => {
    expect(check('CONTACT', contact(type)).ok).toBe(true);
  });

  test('PRF-5: an unknown contact type, a missing name or a wrong phone number are refused on their fields, in French', () => {
    expect(errorsOf('CONTACT', { type: 'FRIEND', firstName: '', lastName: 'MARTIN', phone: '12' })).toEqual({
      type: 'Choisissez le rôle de ce contact.',
      firstName: 'Indiquez le prénom.',
      phone: 'Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.',
    });
  });
});

describe('PRF-3: Mes professionnels de santé, one of each role', () => {
  test('PRF-3: a second médecin traitant is refused; a pharmacien and a sage-femme may be added next to it', () => {
    const current = existing(['p1', 'PROFESSIONAL', professional('MEDECIN_TRAITANT')]);
    expect(takenKey(current, candidate('PROFESSIONAL', professional('MEDECIN_TRAITANT', 'Dr Paul Durand')))).toBe(true);
    expect(takenKey(current, candidate('PROFESSIONAL', professional('PHARMACIEN_CORRESPONDANT')))).toBe(false);
    expect(takenKey(current, candidate('PROFESSIONAL', professional('SAGE_FEMME_REFERENTE')))).toBe(false);
  });

  test('PRF-3: the three roles are the only ones', () => {
    for (const role of ['MEDECIN_TRAITANT', 'PHARMACIEN_CORRESPONDANT', 'SAGE_FEMME_REFERENTE']) expect(check('PROFESSIONAL', professional(role)).ok).toBe(true);
    expect(errorsOf('PROFESSIONAL', professional('INFIRMIER'))).toEqual({ role: 'Choisissez le rôle de ce professionnel.' });
  });

  test('PRF-1: one blood group, one organ-donation position and one habit per category', () => {
    expect(takenKey(existing(['b1', 'BLOOD_GROUP', { group: 'A+' }]), candidate('BLOOD_GROUP', { group: 'O-' }))).toBe(true);
    expect(takenKey(existing(['o1', 'ORGAN_DONATION', { position: 'FAVORABLE' }]), candidate('ORGAN_DONATION', { position: 'OPPOSED' }))).toBe(true);
    const habits = existing(['h1', 'LIFESTYLE', { category: 'SLEEP', text: '7 heures' }]);
    expect(takenKey(habits, candidate('LIFESTYLE', { category: 'SLEEP', text: '8 heures' }))).toBe(true);
    expect(takenKey(habits, candidate('LIFESTYLE', { category: 'TOBACCO', text: 'Non-fumeur' }))).toBe(false);
    expect(uniqueKeyOf('ALLERGY', payloadOf('ALLERGY', { name: 'Pénicilline' }))).toBeNull();
  });
});

describe('PRF-1: handicaps', () => {
  test.each([
    ['BELOW_50', 'Moins de 50 %'], ['FROM_50_TO_79', 'De 50 à 79 %'], ['AT_LEAST_80', '80 % ou plus'],
  ])('PRF-1: the rate %s is accepted and reads « %s »', (rate, label) => {
    const payload = payloadOf('DISABILITY', { type: 'MOTOR', rate, humanHelp: 'oui' });
    expect(payload).toEqual({ type: 'MOTOR', rate, humanHelp: true, notes: null });
    expect(describeEntry('DISABILITY', payload).details).toEqual([`Taux d’incapacité : ${label.toLowerCase()}`, 'Aide humaine nécessaire']);
  });

  test.each([['≥80'], ['80'], ['']])('PRF-1: the rate « %s » is refused with a French message', (rate) => {
    expect(errorsOf('DISABILITY', { type: 'MOTOR', rate, humanHelp: 'non' })).toEqual({ rate: 'Choisissez le taux d’incapacité.' });
  });

  test('PRF-1: the human help is a yes/no answer', () => {
    expect(errorsOf('DISABILITY', { type: 'VISUAL', rate: 'BELOW_50' })).toEqual({ humanHelp: 'Indiquez si une aide humaine est nécessaire.' });
    expect(payloadOf('DISABILITY', { type: 'VISUAL', rate: 'BELOW_50', humanHelp: 'non' })).toMatchObject({ humanHelp: false });
  });
});

describe('PRF-1, PRF-2: vaccinations', () => {
  test.each([['INITIMMUNIZ', 'Primo-vaccination'], ['BOOSTER', 'Rappel'], ['IMMUNIZ', 'Vaccination (dose unique ou non précisée)']])(
    'PRF-1: the vaccination type %s is accepted', (type, label) => {
      const payload = payloadOf('VACCINATION', { vaccine: 'Vaccin tétanos', date: '2020-05-04', type });
      expect(describeEntry('VACCINATION', payload).details).toContain(label);
    });

  test('PRF-1: any other type, a missing date, a future date or one before birth is refused on its field', () => {
    expect(errorsOf('VACCINATION', { vaccine: 'Vaccin', date: '', type: 'RECALL' }))
      .toEqual({ date: 'Indiquez la date de la vaccination.', type: 'Choisissez le type de vaccination.' });
    expect(errorsOf('VACCINATION', { vaccine: 'Vaccin', date: '02/12/2026', type: 'BOOSTER' })).toEqual({ date: 'La date ne peut pas être dans le futur.' });
    expect(errorsOf('VACCINATION', { vaccine: 'Vaccin', date: '14/03/1980', type: 'BOOSTER' }))
      .toEqual({ date: 'La date ne peut pas précéder la date de naissance (15/03/1980).' });
    expect(errorsOf('VACCINATION', { vaccine: 'Vaccin', date: '31/02/2020', type: 'BOOSTER' }))
      .toEqual({ date: 'Saisissez une date valide au format JJ/MM/AAAA, par exemple 03/03/2026.' });
  });

  test('PRF-1: a listed vaccine gets its CIP13 code, a vaccine typed freely has none', () => {
    expect(payloadOf('VACCINATION', { vaccine: 'infanrix hexa, poudre et suspension pour suspension injectable', date: '01/06/2020', type: 'INITIMMUNIZ' }))
      .toMatchObject({ cip13: '3400935495839' });
    expect(payloadOf('VACCINATION', { vaccine: 'Vaccin contre la grippe', date: '01/06/2020', type: 'IMMUNIZ' })).toMatchObject({ cip13: null });
  });

  test('PRF-2: an entry written by a professional is read-only for the patient side', () => {
    expect(patientMayChange({ source: 'PS' })).toBe(false);
    expect(patientMayChange({ source: 'PATIENT' })).toBe(true);
  });
});

describe('PRF-1: treatments and dates', () => {
  test('PRF-1: the treatment may end later than today, never before it started; it cannot start in the future', () => {
    expect(check('TREATMENT', { name: 'Amoxicilline', startDate: '2026-11-28', endDate: '2026-12-05' }).ok).toBe(true);
    expect(errorsOf('TREATMENT', { name: 'Amoxicilline', startDate: '2026-11-28', endDate: '2026-11-20' }))
      .toEqual({ endDate: 'La date de fin ne peut pas précéder la date de début.' });
    expect(errorsOf('TREATMENT', { name: 'Amoxicilline', startDate: '2026-12-02' })).toEqual({ startDate: 'La date ne peut pas être dans le futur.' });
    expect(errorsOf('TREATMENT', { name: ' ' })).toEqual({ name: 'Indiquez le nom du médicament.' });
  });

  test('PRF-1: CIP lookup: a listed medicine (accents and case aside) gets its CIP13; free text is kept without one', () => {
    expect(payloadOf('TREATMENT', { name: 'Doliprane 1000 mg, comprimé effervescent sécable', dosage: '1 le matin' }))
      .toEqual({ name: 'Doliprane 1000 mg, comprimé effervescent sécable', dosage: '1 le matin', startDate: null, endDate: null, cip13: '3400935294227' });
    expect(payloadOf('TREATMENT', { name: 'Tisane maison' })).toMatchObject({ cip13: null });
    expect(lookupMedicine('DOLIPRANE 500 MG, COMPRIME EFFERVESCENT', 'MEDICINE')?.cip13).toBe('3400933071998');
  });

  test('PRF-1: every CIP13 of the seeded list passes the EAN-13 check', () => {
    for (const m of MEDICINES) expect(isCip13(m.cip13), m.name).toBe(true);
    expect(isCip13('3400935294228')).toBe(false);
  });

  test('PRF-1: a hospitalisation needs its reason and entry date; its report link must be an id', () => {
    expect(errorsOf('HOSPITALISATION', { reason: '', startDate: '' }))
      .toEqual({ reason: 'Indiquez le motif de l’hospitalisation.', startDate: 'Indiquez la date d’entrée.' });
    expect(errorsOf('HOSPITALISATION', { reason: 'Appendicite', startDate: '2026-01-10', documentId: '../etc' }))
      .toEqual({ documentId: 'Choisissez un document dans la liste.' });
  });
});

describe('PRF-1, PRO-11: the sections', () => {
  test('PRF-1: fourteen sections in the MES order, Mesures only a link', () => {
    expect(SECTIONS.map((s) => s.label)).toEqual(['Allergies', 'Maladies et sujets de santé', 'Hospitalisations', 'Traitements', 'Vaccinations',
      'Antécédents familiaux', 'Handicaps', 'Groupe sanguin', 'Mesures', 'Habitudes de vie', 'Entourage et volontés',
      'Mes professionnels de santé', 'Directives anticipées', 'Documents administratifs', 'Questionnaires de prévention']);
    expect(ENTRY_SECTIONS.flatMap((s) => s.kinds)).toHaveLength(12);
  });

  test('PRO-11: professionals reach vaccinations and entourage et volontés only', () => {
    expect(PROFESSIONAL_READABLE_KINDS).toEqual(['VACCINATION', 'CONTACT', 'ORGAN_DONATION']);
  });
});

describe('PRF-6: the Synthèse médicale', () => {
  const entry = (kind: EntryKind, fields: Record<string, string>, source: 'PATIENT' | 'PS' = 'PATIENT'): MedicalEntry => ({
    id: kind, kind, payload: payloadOf(kind, fields) as Record<string, unknown>, uniqueKey: null, documentId: null, source,
    sourceLabel: source === 'PS' ? 'Dr Claire Martin' : null, createdAt: new Date(), updatedAt: new Date(),
  });
  const data = {
    person: { name: 'Camille TESTEUR', birthDate: '1980-03-15' }, requestedBy: 'Camille TESTEUR', today: '2026-12-01',
    entries: [entry('ALLERGY', { name: 'Pénicilline', reaction: 'Urticaire' }), entry('TREATMENT', { name: 'Levothyrox 75 µg' }),
      entry('VACCINATION', { vaccine: 'Tétanos', date: '2020-05-04', type: 'BOOSTER' }, 'PS')],
    measures: ['Poids : 72,5 kg (le 30/11/2026)'], directives: undefined, adminDocuments: [], questionnaires: [],
  };

  test('PRF-6: only the ticked sections, in the profil médical order, with their entries', () => {
    const content = synthesisContent(['TREATMENTS', 'ALLERGIES', 'MEASURES'], data);
    expect(content.blocks.map((b) => b.heading)).toEqual(['Allergies', 'Traitements', 'Mesures']);
    expect(content.blocks[0]!.items).toEqual([{ title: 'Pénicilline', details: ['Réaction : Urticaire'] }]);
    expect(content.intro).toContain('Rubriques : Allergies, Traitements, Mesures.');
    expect(JSON.stringify(content)).not.toContain('Tétanos');
  });

  test('PRF-6: an empty section says so; a professional’s vaccination says who recorded it', () => {
    const content = synthesisContent(['VACCINATIONS', 'CONDITIONS'], data);
    expect(content.blocks[1]!.items[0]!.details).toContain('Enregistré par Dr Claire Martin');
    expect(content.blocks[0]).toEqual({ heading: 'Maladies et sujets de santé', items: [], notes: ['Aucune information renseignée.'] });
  });

  test('PRF-6: text drawn with the standard fonts is WinAnsi (µ, œ, ’ kept; −, ≥ replaced) and wrapped to the width', async () => {
    expect(toWinAnsi('Levothyrox 75 µg — sœur’s A− ≥80 🙂')).toBe('Levothyrox 75 µg — sœur’s A- >=80 ?');
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrap('un deux trois quatre cinq six sept huit neuf dix', font, 10, 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toBe('un deux trois quatre cinq six sept huit neuf dix');
  });
});
