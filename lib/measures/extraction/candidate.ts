import { measureType } from '../measure-types';

/** MEA-4: the measure types read from documents. */
export const EXTRACTED_TYPES = ['WEIGHT', 'HEIGHT', 'HEAD_CIRCUMFERENCE'] as const;
export type ExtractedType = (typeof EXTRACTED_TYPES)[number];

/** One value found in a document, in the type's unit (MEA-1); its own time when the document gives one. */
export type Candidate = { type: ExtractedType; value: number; unit: 'kg' | 'cm'; effectiveAt?: Date };

/** What one unit is worth in the type's unit (kg for weight, cm for lengths); units not listed are not read. */
const FACTORS: Record<ExtractedType, Record<string, number>> = {
  WEIGHT: { kg: 1, g: 0.001 },
  HEIGHT: { cm: 1, m: 100, mm: 0.1 },
  HEAD_CIRCUMFERENCE: { cm: 1, m: 100, mm: 0.1 },
};

/**
 * MEA-1: a number as written in the document, converted to kg or cm and rounded to the type's
 * decimals; undefined when the unit is not one we read or the value falls outside the type's range
 * (such a value is skipped, never stored).
 */
export function toCandidate(type: ExtractedType, value: number, unit: string, effectiveAt?: Date): Candidate | undefined {
  const factor = FACTORS[type][unit.trim().toLowerCase()];
  if (factor === undefined || !Number.isFinite(value)) return undefined;
  const { unit: target, components: [bound] } = measureType(type);
  const scale = 10 ** bound!.decimals;
  const converted = Math.round(value * factor * scale) / scale;
  if (converted < bound!.min || converted > bound!.max) return undefined;
  return { type, value: converted, unit: target as Candidate['unit'], ...(effectiveAt ? { effectiveAt } : {}) };
}

/** One value per type and time: the first one the document gives wins (a repeated line adds nothing). */
export function firstOfEach(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.type}|${c.effectiveAt?.toISOString() ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
