import type { Reading } from '../bmi';
import { ageInMonths } from './age';
import { bandOf, PERCENTILES, valueAtZ, type BandPosition } from './lms';
import { coverage, lmsAt, lmsInSegment, type GrowthIndicator, type GrowthReference, type Sex } from './reference';

export type GrowthPoint = { at: Date; ageMonths: number; value: number; band: BandPosition | undefined };
/** One age of the bands: the values of P3, P15, P50, P85, P97 there. */
export type BandSample = { age: number; values: number[] };

export type GrowthCurve = {
  indicator: GrowthIndicator;
  version: string;
  versionLabel: string;
  sex: Sex | undefined;
  birthDate: string;
  /** The child's values, oldest first, with the band each falls in (none without a reference at that age). */
  points: GrowthPoint[];
  latest: GrowthPoint;
  /** The ages shown, in months. */
  domain: [number, number];
  /** The bands over the ages shown, one run per reference segment (the WHO switches from length to height at 2 years). */
  bands: BandSample[][];
  /** The ages the reference covers for this indicator and sex. */
  covered: [number, number] | undefined;
};

const SAMPLES = 120;

/** The ages shown: the child's ages with a margin, at least three months wide, never before birth. */
function domainOf(ages: number[]): [number, number] {
  const lo = Math.min(...ages);
  const hi = Math.max(...ages);
  const pad = Math.max(1, (hi - lo) * 0.08);
  let from = Math.max(0, lo - pad);
  let to = hi + pad;
  if (to - from < 3) {
    const extra = (3 - (to - from)) / 2;
    from = Math.max(0, from - extra);
    to = from + 3;
  }
  return [from, to];
}

function bandRuns(reference: GrowthReference, indicator: GrowthIndicator, sex: Sex, [from, to]: [number, number]): BandSample[][] {
  const step = Math.max(0.1, (to - from) / SAMPLES);
  return reference.indicators[indicator][sex].flatMap((segment) => {
    const start = Math.max(from, segment.from);
    const end = Math.min(to, segment.to);
    if (start > end) return [];
    const ages: number[] = [];
    for (let a = start; a < end; a += step) ages.push(a);
    ages.push(end);
    return [ages.map((age) => {
      const lms = lmsInSegment(segment, age)!;
      return { age, values: PERCENTILES.map((p) => valueAtZ(lms, p.z)) };
    })];
  });
}

/**
 * MEA-6: a child's values on an age axis against the reference bands of the child's sex: each value's
 * age from the birth date, the band it falls in, and the P3–P97 lines over the ages shown. Without a
 * known sex, or at ages the reference does not cover, the values are kept but no band is given.
 */
export function buildGrowthCurve(input: {
  reference: GrowthReference; indicator: GrowthIndicator; sex: Sex | undefined; birthDate: string; readings: readonly Reading[];
}): GrowthCurve | undefined {
  const { reference, indicator, sex, birthDate } = input;
  if (input.readings.length === 0) return undefined;
  const points = [...input.readings].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime()).map((r) => {
    const age = ageInMonths(birthDate, r.effectiveAt);
    const lms = sex ? lmsAt(reference, indicator, sex, age) : undefined;
    return { at: r.effectiveAt, ageMonths: age, value: r.value, band: lms ? bandOf(lms, r.value) : undefined };
  });
  const domain = domainOf(points.map((p) => p.ageMonths));
  return {
    indicator, version: reference.version, versionLabel: reference.label, sex, birthDate, points, latest: points[points.length - 1]!, domain,
    bands: sex ? bandRuns(reference, indicator, sex, domain) : [],
    covered: sex ? coverage(reference, indicator, sex) : undefined,
  };
}
