'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { isUuid, registerClientInput } from '@/lib/api-clients/client-rules';
import { registerApiClient } from '@/lib/api-clients/register-client';
import { revokeApiClient } from '@/lib/api-clients/revoke-client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

/**
 * PRO-1, PRO-2: « Enregistrer un logiciel ». On success the form receives the client id and the secret,
 * shown once; they never travel in a URL and the secret is nowhere else in clear.
 */
export async function registerClientAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const input = parseForm(registerClientInput, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => registerApiClient(getDb(), actor, input.data, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath('/admin/logiciels');
  const { name, clientId, clientSecret } = result.value;
  return { status: 'success', fieldErrors: {}, values: {}, version: Date.now(), data: { name, clientId, clientSecret } };
}

/** Revocation, after its confirmation page: back to the list, which says it is done. */
export async function revokeClientAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const id = String(form.get('id') ?? '');
  if (!isUuid(id)) return errorState(form, 'Logiciel introuvable.');
  const result = await runUseCase(form, () => revokeApiClient(getDb(), actor, { id }, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath('/admin/logiciels');
  redirect(`/admin/logiciels?revoque=${id}`);
}
