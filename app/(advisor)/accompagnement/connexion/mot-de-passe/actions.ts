'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { setAdvisorPassword } from '@/lib/france-services/set-advisor-password';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const input = z.object({
  token: z.string().min(1, 'Ce lien n’est pas valable.'),
  password: z.string().min(1, 'Saisissez le mot de passe que vous avez choisi.'),
  passwordConfirmation: z.string().min(1, 'Saisissez une seconde fois le même mot de passe.'),
});

/** FS-1: the advisor chooses their password through the emailed single-use link; then the normal login. */
export async function chooseAdvisorPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const { token, password, passwordConfirmation } = parsed.data;
  const result = await runUseCase(form, () => setAdvisorPassword(getDb(), { token, password, confirmation: passwordConfirmation }, clock.now()));
  if (!result.ok) return result.state;
  return { status: 'success', fieldErrors: {}, values: {}, version: Date.now(), data: { identifiant: result.value.identifiant } };
}
