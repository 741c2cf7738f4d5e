'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { createAseProfile } from '@/lib/representatives/staff';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { someoneNirField } from '@/app/_forms/fields';

const input = z.object({ nir: someoneNirField('Saisissez le NIR du mineur.') });

/** REP-7, BO-5: a profile with no representative account for a minor entrusted to the ASE. */
export async function createAseProfileAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => createAseProfile(getDb(), actor, parsed.data, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/beneficiaires/${result.value.profileId}?ase=1`);
}
