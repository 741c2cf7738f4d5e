'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { resolveOpeningFailure } from '@/lib/identity/identity-cases';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const input = z.object({ failureId: z.uuid(), resolution: z.string().trim() });

/** CMP-10, BO-4: the agent records how an impossible opening was settled. */
export async function resolveFailureAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => resolveOpeningFailure(getDb(), actor, parsed.data, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath('/admin/ouvertures');
  return { status: 'success', message: 'Cas résolu : la prochaine campagne pourra écrire à cette personne.', fieldErrors: {}, values: {}, version: Date.now() };
}
