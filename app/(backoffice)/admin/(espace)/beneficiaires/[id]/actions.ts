'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reissueCode } from '@/lib/accounts/reissue-code';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateToIso } from '@/lib/identity/dates';
import { recordStaffOpposition } from '@/lib/oppositions/record-by-staff';
import { withdrawOpposition } from '@/lib/oppositions/withdraw';

/** BO-3: send a new code provisoire to the email on file (CMP-8 cap applies). */
export async function reissueCodeAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { profileId } = z.object({ profileId: z.uuid() }).parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => reissueCode(getDb(), actor, profileId, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/beneficiaires/${profileId}`);
  return { status: 'success', message: 'Un nouveau code provisoire part par courriel ; les codes précédents ne fonctionnent plus.', fieldErrors: {}, values: {}, version: Date.now() };
}

const staffOpposition = z.object({
  profileId: z.uuid(),
  channel: z.enum(['PHONE', 'LETTER', 'EMAIL'], { error: 'Indiquez comment l’opposition a été reçue.' }),
  postmarkDate: z.string().trim().optional(),
});

/** BO-2: key an opposition received by phone, letter or email. */
export async function recordOppositionAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(staffOpposition, form);
  if (!parsed.ok) return parsed.state;
  const postmark = parsed.data.postmarkDate ? frenchDateToIso(parsed.data.postmarkDate) : null;
  if (parsed.data.postmarkDate && !postmark) return errorState(form, undefined, { postmarkDate: 'Saisissez une date valide au format JJ/MM/AAAA.' });
  const result = await runUseCase(form, () => recordStaffOpposition(getDb(), actor, { ...parsed.data, postmarkDate: postmark ?? null }, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/beneficiaires/${parsed.data.profileId}`);
  return { status: 'success', message: 'Opposition enregistrée ; le récépissé part par courriel si une adresse est connue.', fieldErrors: {}, values: {},
    version: Date.now(), data: { receiptHref: `/admin/oppositions/${result.value}/recepisse` } };
}

/** OPP-9: withdraw the opposition at the person's request; a new code provisoire follows. */
export async function withdrawOppositionAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { profileId } = z.object({ profileId: z.uuid() }).parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => withdrawOpposition(getDb(), actor, profileId, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/beneficiaires/${profileId}`);
  return { status: 'success', message: 'Opposition retirée : le profil est créé et un nouveau code provisoire part par courriel.', fieldErrors: {}, values: {}, version: Date.now() };
}
