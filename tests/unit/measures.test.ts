import { describe, expect, test } from 'vitest';
import { computeBmi, isMinorOn } from '@/lib/measures/bmi';
import { formatMeasure } from '@/lib/measures/format';
import { computeGmi } from '@/lib/measures/gmi';
import { MEASURE_TYPES, measureType, typeBySlug } from '@/lib/measures/measure-types';
import { parisFormDefaults, parisLocalToUtc } from '@/lib/measures/paris-time';
import { targetStatus, validateTargetRange } from '@/lib/measures/target-range';
import { parseFrenchDecimal, validateMeasure, type MeasureEntry } from '@/lib/measures/validate-measure';

const now = new Date('2026-03-10T10:00:00Z'); // 11:00 in Paris (winter time)
const entry = (e: Partial<MeasureEntry>): MeasureEntry => ({ type: 'WEIGHT', value: '72,5', date: '09/03/2026', time: '08:30', ...e });
const errorsOf = (e: Partial<MeasureEntry>, birthDate?: string) => {
  const r = validateMeasure(entry(e), { now, birthDate });
  return r.ok ? {} : r.errors;
};
const NNBSP = '\u202f';

describe('MEA-1: the measure types as data', () => {
  test('MEA-1: the table holds the 14 types with the ANS codes, units and LOINC', () => {
    expect(MEASURE_TYPES.map((t) => [t.code, t.unit, t.loinc])).toEqual([
      ['WEIGHT', 'kg', '29463-7'], ['HEIGHT', 'cm', '8302-2'], ['BODY_MASS_INDEX', 'kg/m²', '39156-5'],
      ['WAIST_CIRCUMFERENCE', 'cm', '8280-0'], ['HEAD_CIRCUMFERENCE', 'cm', '8287-5'], ['BODY_TEMPERATURE', '°C', '8310-5'],
      ['BLOOD_PRESSURE', 'mmHg', '85354-9'], ['HEART_RATE', '/min', '8867-4'], ['GLUCOSE', 'g/L', '2339-0'],
      ['INTERSTITIAL_GLUCOSE', 'g/L', 'NCIt C159776'], ['GLYCATED_HEMOGLOBIN', '%', '4548-4'], ['HEMOGLOBIN_GLYCATION_INDEX', '%', ''],
      ['PAIN_SEVERITY', '/10', '72514-3'], ['STEPS_BY_DAY', 'pas', '41950-7'],
    ]);
    expect(measureType('BLOOD_PRESSURE').components.map((c) => [c.code, c.loinc, c.min, c.max])).toEqual([
      ['SYSTOLIC', '8480-6', 50, 300], ['DIASTOLIC', '8462-4', 20, 200],
    ]);
  });

  test('MEA-1, MEA-3, MEA-5: IMC and GMI are computed, never typed; each typed type has its French page', () => {
    expect(typeBySlug('imc')).toBeUndefined();
    expect(typeBySlug('gmi')).toBeUndefined();
    expect(typeBySlug('poids')?.code).toBe('WEIGHT');
    expect(typeBySlug('tension-arterielle')?.label).toBe('Tension artérielle');
  });

  test.each([
    ['WEIGHT', '401', 'Le poids doit être compris entre 0,3 et 400 kg.'],
    ['WEIGHT', '0,2', 'Le poids doit être compris entre 0,3 et 400 kg.'],
    ['HEIGHT', '251', 'La taille doit être comprise entre 20 et 250 cm.'],
    ['WAIST_CIRCUMFERENCE', '19', 'Le tour de taille doit être compris entre 20 et 250 cm.'],
    ['HEAD_CIRCUMFERENCE', '71', 'Le périmètre crânien doit être compris entre 20 et 70 cm.'],
    ['BODY_TEMPERATURE', '45,1', 'La température doit être comprise entre 30 et 45 °C.'],
    ['HEART_RATE', '251', 'La fréquence cardiaque doit être comprise entre 20 et 250 /min.'],
    ['GLUCOSE', '0,19', 'La glycémie doit être comprise entre 0,2 et 6 g/L.'],
    ['INTERSTITIAL_GLUCOSE', '6,01', 'Le glucose interstitiel doit être compris entre 0,2 et 6 g/L.'],
    ['GLYCATED_HEMOGLOBIN', '2,9', 'L’HbA1c doit être comprise entre 3 et 20 %.'],
    ['STEPS_BY_DAY', '100001', `Le nombre de pas doit être compris entre 0 et 100${NNBSP}000 pas.`],
  ] as const)('MEA-1: %s of %s is refused with « %s »', (type, value, message) => {
    expect(errorsOf({ type, value })).toEqual({ value: message.replace(/ (kg|cm|°C|\/min|g\/L|%|pas)\.$/, '\u00a0$1.') });
  });

  test.each([
    ['WEIGHT', '0,3'], ['WEIGHT', '400'], ['WEIGHT', '72.5'], ['WEIGHT', ' 3,45 '], ['HEIGHT', '172,5'],
    ['BODY_TEMPERATURE', '37,2'], ['GLUCOSE', '0,95'], ['STEPS_BY_DAY', '12 500'], ['PAIN_SEVERITY', '0'], ['PAIN_SEVERITY', '10'],
  ] as const)('MEA-1: %s of « %s » is accepted (French decimals and the bounds included)', (type, value) => {
    expect(validateMeasure(entry({ type, value }), { now }).ok).toBe(true);
  });

  test('MEA-1: « 72,5 » is read as 72.5; text, an empty value and too many decimals get their own French message', () => {
    expect(parseFrenchDecimal('72,5')).toBe(72.5);
    expect(parseFrenchDecimal('100 000')).toBe(100_000);
    expect(parseFrenchDecimal('72,5 kg')).toBeUndefined();
    expect(errorsOf({ value: 'beaucoup' })).toEqual({ value: 'Le poids doit être un nombre, par exemple 72,5.' });
    expect(errorsOf({ value: ' ' })).toEqual({ value: 'Saisissez le poids.' });
    expect(errorsOf({ value: '72,555' })).toEqual({ value: 'Le poids s’écrit avec 2 décimales au plus, par exemple 72,5.' });
    expect(errorsOf({ type: 'HEART_RATE', value: '72,5' })).toEqual({ value: 'La fréquence cardiaque s’écrit sans décimale, par exemple 72.' });
  });

  test.each(['11', '-1', '3,5', 'fort'])('MEA-1: PAIN_SEVERITY « %s » is refused: an integer from 0 to 10', (value) => {
    expect(errorsOf({ type: 'PAIN_SEVERITY', value })).toEqual({ value: 'La douleur se note par un nombre entier de 0 à 10.' });
  });

  test('MEA-1: blood pressure needs both numbers in range and the systolic above the diastolic', () => {
    expect(validateMeasure(entry({ type: 'BLOOD_PRESSURE', value: '120', value2: '80' }), { now })).toMatchObject({ ok: true, measure: { value: 120, value2: 80, unit: 'mmHg' } });
    expect(errorsOf({ type: 'BLOOD_PRESSURE', value: '80', value2: '80' })).toEqual({ value: 'La pression systolique doit être supérieure à la pression diastolique.' });
    expect(errorsOf({ type: 'BLOOD_PRESSURE', value: '310', value2: '' })).toEqual({
      value: 'La pression systolique doit être comprise entre 50 et 300\u00a0mmHg.', value2: 'Saisissez la pression diastolique.',
    });
    expect(errorsOf({ type: 'BLOOD_PRESSURE', value: '120', value2: '19' })).toEqual({ value2: 'La pression diastolique doit être comprise entre 20 et 200\u00a0mmHg.' });
  });
});

