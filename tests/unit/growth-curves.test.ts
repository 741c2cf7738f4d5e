import { describe, expect, test } from 'vitest';
import { isMinorOn } from '@/lib/measures/bmi';
import { ageInMonths, ageTicks, calendarAge, frenchAge, frenchAgeTick } from '@/lib/measures/growth/age';
import { bmiByDate } from '@/lib/measures/growth/bmi-by-date';
import { describeGrowthCurve, growthNotes, latestSentence, referenceLine } from '@/lib/measures/growth/describe';
import { buildGrowthCurve } from '@/lib/measures/growth/growth-curve';
import { bandOf, describeBand, valueAtZ, zScore } from '@/lib/measures/growth/lms';
import { sexOfProfile } from '@/lib/measures/growth/read-growth-curve';
import { measureType } from '@/lib/measures/measure-types';
import {
  coverage, CURRENT_REFERENCE_VERSION, GROWTH_INDICATORS, isGrowthIndicator, lmsAt, loadReference, segmentAt,
} from '@/lib/measures/growth/reference';

const who = loadReference('who-2006-2007');
const at = (iso: string) => new Date(iso);

describe('MEA-6: the reference is versioned data', () => {
  test('MEA-6: the current version is the WHO 2006/2007 file, with its source; an unknown version is refused', () => {
    expect(CURRENT_REFERENCE_VERSION).toBe('who-2006-2007');
    expect(loadReference()).toBe(who);
    expect(who.version).toBe('who-2006-2007');
    expect(who.source.citation.join(' ')).toContain('WHO Child Growth Standards');
    expect(who.source.copiedFrom).toContain('ewheeler/pygrowup');
    expect(() => loadReference('who-1977')).toThrow(/Unknown growth reference version/);
  });

  test('MEA-6: every indicator and sex has contiguous monthly rows whose L, M, S vary smoothly (a mistyped digit would show)', () => {
    let rows = 0;
    for (const indicator of GROWTH_INDICATORS) {
      for (const sex of ['male', 'female'] as const) {
        for (const s of who.indicators[indicator][sex]) {
          rows += s.rows.length;
          for (const k of [1, 2, 3] as const) {
            const v = s.rows.map((r) => r[k]);
            const d2 = v.slice(1, -1).map((x, i) => v[i + 2]! - 2 * x + v[i]!);
            const unit = k === 3 ? 1e-5 : 1e-4;
            d2.forEach((x, i) => {
              const month = s.rows[i + 1]![0];
              if (month < 3 || month === 60 || month === 61) return; // the first weeks change fast; 61 months joins WHO 2006 to 2007
              const around = d2.filter((_, j) => j !== i && Math.abs(j - i) <= 4).map(Math.abs).sort((a, b) => a - b);
              const median = around[Math.floor(around.length / 2)] ?? 0;
              expect(Math.abs(x), `${indicator} ${sex} month ${month} column ${k}`).toBeLessThanOrEqual(4 * median + 2.5 * unit);
            });
          }
        }
      }
    }
    expect(rows).toBe(1_284); // 0–60 months (2006) and 61–228 months (2007; weight to 120), per sex, with both 24-month rows
  });

  test('MEA-6: known WHO values — boys weight at birth, girls length and height at 24 months, BMI and height at 10 years', () => {
    expect(lmsAt(who, 'WEIGHT', 'male', 0)).toEqual({ L: 0.3487, M: 3.3464, S: 0.14602 });
    expect(lmsAt(who, 'WEIGHT', 'female', 0)?.M).toBe(3.2322);
    // At 24 months the WHO switches from recumbent length (86.4153) to standing height (85.7153).
    expect(lmsAt(who, 'HEIGHT', 'female', 24)?.M).toBe(85.7153);
    expect(who.indicators.HEIGHT.female[0]!.rows[24]).toEqual([24, 1, 86.4153, 0.03734]);
    expect(segmentAt(who, 'HEIGHT', 'female', 23.9)?.measured).toBe('length');
    expect(lmsAt(who, 'HEAD_CIRCUMFERENCE', 'male', 0)?.M).toBe(34.4618);
    // WHO 2007 published SD curves at 120 months (boys BMI: −2 SD 13.735, +2 SD 21.400; girls height: 125.843, 151.430).
    expect(valueAtZ(lmsAt(who, 'BODY_MASS_INDEX', 'male', 120)!, -2)).toBeCloseTo(13.735, 2);
    expect(valueAtZ(lmsAt(who, 'BODY_MASS_INDEX', 'male', 120)!, 2)).toBeCloseTo(21.4, 2);
    expect(valueAtZ(lmsAt(who, 'HEIGHT', 'female', 120)!, -2)).toBeCloseTo(125.843, 2);
    expect(valueAtZ(lmsAt(who, 'HEIGHT', 'female', 120)!, 2)).toBeCloseTo(151.43, 2);
    // Boys weight at 61 months (WHO 2007): +2 SD 24.165 kg.
    expect(valueAtZ(lmsAt(who, 'WEIGHT', 'male', 61)!, 2)).toBeCloseTo(24.165, 2);
  });

  test('MEA-6: between monthly rows L, M and S are interpolated, across the 2006→2007 join too', () => {
    expect(lmsAt(who, 'WEIGHT', 'male', 0.5)?.M).toBeCloseTo((3.3464 + 4.4709) / 2, 6);
    expect(lmsAt(who, 'HEIGHT', 'male', 60.5)?.M).toBeCloseTo((109.9638 + 110.2647) / 2, 6);
  });

  test('MEA-6: ages outside the reference have no band (weight after 10 years, head circumference after 5, before birth, from 19 years)', () => {
    expect(lmsAt(who, 'WEIGHT', 'male', 120)).toBeDefined();
    expect(lmsAt(who, 'WEIGHT', 'male', 120.5)).toBeUndefined();
    expect(lmsAt(who, 'HEAD_CIRCUMFERENCE', 'female', 60.2)).toBeUndefined();
    expect(lmsAt(who, 'HEIGHT', 'female', -0.1)).toBeUndefined();
    expect(lmsAt(who, 'BODY_MASS_INDEX', 'female', 228.5)).toBeUndefined();
    expect(coverage(who, 'WEIGHT', 'female')).toEqual([0, 120]);
    expect(coverage(who, 'HEAD_CIRCUMFERENCE', 'male')).toEqual([0, 60]);
    expect(coverage(who, 'HEIGHT', 'male')).toEqual([0, 228]);
  });
});

