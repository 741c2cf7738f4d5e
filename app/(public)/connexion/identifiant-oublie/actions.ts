'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { sendForgottenIdentifiant } from '@/lib/accounts/forgotten-identifiant';
import { clock } from '@/lib/clock';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const address = z.object({ email: z.email('Saisissez une adresse électronique valide, par exemple nom@exemple.fr.') });

/** ACT-14 « Identifiant oublié »: the same answer for every address (no enumeration). */
export async function submitForgottenIdentifiant(_: FormState, form: FormData): Promise<FormState> {
  const input = parseForm(address, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => sendForgottenIdentifiant(getDb(), input.data, clock.now()));
  if (!result.ok) return result.state;
  return { status: 'success', message: result.value, fieldErrors: {}, values: {}, version: Date.now() };
}
