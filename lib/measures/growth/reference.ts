import { z } from 'zod';
import who20062007 from './references/who-2006-2007.json';

/** MEA-6: the indicators drawn on growth curves, named after the measure types they read. */
export const GROWTH_INDICATORS = ['WEIGHT', 'HEIGHT', 'BODY_MASS_INDEX', 'HEAD_CIRCUMFERENCE'] as const;
export type GrowthIndicator = (typeof GROWTH_INDICATORS)[number];
export type Sex = 'male' | 'female';

/** L, M, S of one age (Cole's LMS method). */
export type Lms = { L: number; M: number; S: number };

const row = z.tuple([z.number().int().min(0), z.number(), z.number().positive(), z.number().positive()]);
const segment = z.object({
  from: z.number().int().min(0),
  to: z.number().int(),
  measured: z.enum(['length', 'height']).optional(),
  tables: z.array(z.string()).min(1),
  rows: z.array(row).min(2),
});
const bySex = z.object({ label: z.string(), male: z.array(segment).min(1), female: z.array(segment).min(1) });
const referenceFile = z.object({
  version: z.string().min(1),
  label: z.string().min(1),
  source: z.looseObject({ citation: z.array(z.string()).min(1), copiedFrom: z.string() }),
  notes: z.array(z.string()),
  indicators: z.object({ WEIGHT: bySex, HEIGHT: bySex, BODY_MASS_INDEX: bySex, HEAD_CIRCUMFERENCE: bySex }),
});

export type GrowthReference = z.infer<typeof referenceFile>;
export type Segment = z.infer<typeof segment>;

/**
 * MEA-6: reference bands are data, one JSON file per version. A new version is a new file added here;
 * measures are read against the version named, so a page always says which one it drew.
 */
const FILES: Record<string, unknown> = { 'who-2006-2007': who20062007 };
export const CURRENT_REFERENCE_VERSION = 'who-2006-2007';

const loaded = new Map<string, GrowthReference>();

/** The reference of that version, checked once (rows by whole month, contiguous, within their segment). */
export function loadReference(version: string = CURRENT_REFERENCE_VERSION): GrowthReference {
  const cached = loaded.get(version);
  if (cached) return cached;
  const file = FILES[version];
  if (!file) throw new Error(`Unknown growth reference version: ${version}`);
  const reference = referenceFile.parse(file);
  if (reference.version !== version) throw new Error(`Growth reference file ${version} declares version ${reference.version}`);
  for (const indicator of GROWTH_INDICATORS) {
    for (const sex of ['male', 'female'] as const) {
      for (const s of reference.indicators[indicator][sex]) {
        s.rows.forEach(([month], i) => {
          if (month !== s.from + i || month > s.to) throw new Error(`${version} ${indicator} ${sex}: month ${month} out of sequence`);
        });
      }
    }
  }
  loaded.set(version, reference);
  return reference;
}

/** The ages (months) an indicator's reference covers: [first, last]. */
export function coverage(reference: GrowthReference, indicator: GrowthIndicator, sex: Sex): [number, number] {
  const segments = reference.indicators[indicator][sex];
  return [segments[0]!.from, segments[segments.length - 1]!.to];
}

/**
 * The segment that holds an age: at a boundary shared by two segments (24 months: length, then height)
 * the later one wins, as the WHO tables do.
 */
export function segmentAt(reference: GrowthReference, indicator: GrowthIndicator, sex: Sex, ageMonths: number): Segment | undefined {
  const segments = reference.indicators[indicator][sex];
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    if (ageMonths >= s.from && ageMonths <= s.to) return s;
  }
  return undefined;
}

/** L, M, S at an age within one segment, linear between its monthly rows; undefined outside it. */
export function lmsInSegment(s: Segment, ageMonths: number): Lms | undefined {
  if (ageMonths < s.from || ageMonths > s.to) return undefined;
  const i = Math.min(Math.floor(ageMonths) - s.from, s.rows.length - 1);
  const [m0, L0, M0, S0] = s.rows[i]!;
  const next = s.rows[i + 1];
  if (!next || ageMonths === m0) return { L: L0, M: M0, S: S0 };
  const t = (ageMonths - m0) / (next[0] - m0);
  const mix = (a: number, b: number) => a + (b - a) * t;
  return { L: mix(L0, next[1]), M: mix(M0, next[2]), S: mix(S0, next[3]) };
}

/** L, M, S at an age in months; undefined outside the reference. */
export function lmsAt(reference: GrowthReference, indicator: GrowthIndicator, sex: Sex, ageMonths: number): Lms | undefined {
  const s = segmentAt(reference, indicator, sex, ageMonths);
  return s && lmsInSegment(s, ageMonths);
}

/** MEA-6: the measure types read on growth curves (weight, height, IMC, head circumference). */
export function isGrowthIndicator(code: string): code is GrowthIndicator {
  return (GROWTH_INDICATORS as readonly string[]).includes(code);
}
