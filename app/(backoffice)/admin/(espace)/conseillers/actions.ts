'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { createAdvisor } from '@/lib/france-services/create-advisor';
import { createAdvisorInput, isUuid } from '@/lib/france-services/advisor-rules';
import { deactivateAdvisor } from '@/lib/france-services/deactivate-advisor';
import { reactivateAdvisor } from '@/lib/france-services/reactivate-advisor';
import { resetAdvisor } from '@/lib/france-services/reset-advisor';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

/** FS-1: « Créer un compte conseiller »; on success, the new account's page says the link is sent. */
export async function createAdvisorAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const input = parseForm(createAdvisorInput, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => createAdvisor(getDb(), actor, input.data, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath('/admin/conseillers');
  redirect(`/admin/conseillers/${result.value.id}?fait=cree`);
}

type OneAdvisorUseCase = typeof deactivateAdvisor;
const DONE = { deactivate: 'desactive', reactivate: 'reactive', reset: 'lien' } as const;

async function onOne(form: FormData, useCase: OneAdvisorUseCase, done: (typeof DONE)[keyof typeof DONE]): Promise<FormState> {
  const actor = await requireAudience('staff');
  const id = String(form.get('id') ?? '');
  if (!isUuid(id)) return errorState(form, 'Conseiller introuvable.');
  const result = await runUseCase(form, () => useCase(getDb(), actor, { id }, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath('/admin/conseillers');
  redirect(`/admin/conseillers/${id}?fait=${done}`);
}

/** FS-1: after its confirmation page; the advisor's next request finds no session. */
export async function deactivateAdvisorAction(_: FormState, form: FormData): Promise<FormState> {
  return onOne(form, deactivateAdvisor, DONE.deactivate);
}
export async function reactivateAdvisorAction(_: FormState, form: FormData): Promise<FormState> {
  return onOne(form, reactivateAdvisor, DONE.reactivate);
}
/** FS-1: voids the password and emails a new link (agents and supervisors). */
export async function resetAdvisorAction(_: FormState, form: FormData): Promise<FormState> {
  return onOne(form, resetAdvisor, DONE.reset);
}
