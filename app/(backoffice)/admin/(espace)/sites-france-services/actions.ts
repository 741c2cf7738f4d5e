'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { isUuid } from '@/lib/france-services/advisor-rules';
import { createSite, siteInput, updateSite } from '@/lib/france-services/manage-sites';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const LIST = '/admin/sites-france-services';

/** FS-1: « Ajouter un espace France Services » (supervisors); on success, the new site's page. */
export async function createSiteAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const input = parseForm(siteInput, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => createSite(getDb(), actor, input.data, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(LIST);
  redirect(`${LIST}/${result.value.id}?fait=cree`);
}

/** FS-1: a supervisor renames a site or corrects its commune or département. */
export async function updateSiteAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const id = String(form.get('id') ?? '');
  if (!isUuid(id)) return errorState(form, 'Espace France Services introuvable.');
  const input = parseForm(siteInput, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => updateSite(getDb(), actor, { id, ...input.data }, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(LIST);
  redirect(`${LIST}/${id}?fait=modifie`);
}
