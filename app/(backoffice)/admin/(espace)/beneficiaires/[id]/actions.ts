'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reissueCode } from '@/lib/accounts/reissue-code';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField } from '@/app/_forms/fields';
import { someoneNirField } from '@/app/_forms/fields';
import { frenchDateToIso } from '@/lib/identity/dates';
import { recordStaffOpposition } from '@/lib/oppositions/record-by-staff';
import { withdrawOpposition } from '@/lib/oppositions/withdraw';
import { grantRepresentative, revokeRepresentative } from '@/lib/representatives/staff';

/** BO-3: send a new code provisoire to the email on file (CMP-8 cap applies). */
export async function reissueCodeAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { profileId } = z.object({ profileId: z.uuid() }).parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => reissueCode(getDb(), actor, profileId, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/beneficiaires/${profileId}`);
  const sent = result.value.channel === 'EMAIL' ? `par courriel (${result.value.to})` : `par SMS (${result.value.to})`;
  return { status: 'success', message: `Un nouveau code provisoire part ${sent} ; les codes précédents ne fonctionnent plus.`, fieldErrors: {}, values: {}, version: Date.now() };
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

const grant = z.object({
  profileId: z.uuid(),
  nir: someoneNirField('Saisissez le NIR du représentant légal.'),
  birthDate: frenchDateField({ notFuture: true }),
  role: z.enum(['SECOND_PARENT', 'GUARDIAN'], { error: 'Choisissez le rôle : second parent ou tuteur d’un majeur protégé.' }),
});

/** BO-5: after offline checks, add a second parent (REP-4) or a court-appointed guardian (REP-10). */
export async function grantRepresentativeAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(grant, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => grantRepresentative(getDb(), actor, parsed.data, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/beneficiaires/${parsed.data.profileId}`);
  return { status: 'success', message: 'Le représentant légal est ajouté : il accède au profil dès sa prochaine page.', fieldErrors: {}, values: {}, version: Date.now() };
}

const revoke = z.object({
  profileId: z.uuid(),
  representationId: z.uuid(),
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer avoir vérifié la décision de justice.' }),
});

/** REP-6, BO-5: on a court decision checked offline, withdraw one representative's access at once. */
export async function revokeRepresentativeAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(revoke, form);
  if (!parsed.ok) return parsed.state;
  const { profileId, representationId } = parsed.data;
  const result = await runUseCase(form, () => revokeRepresentative(getDb(), actor, { profileId, representationId }, clock.now()));
  if (!result.ok) return result.state;
  // The form leaves the page with the representative: the confirmation is shown by the page itself.
  redirect(`/admin/beneficiaires/${profileId}?acces-retire=1`);
}
