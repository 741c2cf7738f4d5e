'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { createCampaign, previewCampaign } from '@/lib/campaigns/manage';
import { frenchDateToIso } from '@/lib/identity/dates';
import { normalizeDepartement } from '@/lib/population/departements';
import { echoValues, errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const input = z.object({
  intent: z.enum(['preview', 'create']).default('preview'),
  name: z.string().trim().max(120, 'Le nom ne peut pas dépasser 120 caractères.'),
  departements: z.string().trim().max(1000, 'La liste des départements est trop longue.'),
  birthsSince: z.string().trim(),
});

/** BO-1: "Estimer" counts the recipients and keeps the values; "Créer" creates the campaign and opens it. */
export async function campaignFormAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const { intent, name, birthsSince } = parsed.data;
  const since = birthsSince ? frenchDateToIso(birthsSince) : null;
  if (since === undefined) return errorState(form, undefined, { birthsSince: 'Saisissez une date valide au format JJ/MM/AAAA.' });
  const departements = parsed.data.departements.split(/[\s,;]+/).filter(Boolean).map(normalizeDepartement);
  const campaign = { name, departements, birthsSince: since };
  if (intent === 'preview') {
    const result = await runUseCase(form, () => previewCampaign(getDb(), actor, campaign, clock.now()));
    if (!result.ok) return result.state;
    const { total, letters, children, duplicates } = result.value;
    return { status: 'success', fieldErrors: {}, values: echoValues(form), version: Date.now(),
      data: { total: String(total), letters: String(letters), children: String(children), duplicates: String(duplicates) } };
  }
  const result = await runUseCase(form, () => createCampaign(getDb(), actor, campaign, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/campagnes/${result.value.campaignId}?fait=creee`);
}
