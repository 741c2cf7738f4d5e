'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { normalizeDepartement } from '@/lib/population/departements';
import { createPreventionCampaign, previewPreventionCampaign } from '@/lib/prevention-campaigns/manage';
import type { CampaignRules } from '@/lib/prevention-campaigns/rules';
import { echoValues, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const optionalInt = (message: string) => z.string().trim().regex(/^\d{0,3}$/, message).transform((v) => (v === '' ? null : Number(v)));
const input = z.object({
  intent: z.enum(['preview', 'create']).default('preview'),
  name: z.string().trim().max(120, 'Le nom ne peut pas dépasser 120 caractères.'),
  title: z.string().trim().max(100, 'Le titre du message ne peut pas dépasser 100 caractères.'),
  body: z.string().trim().max(4000, 'Le texte du message ne peut pas dépasser 4 000 caractères.'),
  teaser: z.string().trim().max(200, 'L’accroche du courriel ne peut pas dépasser 200 caractères.'),
  minAge: optionalInt('Saisissez un âge en années, par exemple 50.'),
  maxAge: optionalInt('Saisissez un âge en années, par exemple 74.'),
  sex: z.enum(['', '1', '2']).transform((v) => (v === '' ? null : (Number(v) as 1 | 2))),
  departements: z.string().trim().max(1000, 'La liste des départements est trop longue.'),
  historyCategory: z.string(),
  historyPresence: z.enum(['present', 'absent']),
  historyMonths: optionalInt('Saisissez une durée en mois, par exemple 12.'),
});

/** PRV-6, BO: « Estimer » counts with the delivery's SQL and keeps the values; « Créer » creates the campaign (a DRAFT). */
export async function preventionCampaignFormAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const d = parsed.data;
  const rules = {
    minAge: d.minAge, maxAge: d.maxAge, sex: d.sex,
    departements: [...new Set(d.departements.split(/[\s,;]+/).filter(Boolean).map(normalizeDepartement))].sort(),
    history: d.historyCategory ? { category: d.historyCategory, present: d.historyPresence === 'present', months: d.historyMonths ?? 0 } : null,
  } as CampaignRules; // validated by the use case (rulesSchema)
  if (d.intent === 'preview') {
    const result = await runUseCase(form, () => previewPreventionCampaign(getDb(), actor, rules, clock.now()));
    if (!result.ok) return result.state;
    return { status: 'success', fieldErrors: {}, values: echoValues(form), version: Date.now(),
      data: { count: new Intl.NumberFormat('fr-FR').format(result.value), raw: String(result.value) } };
  }
  const result = await runUseCase(form, () => createPreventionCampaign(getDb(), actor, { name: d.name, title: d.title, body: d.body, teaser: d.teaser, rules }, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/prevention/${result.value.campaignId}?fait=creee`);
}
