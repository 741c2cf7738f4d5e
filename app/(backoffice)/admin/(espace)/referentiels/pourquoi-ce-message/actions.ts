'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { frenchDateToIso } from '@/lib/identity/dates';
import { whyThisMessage } from '@/lib/prevention-campaigns/rules';
import { checkWhyTexts, publishWhyTexts, WHY_KEYS, WHY_SAMPLES, type WhyKey } from '@/lib/prevention-campaigns/why-texts';
import { echoValues, errorState, runUseCase, type FormState } from '@/app/_forms/form-state';

/** BO-7, PRV-7: « Prévisualiser » shows the sentences of the sample people; « Publier » stores a new version. */
export async function whyTextsAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const texts = Object.fromEntries(WHY_KEYS.map((k) => [k, String(form.get(k) ?? '')])) as Record<WhyKey, string>;
  if (form.get('intent') === 'preview') {
    const checked = checkWhyTexts(texts);
    if (!checked.ok) return errorState(form, undefined, checked.errors as Record<string, string>);
    const data = Object.fromEntries(WHY_SAMPLES.map((s, i) => [`preview_${i}`, whyThisMessage(s.criteria, checked.texts).join('\n')]));
    return { status: 'success', fieldErrors: {}, values: echoValues(form), version: Date.now(), data };
  }
  const day = frenchDateToIso(String(form.get('dateEffet') ?? ''));
  if (!day) return errorState(form, undefined, { dateEffet: 'Saisissez une date valide au format JJ/MM/AAAA.' });
  const result = await runUseCase(form, () => publishWhyTexts(getDb(), actor, { texts, effectiveDay: day, note: String(form.get('note') ?? '') }, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/referentiels/pourquoi-ce-message?publiee=${result.value.number}`);
}