describe('MEA-2: the effective time', () => {
  test('MEA-2: date and time are read as Paris time and stored in UTC', () => {
    const r = validateMeasure(entry({ date: '09/03/2026', time: '08:30' }), { now });
    expect(r.ok && r.measure.effectiveAt.toISOString()).toBe('2026-03-09T07:30:00.000Z');
    const summer = validateMeasure(entry({ date: '01/07/2025', time: '8h05' }), { now });
    expect(summer.ok && summer.measure.effectiveAt.toISOString()).toBe('2025-07-01T06:05:00.000Z');
  });

  test('MEA-2: a measure in the future is refused on the field at fault', () => {
    expect(errorsOf({ date: '11/03/2026', time: '08:00' })).toEqual({ date: 'La date de la mesure ne peut pas être dans le futur.' });
    expect(errorsOf({ date: '10/03/2026', time: '11:01' })).toEqual({ time: 'L’heure de la mesure ne peut pas être dans le futur.' });
    expect(validateMeasure(entry({ date: '10/03/2026', time: '11:00' }), { now }).ok).toBe(true);
  });

  test('MEA-2: a measure before the birth date is refused, the birth day itself is accepted', () => {
    expect(errorsOf({ date: '09/04/2016' }, '2016-04-10')).toEqual({ date: 'La date de la mesure ne peut pas précéder la date de naissance (10 avril 2016).' });
    expect(validateMeasure(entry({ date: '10/04/2016', time: '23:59' }), { now, birthDate: '2016-04-10' }).ok).toBe(true);
  });

  test('MEA-2: an impossible date or time says which format to use', () => {
    expect(errorsOf({ date: '31/02/2026', time: '25:00' })).toEqual({
      date: 'Saisissez la date de la mesure au format JJ/MM/AAAA, par exemple 03/03/2026.',
      time: 'Saisissez l’heure de la mesure au format HH:MM, par exemple 08:30.',
    });
  });

  test('MEA-2: the form defaults to now, Paris time; daylight-saving edges resolve to real instants', () => {
    expect(parisFormDefaults(new Date('2026-07-14T22:30:00Z'))).toEqual({ date: '15/07/2026', time: '00:30' });
    expect(parisLocalToUtc('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first of the two 02:30
    expect(parisLocalToUtc('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // skipped hour: 03:30 summer time
  });
});

describe('MEA-3: IMC', () => {
  const at = (iso: string) => new Date(iso);
  test('MEA-3: weight / height(m)², to 1 decimal, from the latest weight and height, dated by the later one', () => {
    expect(computeBmi({ value: 72.5, effectiveAt: at('2026-03-01T08:00:00Z') }, { value: 172, effectiveAt: at('2025-01-01T08:00:00Z') }))
      .toEqual({ value: 24.5, effectiveAt: at('2026-03-01T08:00:00Z') });
    expect(computeBmi({ value: 3.4, effectiveAt: at('2026-03-01T08:00:00Z') }, { value: 50, effectiveAt: at('2026-03-02T08:00:00Z') })?.value).toBe(13.6);
  });

  test('MEA-3: no IMC without a weight or without a height', () => {
    expect(computeBmi(undefined, { value: 172, effectiveAt: now })).toBeUndefined();
    expect(computeBmi({ value: 72.5, effectiveAt: now }, undefined)).toBeUndefined();
  });

  test('MEA-3: under 18 the IMC is read on growth curves (minor until the 18th birthday)', () => {
    expect(isMinorOn('2008-03-11', '2026-03-10')).toBe(true);
    expect(isMinorOn('2008-03-10', '2026-03-10')).toBe(false);
  });
});

describe('MEA-5: GMI', () => {
  /** Readings at 07:00 and 19:00 UTC on the given days before `now` (0 = today). */
  const readings = (daysAgo: number[], gPerL: number) => daysAgo.flatMap((d) => [7, 19].map((h) => ({
    value: gPerL, effectiveAt: new Date(Date.UTC(2026, 2, 10 - d, h)),
  }))).filter((r) => r.effectiveAt <= now);

  test('MEA-5: GMI % = 3.31 + 0.02392 × mean in mg/dL (g/L × 100), with readings on 10 of the last 14 days', () => {
    const gmi = computeGmi(readings([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 1.5), now);
    expect(gmi).toEqual({ value: 6.9, meanMgDl: 150, daysWithReadings: 10 }); // 3.31 + 0.02392 × 150 = 6.898
  });

  test('MEA-5: 9 days with readings are not enough; days older than 14 days do not count', () => {
    expect(computeGmi(readings([0, 1, 2, 3, 4, 5, 6, 7, 8], 1.5), now)).toEqual({ value: undefined, daysWithReadings: 9 });
    expect(computeGmi(readings([0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15], 1.5), now)).toEqual({ value: undefined, daysWithReadings: 9 });
    expect(computeGmi(readings([0, 1, 2, 3, 4, 5, 6, 7, 8, 13], 1.5), now).value).toBe(6.9);
  });

  test('MEA-5: the mean covers every reading in the window', () => {
    const low = readings([1, 2, 3, 4, 5], 1.0);
    const high = readings([6, 7, 8, 9, 10], 2.0);
    expect(computeGmi([...low, ...high], now)).toMatchObject({ value: 6.9, meanMgDl: 150 }); // 10 readings at 1 g/L, 10 at 2 g/L
  });
});

describe('MEA-7: target range', () => {
  test('MEA-7: bounds in French decimals, either open, removed when all are empty', () => {
    expect(validateTargetRange({ type: 'WEIGHT', low: '65', high: '72,5' })).toEqual({ ok: true, range: { low: 65, high: 72.5, low2: null, high2: null } });
    expect(validateTargetRange({ type: 'WEIGHT', high: '80' })).toEqual({ ok: true, range: { low: null, high: 80, low2: null, high2: null } });
    expect(validateTargetRange({ type: 'WEIGHT', low: '', high: ' ' })).toEqual({ ok: true, range: null });
    expect(validateTargetRange({ type: 'BLOOD_PRESSURE', high: '135', high2: '85' })).toMatchObject({ ok: true, range: { high: 135, high2: 85 } });
  });

  test('MEA-7: a bound outside the MEA-1 range or a low bound above the high one is refused in French', () => {
    expect(validateTargetRange({ type: 'WEIGHT', low: '500' })).toEqual({ ok: false, errors: { low: 'Objectif : le poids doit être compris entre 0,3 et 400\u00a0kg.' } });
    expect(validateTargetRange({ type: 'WEIGHT', low: '80', high: '70' })).toEqual({ ok: false, errors: { high: 'La borne haute de l’objectif doit être supérieure à la borne basse.' } });
  });

  test('MEA-7: a value is below, within or above its target', () => {
    expect(targetStatus(64, 65, 72.5)).toBe('BELOW');
    expect(targetStatus(72.5, 65, 72.5)).toBe('WITHIN');
    expect(targetStatus(90, null, 80)).toBe('ABOVE');
    expect(targetStatus(90, null, null)).toBeUndefined();
  });
});

describe('MEA-1: values as users read them', () => {
  test('MEA-1: « 72,5 kg », « 120/80 mmHg », « 3/10 », « 12 500 pas »', () => {
    expect(formatMeasure(measureType('WEIGHT'), 72.5)).toBe('72,5\u00a0kg');
    expect(formatMeasure(measureType('BLOOD_PRESSURE'), 120, 80)).toBe('120/80\u00a0mmHg');
    expect(formatMeasure(measureType('PAIN_SEVERITY'), 3)).toBe('3/10');
    expect(formatMeasure(measureType('STEPS_BY_DAY'), 12500)).toBe(`12${NNBSP}500\u00a0pas`);
  });
});
