import { describe, expect, test } from 'vitest';
import { parseBasic } from '@/lib/services/client-credentials';
import { checkPushedMeasure, pushRequest, requestErrors } from '@/lib/services/push-request';

const now = new Date('2026-12-01T09:00:00Z');
const ctx = { now, birthDate: '1985-03-21' };
const weight = (over: Record<string, unknown> = {}) => ({ type: 'WEIGHT', value: 72.5, unit: 'kg', effectiveAt: '2026-11-30T07:30:15Z', ...over });

describe('MEA-8 with MEA-1, MEA-2: one pushed value follows the rules of a typed one', () => {
  test('MEA-1, MEA-2: a weight in range keeps its exact instant and unit', () => {
    expect(checkPushedMeasure(weight(), 0, ctx)).toEqual({ ok: true,
      measure: { type: 'WEIGHT', value: 72.5, value2: null, unit: 'kg', effectiveAt: new Date('2026-11-30T07:30:15Z') } });
  });

  test.each([
    ['MEA-1: 401 kg is out of range', weight({ value: 401 }), 'value', /Le poids doit être compris entre 0,3 et 400/],
    ['MEA-1: an unknown type is refused', weight({ type: 'MOOD' }), 'type', /Type de mesure inconnu/],
    ['MEA-1: a computed type (IMC) cannot be pushed', weight({ type: 'BODY_MASS_INDEX', unit: 'kg/m²' }), 'type', /inconnu/],
    ['MEA-2: the unit must be the type’s own (no conversion)', weight({ unit: 'lb' }), 'unit', /« kg »/],
    ['MEA-2: a time seconds in the future is refused', weight({ effectiveAt: '2026-12-01T09:00:30Z' }), 'effectiveAt', /futur/],
    ['MEA-2: a day in the future is refused', weight({ effectiveAt: '2026-12-03T09:00:00Z' }), 'effectiveAt', /futur/],
    ['MEA-2: a time before birth is refused', weight({ effectiveAt: '1980-01-01T09:00:00Z' }), 'effectiveAt', /précéder la date de naissance/],
    ['MEA-1: systolic must be above diastolic', { type: 'BLOOD_PRESSURE', value: 80, value2: 120, unit: 'mmHg', effectiveAt: '2026-11-30T07:30:00Z' }, 'value', /systolique doit être supérieure/],
    ['MEA-1: a second value only for blood pressure', weight({ value2: 3 }), 'value2', /tension artérielle/],
    ['MEA-1: pain is an integer', { type: 'PAIN_SEVERITY', value: 3.5, unit: '/10', effectiveAt: '2026-11-30T07:30:00Z' }, 'value', /nombre entier/],
  ])('%s', (_rule, item, field, message) => {
    const checked = checkPushedMeasure(item as never, 3, ctx);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors).toEqual(expect.arrayContaining([expect.objectContaining({ index: 3, field, message: expect.stringMatching(message) })]));
  });
});

describe('MEA-8: the request shape', () => {
  const ins = '255081416802538';
  test('ID-4: the INS is a valid 15-character NIR, without spaces', () => {
    expect(pushRequest.safeParse({ ins, measures: [weight()] }).success).toBe(true);
    for (const bad of ['255081416802539', '2 55 08 14 168 025 38', '2550814168025']) {
      const parsed = pushRequest.safeParse({ ins: bad, measures: [weight()] });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(requestErrors(parsed.error)).toEqual([expect.objectContaining({ index: -1, field: 'ins' })]);
    }
  });

  test('MEA-8: at most 100 measures per call, at least one; errors name the measure', () => {
    expect(pushRequest.safeParse({ ins, measures: Array.from({ length: 100 }, () => weight()) }).success).toBe(true);
    expect(pushRequest.safeParse({ ins, measures: Array.from({ length: 101 }, () => weight()) }).success).toBe(false);
    expect(pushRequest.safeParse({ ins, measures: [] }).success).toBe(false);
    const parsed = pushRequest.safeParse({ ins, measures: [weight(), weight({ value: '72,5', effectiveAt: 'hier' })] });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(requestErrors(parsed.error)).toEqual(expect.arrayContaining([
        { index: 1, field: 'value', message: 'La valeur doit être un nombre.' },
        expect.objectContaining({ index: 1, field: 'effectiveAt' }),
      ]));
    }
  });
});

describe('CAT-8: HTTP Basic client credentials', () => {
  const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
  test('a well-formed header gives the id and the secret (the secret may contain « : »)', () => {
    expect(parseBasic(basic('balance:s3cr:et'))).toEqual({ clientId: 'balance', clientSecret: 's3cr:et' });
  });
  test.each([[null], [''], ['Bearer abc'], [basic('no-colon')], [basic(':secret')], [basic('id:')]])('malformed %s is no client', (header) => {
    expect(parseBasic(header)).toBeUndefined();
  });
});