describe('MEA-6: LMS values and percentile bands', () => {
  test('MEA-6: M·(1+L·S·z)^(1/L) gives the percentile lines; the z-score inverts it', () => {
    const boysAtBirth = lmsAt(who, 'WEIGHT', 'male', 0)!;
    expect(valueAtZ(boysAtBirth, 0)).toBe(3.3464);
    expect(valueAtZ(boysAtBirth, -1.881)).toBeCloseTo(2.507, 3); // P3
    expect(valueAtZ(boysAtBirth, 1.881)).toBeCloseTo(4.350, 3); // P97
    expect(zScore(boysAtBirth, valueAtZ(boysAtBirth, 1.036))).toBeCloseTo(1.036, 9);
  });

  test('MEA-6: when L = 0 the value is M·exp(S·z) and the z-score ln(v/M)/S', () => {
    const lms = { L: 0, M: 10, S: 0.1 };
    expect(valueAtZ(lms, 1)).toBeCloseTo(10 * Math.exp(0.1), 12);
    expect(valueAtZ(lms, -2)).toBeCloseTo(10 * Math.exp(-0.2), 12);
    expect(valueAtZ({ ...lms, L: 1e-9 }, 1)).toBeCloseTo(valueAtZ(lms, 1), 6); // the L → 0 limit
    expect(zScore(lms, 10 * Math.exp(0.25))).toBeCloseTo(2.5, 12);
  });

  test('MEA-6: a value falls in the band between two lines; on a line it counts in the band above; beyond P3 and P97 it is said so', () => {
    const lms = lmsAt(who, 'HEIGHT', 'female', 24)!;
    expect(describeBand(bandOf(lms, 85))).toBe('entre le 15e et le 50e percentile');
    expect(describeBand(bandOf(lms, 85.7153))).toBe('entre le 50e et le 85e percentile');
    expect(describeBand(bandOf(lms, 70))).toBe('en dessous du 3e percentile');
    expect(describeBand(bandOf(lms, 100))).toBe('au-dessus du 97e percentile');
    expect(describeBand(bandOf(lms, valueAtZ(lms, 1.5)))).toBe('entre le 85e et le 97e percentile');
    expect(describeBand(bandOf(lms, valueAtZ(lms, -1.5)))).toBe('entre le 3e et le 15e percentile');
  });
});

