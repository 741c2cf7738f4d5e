import { StandardFonts, PDFDocument } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { csvField } from '@/lib/audit/history-csv';
import { describePeriod, filterParams, parseHistoryFilters, periodBounds } from '@/lib/audit/history-filters';
import { describeActor, modeLabel } from '@/lib/audit/history-format';
import { toWinAnsi } from '@/lib/audit/history-pdf';

describe('AUD-4: history filters', () => {
  test.each([
    // [search, tab, from, to, error fields]
    [{}, 'tout', undefined, undefined, []],
    [{ onglet: 'professionnels', du: '2026-11-01', au: '2026-11-30' }, 'professionnels', '2026-11-01', '2026-11-30', []],
    [{ onglet: 'inconnu', du: '2026-02-30' }, 'tout', undefined, undefined, ['du']],
    [{ du: '2026-12-01', au: '2026-11-01' }, 'tout', undefined, undefined, ['au']],
    [{ du: ['2026-11-01', '2026-11-02'] }, 'tout', undefined, undefined, []],
  ] as const)('AUD-4: %o reads as tab %s, from %s to %s', (search, tab, from, to, fields) => {
    const { filters, errors } = parseHistoryFilters(search as Record<string, string>);
    expect(filters).toEqual({ tab, ...(from && { from }), ...(to && { to }) });
    expect(errors.map((e) => e.field)).toEqual(fields);
  });

  test('Conventions: a period runs from 00:00 Paris of its first day to 00:00 Paris after its last, winter or summer', () => {
    expect(periodBounds({ from: '2026-11-29', to: '2026-11-29' })).toEqual({ fromAt: new Date('2026-11-28T23:00:00Z'), toAt: new Date('2026-11-29T23:00:00Z') });
    expect(periodBounds({ from: '2026-07-15' })).toEqual({ fromAt: new Date('2026-07-14T22:00:00Z') });
    // 29 March 2026 lasts 23 hours in Paris.
    expect(periodBounds({ from: '2026-03-29', to: '2026-03-29' })).toEqual({ fromAt: new Date('2026-03-28T23:00:00Z'), toAt: new Date('2026-03-29T22:00:00Z') });
  });

  test('AUD-4: links keep the filters, defaults left out; the period reads in French', () => {
    expect(filterParams({ tab: 'tout' })).toEqual({});
    expect(filterParams({ tab: 'mes-actions', from: '2026-11-01', to: '2026-11-30' })).toEqual({ onglet: 'mes-actions', du: '2026-11-01', au: '2026-11-30' });
    expect(describePeriod({ from: '2026-11-01', to: '2026-11-30' })).toBe('du 01/11/2026 au 30/11/2026');
    expect(describePeriod({})).toBe('toute la période');
  });
});

describe('AUD-4, FS-5, EMG-7: how a line reads', () => {
  const base = { actor_id: 'x', actor_role: null, profession: null, mode: 'NORMAL', site_name: null };
  test.each([
    ['AUD-4', { ...base, actor_type: 'PATIENT', actor_id: 'me', actor_label: 'Camille' }, 'Vous'],
    ['AUD-4', { ...base, actor_type: 'PATIENT', actor_label: 'Paul DURAND' }, 'Paul DURAND'],
    ['AUD-4', { ...base, actor_type: 'HEALTHCARE_PROFESSIONAL', actor_label: 'Dr Claire Martin', profession: 'Médecin' }, 'Dr Claire Martin (Médecin)'],
    ['AUD-3', { ...base, actor_type: 'SUPPORT', actor_label: 'Sophie Lambert (CPAM)', actor_role: 'AGENT' }, 'Sophie Lambert (CPAM), Assurance Maladie'],
    ['FS-5', { ...base, actor_type: 'SUPPORT', actor_label: 'Lucie Moreau', actor_role: 'ADVISOR', mode: 'ASSISTED', site_name: 'France Services de Guéret' },
      'Avec l’aide d’un conseiller France Services (Lucie Moreau, France Services de Guéret)'],
    ['FS-5', { ...base, actor_type: 'ENROLMENT', actor_label: 'Activation en ligne', mode: 'ASSISTED', site_name: 'France Services de Guéret' },
      'Vous (activation en ligne), avec l’aide d’un conseiller France Services (France Services de Guéret)'],
  ] as const)('%s: a line is shown as expected (%#)', (_rule, line, expected) => {
    expect(describeActor(line, 'me')).toBe(expected);
  });

  test('EMG-7: emergency and regulation accesses read "Accès en urgence"', () => {
    expect(['NORMAL', 'EMERGENCY', 'REGULATION', 'ASSISTED', 'SECRET'].map(modeLabel))
      .toEqual([null, 'Accès en urgence', 'Accès en urgence', null, null]);
  });
});

describe('AUD-5: download encodings', () => {
  test.each([
    ['Vous', 'Vous'],
    ['Dr "Jean"', '"Dr ""Jean"""'],
    ['a;b', '"a;b"'],
    ['ligne\nsuivante', '"ligne\nsuivante"'],
    ['=SOMME(A1)', "'=SOMME(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
  ])('AUD-5: CSV field %j is written %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  test('AUD-5: PDF text keeps French letters and typographic signs, and makes the rest printable', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const charset = new Set(font.getCharacterSet());
    expect(toWinAnsi('Création « œuvre » — l’été… 12 €', charset)).toBe('Création « œuvre » — l’été… 12 €');
    expect(toWinAnsi('Łukasz Nowak 🩺', charset)).toBe('Lukasz Nowak ?');
    expect(toWinAnsi('1\u202f000\tpas', charset)).toBe('1 000 pas');
    expect(toWinAnsi('e\u0301', charset)).toBe('é');
    expect(() => font.encodeText(toWinAnsi('Ğ ş ı ✓ 中', charset))).not.toThrow();
  });
});
