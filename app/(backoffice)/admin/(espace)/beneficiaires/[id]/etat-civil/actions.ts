'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { correctCivilStatus } from '@/lib/identity/identity-cases';
import { mergeDuplicate } from '@/lib/identity/merge';
import { someoneNirField } from '@/app/_forms/fields';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const input = z.object({ profileId: z.uuid(), birthName: z.string(), firstNames: z.string(), reason: z.string() });

/** ID-11, BO-4: names and first names only, with the justification. */
export async function correctCivilStatusAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => correctCivilStatus(getDb(), actor, parsed.data, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/beneficiaires/${parsed.data.profileId}`);
}

const merge = z.object({ profileId: z.uuid(), duplicateNir: someoneNirField('Saisissez le NIR du profil en double.'), reason: z.string() });

/** BO-4: the duplicate (another NIR, same person) is merged into this profile. */
export async function mergeDuplicateAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(merge, form);
  if (!parsed.ok) return parsed.state;
  const { profileId, duplicateNir, reason } = parsed.data;
  const result = await runUseCase(form, () => mergeDuplicate(getDb(), actor, { keepProfileId: profileId, duplicateNir, reason }, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/beneficiaires/${profileId}`);
}