describe('MEA-6: age', () => {
  test('MEA-6: age in months counts days from birth to the Paris day of the measure, a month being 30.4375 days', () => {
    expect(ageInMonths('2024-05-02', at('2024-05-02T08:00:00Z'))).toBe(0);
    expect(ageInMonths('2024-05-02', at('2024-05-02T22:30:00Z'))).toBeCloseTo(1 / 30.4375, 9); // 00:30 on 3 May in Paris
    expect(ageInMonths('2024-05-02', at('2026-05-02T10:00:00Z'))).toBeCloseTo(730 / 30.4375, 9);
    expect(ageInMonths('2016-02-29', at('2017-02-28T12:00:00Z'))).toBeCloseTo(365 / 30.4375, 9);
  });

  test('MEA-6: ages read the French way', () => {
    expect(frenchAge('2024-05-02', at('2024-05-14T10:00:00Z'))).toBe('12\u00a0jours');
    expect(frenchAge('2024-05-02', at('2024-05-02T10:00:00Z'))).toBe('la naissance');
    expect(frenchAge('2024-05-02', at('2025-05-02T10:00:00Z'))).toBe('12\u00a0mois'); // 365 days: 11.99 WHO months, 12 calendar months
    expect(frenchAge('2024-05-02', at('2025-05-01T10:00:00Z'))).toBe('11\u00a0mois');
    expect(frenchAge('2024-05-02', at('2026-05-02T10:00:00Z'))).toBe('2\u00a0ans');
    expect(frenchAge('2019-01-31', at('2026-04-30T10:00:00Z'))).toBe('7\u00a0ans et 2\u00a0mois');
    expect(calendarAge('2024-01-31', at('2024-03-01T10:00:00Z'))).toEqual({ months: 1, days: 1 }); // a month after 31 January is 29 February
    expect(calendarAge('2024-05-02', at('2024-06-20T10:00:00Z'))).toEqual({ months: 1, days: 18 });
    expect(frenchAgeTick(0)).toBe('naissance');
    expect(frenchAgeTick(12)).toBe('1\u00a0an');
    expect(frenchAgeTick(18)).toBe('18\u00a0mois');
    expect(frenchAgeTick(60)).toBe('5\u00a0ans');
    expect(ageTicks(0, 6)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ageTicks(70, 150)).toEqual([72, 84, 96, 108, 120, 132, 144]);
  });
});

