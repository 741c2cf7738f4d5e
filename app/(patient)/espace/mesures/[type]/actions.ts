'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { addMeasure, MeasureValidationError } from '@/lib/measures/add-measure';
import { deleteMeasure } from '@/lib/measures/delete-measure';
import { ENTERABLE_CODES, measureType, type EnterableTypeCode } from '@/lib/measures/measure-types';
import { setTargetRange, TargetValidationError } from '@/lib/measures/set-target-range';
import { validateMeasure } from '@/lib/measures/validate-measure';
import { measuresHref } from '@/components/measures/links';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';

const text = z.string().optional().default('');
const base = { profileId: z.uuid(), type: z.enum(ENTERABLE_CODES as [EnterableTypeCode, ...EnterableTypeCode[]]) };
const entry = z.object({ ...base, value: text, value2: text, date: text, time: text });
const target = z.object({ ...base, low: text, high: text, low2: text, high2: text, intent: z.enum(['set', 'remove']).default('set') });
const removal = z.object({ profileId: z.uuid(), measureId: z.uuid(), slug: z.string().regex(/^[a-z0-9-]+$/) });

/**
 * Where the page goes after a change: the same type's page, same profile, with its confirmation. The
 * value changes on every change so the page re-mounts its forms empty (a redirect keeps client state).
 */
function pageOf(actorOwn: string | null, profileId: string, slug: string, done: string, value = Date.now().toString(36)): string {
  return measuresHref(profileId, actorOwn === profileId, slug, { [done]: value });
}

/** runUseCase, keeping every field error of a validation that found several (not only the first). */
async function runForm<T>(form: FormData, fn: () => Promise<T>) {
  let fieldErrors: Record<string, string> | undefined;
  const result = await runUseCase(form, () => fn().catch((e: unknown) => {
    if (e instanceof MeasureValidationError || e instanceof TargetValidationError) fieldErrors = { ...e.fieldErrors } as Record<string, string>;
    throw e;
  }));
  return !result.ok && fieldErrors ? { ok: false as const, state: errorState(form, undefined, fieldErrors) } : result;
}

/** MEA-1, MEA-2: the entry form; all field errors at once, then the use case (policy, birth date, trace). */
export async function addMeasureAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const input = entry.parse(Object.fromEntries(form));
  const now = clock.now();
  const checked = validateMeasure(input, { now });
  if (!checked.ok) return errorState(form, undefined, checked.errors);
  const result = await runForm(form, () => addMeasure(getDb(), actor, input, now));
  if (!result.ok) return result.state;
  redirect(pageOf(actor.ownProfileId, input.profileId, measureType(input.type).slug, 'enregistre', result.value.measureId));
}

/** MEA-7: sets the target range, or removes it (« Supprimer l’objectif »). */
export async function setTargetAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const { intent, ...input } = target.parse(Object.fromEntries(form));
  const bounds = intent === 'remove' ? { low: '', high: '', low2: '', high2: '' } : {};
  const result = await runForm(form, () => setTargetRange(getDb(), actor, { ...input, ...bounds }, clock.now()));
  if (!result.ok) return result.state;
  redirect(pageOf(actor.ownProfileId, input.profileId, measureType(input.type).slug, result.value.range ? 'objectif' : 'objectif-supprime'));
}

/** MEA-2: deletes a value the patient side entered, after the confirmation step. */
export async function deleteMeasureAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const { profileId, measureId, slug } = removal.parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => deleteMeasure(getDb(), actor, { profileId, measureId }, clock.now()));
  if (!result.ok) return result.state;
  redirect(pageOf(actor.ownProfileId, profileId, slug, 'supprime'));
}
