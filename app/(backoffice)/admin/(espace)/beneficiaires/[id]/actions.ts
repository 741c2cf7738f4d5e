'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reissueCode } from '@/lib/accounts/reissue-code';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { runUseCase, type FormState } from '@/app/_forms/form-state';

/** BO-3: send a new code provisoire to the email on file (CMP-8 cap applies). */
export async function reissueCodeAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { profileId } = z.object({ profileId: z.uuid() }).parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => reissueCode(getDb(), actor, profileId, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/beneficiaires/${profileId}`);
  return { status: 'success', message: 'Un nouveau code provisoire part par courriel ; les codes précédents ne fonctionnent plus.', fieldErrors: {}, values: {}, version: Date.now() };
}