describe('MEA-3, MEA-6: a child’s IMC and its curve', () => {
  const r = (value: number, iso: string) => ({ value, effectiveAt: at(iso) });

  test('MEA-3: the IMC is computed on each day with a weight and a height, from that day’s latest of each; other days give none', () => {
    const weights = [r(9, '2025-01-10T08:00:00Z'), r(9.4, '2025-01-10T17:00:00Z'), r(10, '2025-03-01T08:00:00Z'), r(11, '2025-06-01T08:00:00Z')];
    const heights = [r(75, '2025-01-10T09:00:00Z'), r(80, '2025-06-01T07:00:00Z'), r(78, '2025-04-01T07:00:00Z')];
    expect(bmiByDate(weights, heights)).toEqual([
      { value: 16.7, effectiveAt: at('2025-01-10T17:00:00Z') }, // 9.4 / 0.75²
      { value: 17.2, effectiveAt: at('2025-06-01T08:00:00Z') }, // 11 / 0.8²
    ]);
    expect(bmiByDate(weights, [])).toEqual([]);
  });

  test('MEA-6: the curve places each value on the age axis, gives its band and draws P3–P97 over the ages shown', () => {
    const curve = buildGrowthCurve({ reference: who, indicator: 'WEIGHT', sex: 'male', birthDate: '2024-01-15',
      readings: [r(7.9, '2024-07-15T08:00:00Z'), r(3.3464, '2024-01-15T09:00:00Z')] })!;
    expect(curve.version).toBe('who-2006-2007');
    expect(curve.points.map((p) => p.value)).toEqual([3.3464, 7.9]); // oldest first
    expect(curve.points[0]!.ageMonths).toBe(0);
    expect(describeBand(curve.points[0]!.band!)).toBe('entre le 50e et le 85e percentile');
    expect(curve.latest.value).toBe(7.9);
    expect(curve.latest.ageMonths).toBeCloseTo(182 / 30.4375, 9);
    expect(describeBand(curve.latest.band!)).toBe('entre le 15e et le 50e percentile');
    expect(curve.domain[0]).toBe(0);
    expect(curve.domain[1]).toBeGreaterThan(curve.latest.ageMonths);
    expect(curve.bands).toHaveLength(1);
    const first = curve.bands[0]![0]!;
    expect(first.age).toBe(0);
    expect(first.values[2]).toBe(3.3464);
    expect(first.values[0]).toBeLessThan(first.values[1]!);
    expect(first.values[3]).toBeLessThan(first.values[4]!);
  });

  test('MEA-6: height bands break at 2 years where length gives way to standing height', () => {
    const curve = buildGrowthCurve({ reference: who, indicator: 'HEIGHT', sex: 'female', birthDate: '2022-01-01',
      readings: [r(80, '2023-07-01T08:00:00Z'), r(90, '2024-07-01T08:00:00Z')] })!;
    expect(curve.bands).toHaveLength(2);
    const beforeTwo = curve.bands[0]![curve.bands[0]!.length - 1]!;
    const fromTwo = curve.bands[1]![0]!;
    expect([beforeTwo.age, fromTwo.age]).toEqual([24, 24]);
    expect(beforeTwo.values[2]).toBe(86.4153);
    expect(fromTwo.values[2]).toBe(85.7153);
  });

  test('MEA-6: a weight after 10 years is kept without band; without a known sex no band is drawn at all', () => {
    const late = buildGrowthCurve({ reference: who, indicator: 'WEIGHT', sex: 'female', birthDate: '2014-01-01',
      readings: [r(30, '2023-06-01T08:00:00Z'), r(40, '2025-06-01T08:00:00Z')] })!;
    expect(late.points[0]!.band).toBeDefined();
    expect(late.latest.band).toBeUndefined();
    expect(late.covered).toEqual([0, 120]);
    expect(Math.max(...late.bands.flat().map((b) => b.age))).toBe(120);
    const unknown = buildGrowthCurve({ reference: who, indicator: 'WEIGHT', sex: sexOfProfile(9), birthDate: '2020-01-01',
      readings: [r(15, '2023-01-01T08:00:00Z')] })!;
    expect(unknown.sex).toBeUndefined();
    expect(unknown.bands).toEqual([]);
    expect(unknown.latest.band).toBeUndefined();
    expect(buildGrowthCurve({ reference: who, indicator: 'WEIGHT', sex: 'male', birthDate: '2020-01-01', readings: [] })).toBeUndefined();
  });

  test('MEA-3, MEA-6: growth curves are for weight, height, IMC and head circumference, under 18 only; NIR sex 1 is male, 2 female', () => {
    expect(['WEIGHT', 'HEIGHT', 'BODY_MASS_INDEX', 'HEAD_CIRCUMFERENCE'].every(isGrowthIndicator)).toBe(true);
    expect(isGrowthIndicator('WAIST_CIRCUMFERENCE')).toBe(false);
    expect(isMinorOn('2008-06-02', '2026-06-01')).toBe(true);
    expect(isMinorOn('2008-06-02', '2026-06-02')).toBe(false);
    expect([sexOfProfile(1), sexOfProfile(2), sexOfProfile(0)]).toEqual(['male', 'female', undefined]);
  });
});

