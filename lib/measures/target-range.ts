import { checkComponent } from './validate-measure';
import { measureType, type EnterableTypeCode } from './measure-types';

/** MEA-7: a target range per measure type; either bound may be left open. Blood pressure has one per number. */
export type TargetRange = { low: number | null; high: number | null; low2: number | null; high2: number | null };
export type TargetEntry = { type: EnterableTypeCode; low?: string; high?: string; low2?: string; high2?: string };
export type TargetField = 'low' | 'high' | 'low2' | 'high2';

/**
 * MEA-7: each bound typed the French way and within the type's MEA-1 range, the low bound under the
 * high one. All bounds empty means "no target" (the range is removed).
 */
export function validateTargetRange(entry: TargetEntry): { ok: true; range: TargetRange | null } | { ok: false; errors: Partial<Record<TargetField, string>> } {
  const type = measureType(entry.type);
  const errors: Partial<Record<TargetField, string>> = {};
  const range: TargetRange = { low: null, high: null, low2: null, high2: null };
  const pairs: [TargetField, TargetField][] = [['low', 'high'], ['low2', 'high2']];
  type.components.forEach((component, i) => {
    const [lowField, highField] = pairs[i]!;
    for (const field of [lowField, highField]) {
      const raw = entry[field]?.trim() ?? '';
      if (raw === '') continue;
      const checked = checkComponent(component, type.unit, raw);
      if ('error' in checked) errors[field] = `Objectif : ${checked.error.charAt(0).toLowerCase()}${checked.error.slice(1)}`;
      else range[field] = checked.value;
    }
    const low = range[lowField];
    const high = range[highField];
    if (low !== null && high !== null && low >= high && !errors[highField]) {
      errors[highField] = 'La borne haute de l’objectif doit être supérieure à la borne basse.';
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, range: Object.values(range).every((v) => v === null) ? null : range };
}

export type TargetStatus = 'BELOW' | 'WITHIN' | 'ABOVE';

/** Where one number stands against its bounds (none when there is no bound). */
export function targetStatus(value: number, low: number | null, high: number | null): TargetStatus | undefined {
  if (low === null && high === null) return undefined;
  if (low !== null && value < low) return 'BELOW';
  if (high !== null && value > high) return 'ABOVE';
  return 'WITHIN';
}
