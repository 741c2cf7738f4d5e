import { z } from 'zod';
import { isValidNir } from '@/lib/identity/nir';
import { isEnterable, measureType, type EnterableTypeCode } from '@/lib/measures/measure-types';
import { parisFormDefaults } from '@/lib/measures/paris-time';
import { validateMeasure, type CheckedMeasure } from '@/lib/measures/validate-measure';
import type { PushItemError } from './errors';

export const MAX_PUSHED_MEASURES = 100;

/** MEA-8: the body of `POST /api/services/v1/measures`, shape only; the measure rules come after (MEA-1, MEA-2). */
export const pushRequest = z.object({
  ins: z.string({ error: 'Le matricule INS est obligatoire.' })
    .refine((s) => s.length === 15 && isValidNir(s), 'Le matricule INS doit être un NIR de 15 caractères, clé comprise (ID-1 à ID-4).'),
  measures: z.array(z.object({
    type: z.string({ error: 'Le type de mesure est obligatoire.' }),
    value: z.number({ error: 'La valeur doit être un nombre.' }),
    value2: z.number({ error: 'La seconde valeur doit être un nombre.' }).optional(),
    unit: z.string({ error: 'L’unité est obligatoire.' }),
    effectiveAt: z.iso.datetime({ offset: true, error: 'La date de la mesure doit être au format ISO 8601 avec fuseau, par exemple 2026-03-03T08:30:00+01:00.' }),
  }), { error: 'La liste des mesures est obligatoire.' })
    .min(1, 'Transmettez au moins une mesure.')
    .max(MAX_PUSHED_MEASURES, `Transmettez au plus ${MAX_PUSHED_MEASURES} mesures par appel.`),
});
export type PushRequest = z.infer<typeof pushRequest>;
export type PushedMeasure = PushRequest['measures'][number];

/** zod's issues as the API's per-item list: the index of the measure when there is one, the field's path. */
export function requestErrors(error: z.ZodError): PushItemError[] {
  return error.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    return first === 'measures' && typeof index === 'number'
      ? { index, field: rest.join('.') || 'measures', message: issue.message }
      : { index: -1, field: issue.path.join('.') || 'body', message: issue.message };
  });
}

/**
 * MEA-1, MEA-2 for one pushed value, with the same rules as a value typed in the form (validateMeasure):
 * an enterable type, its own unit (nothing is converted), numbers in range, systolic above diastolic,
 * a time neither in the future nor before birth. The exact instant is kept.
 */
export function checkPushedMeasure(m: PushedMeasure, index: number, ctx: { now: Date; birthDate: string }):
  { ok: true; measure: CheckedMeasure } | { ok: false; errors: PushItemError[] } {
  const fail = (field: string, message: string) => ({ ok: false as const, errors: [{ index, field, message }] });
  if (!isEnterable(m.type)) return fail('type', `Type de mesure inconnu : « ${m.type} ».`);
  const type = measureType(m.type);
  if (m.unit !== type.unit) return fail('unit', `L’unité de la mesure « ${type.label} » est « ${type.unit} ».`);
  if (m.value2 !== undefined && type.components.length < 2) return fail('value2', 'Une seconde valeur n’est attendue que pour la tension artérielle.');
  const at = new Date(m.effectiveAt);
  const checked = validateMeasure({
    type: m.type as EnterableTypeCode, value: String(m.value), value2: m.value2 === undefined ? undefined : String(m.value2), ...parisFormDefaults(at),
  }, ctx);
  const errors: PushItemError[] = checked.ok ? [] : Object.entries(checked.errors)
    .map(([field, message]) => ({ index, field: field === 'date' || field === 'time' ? 'effectiveAt' : field, message }));
  // The form's time has minutes only: a pushed instant seconds ahead of now is in the future too.
  if (at.getTime() > ctx.now.getTime() && !errors.some((e) => e.field === 'effectiveAt')) {
    errors.push({ index, field: 'effectiveAt', message: 'La date de la mesure ne peut pas être dans le futur.' });
  }
  if (!checked.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, measure: { ...checked.measure, effectiveAt: at } };
}