describe('MEA-6: the chart in words', () => {
  const r = (value: number, iso: string) => ({ value, effectiveAt: at(iso) });
  const weight = measureType('WEIGHT');

  test('MEA-6: the latest value is placed in its band, with the age and the reference version', () => {
    const curve = buildGrowthCurve({ reference: who, indicator: 'WEIGHT', sex: 'female', birthDate: '2024-05-02',
      readings: [r(3.2, '2024-05-02T10:00:00Z'), r(8.8, '2025-05-02T10:00:00Z')] })!;
    expect(latestSentence(curve, weight)).toBe('À 12\u00a0mois, 8,8\u00a0kg : entre le 15e et le 50e percentile.');
    expect(referenceLine(curve)).toBe('Courbes de référence OMS (version who-2006-2007 : OMS 2006 (0 à 5 ans) et OMS 2007 (5 à 19 ans))');
    expect(describeGrowthCurve(curve, weight)).toBe('2 valeurs, de la naissance à 12\u00a0mois. Dernière valeur : 8,8\u00a0kg à 12\u00a0mois, '
      + 'entre le 15e et le 50e percentile. Courbes de référence OMS (version who-2006-2007 : OMS 2006 (0 à 5 ans) et OMS 2007 (5 à 19 ans)), '
      + '3e, 15e, 50e, 85e et 97e percentiles.');
    expect(growthNotes(curve, weight, 'Lina')).toEqual([]);
  });

  test('MEA-6: the page says when no band exists for the age (weight after 10 years, head circumference after 5) or without a sex', () => {
    const late = buildGrowthCurve({ reference: who, indicator: 'WEIGHT', sex: 'male', birthDate: '2014-01-01', readings: [r(40, '2025-06-01T08:00:00Z')] })!;
    expect(latestSentence(late, weight)).toBe('À 11\u00a0ans et 5\u00a0mois, 40\u00a0kg : pas de courbe de référence OMS à cet âge.');
    expect(growthNotes(late, weight, 'Léo')).toEqual(['Pas de courbe de référence OMS pour le poids après 10\u00a0ans.']);
    const head = buildGrowthCurve({ reference: who, indicator: 'HEAD_CIRCUMFERENCE', sex: 'female', birthDate: '2020-01-01',
      readings: [r(49, '2024-06-01T08:00:00Z'), r(50, '2025-03-01T08:00:00Z')] })!;
    expect(growthNotes(head, measureType('HEAD_CIRCUMFERENCE'), 'Jade')).toEqual(['Pas de courbe de référence OMS pour le périmètre crânien après 5\u00a0ans.']);
    const tall = buildGrowthCurve({ reference: who, indicator: 'HEIGHT', sex: 'female', birthDate: '2022-01-01',
      readings: [r(80, '2023-07-01T08:00:00Z'), r(90, '2024-07-01T08:00:00Z')] })!;
    expect(growthNotes(tall, measureType('HEIGHT'), 'Jade')).toEqual(['À 2 ans, les courbes passent de la longueur mesurée couché à la taille mesurée debout.']);
    const unknown = buildGrowthCurve({ reference: who, indicator: 'WEIGHT', sex: undefined, birthDate: '2022-01-01', readings: [r(12, '2024-01-01T08:00:00Z')] })!;
    expect(latestSentence(unknown, weight)).toContain('sans courbe de référence (sexe non renseigné)');
    expect(growthNotes(unknown, weight, 'Jade')[0]).toMatch(/^Le sexe de Jade n’est pas renseigné/);
  });
});
