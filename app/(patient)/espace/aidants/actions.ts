'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { inviteAidant } from '@/lib/aidants/invite-aidant';
import { respondAidantInvitation } from '@/lib/aidants/respond-invitation';
import { revokeAidant } from '@/lib/aidants/revoke-aidant';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField, someoneNirField } from '@/app/_forms/fields';

const invitation = z.object({
  nir: someoneNirField('Saisissez le numéro de sécurité sociale de la personne à inviter.'),
  birthDate: frenchDateField({ notFuture: true }),
  declared: z.literal('oui', { error: 'Cochez la case pour déclarer que cette personne vous aide dans votre vie quotidienne, à titre non professionnel.' }),
});

/** AID-3: the holder invites an aidant by NIR + date of birth, with the declaration ticked. */
export async function inviteAidantAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const parsed = parseForm(invitation, form);
  if (!parsed.ok) return parsed.state;
  const { nir, birthDate } = parsed.data;
  const result = await runUseCase(form, () => inviteAidant(getDb(), actor, { profileId: actor.ownProfileId ?? '', nir, birthDate, declared: true }, clock.now()));
  if (!result.ok) return result.state;
  redirect('/espace/aidants?invitation=envoyee');
}

const revocation = z.object({
  linkId: z.uuid(),
  side: z.enum(['aide', 'aidant']),
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer.' }),
});

/** AID-6: either side ends the link at once, after confirming. */
export async function revokeAidantAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const parsed = parseForm(revocation, form);
  if (!parsed.ok) return parsed.state;
  const { linkId, side } = parsed.data;
  const result = await runUseCase(form, () => revokeAidant(getDb(), actor, { linkId }, clock.now()));
  if (!result.ok) return result.state;
  redirect(side === 'aide' ? `/espace/aidants?fin=${linkId}` : `/espace/personnes-aidees?fin=${linkId}`);
}

const answer = z.object({ invitationId: z.uuid(), answer: z.enum(['accept', 'refuse']) });

/** AID-3: the invited person accepts or refuses; the aidé is told either way. */
export async function answerAidantInvitationAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const { invitationId, answer: choice } = answer.parse(Object.fromEntries(form));
  const accept = choice === 'accept';
  const result = await runUseCase(form, () => respondAidantInvitation(getDb(), actor, { linkId: invitationId, accept }, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/espace/personnes-aidees?${accept ? 'acceptee' : 'refusee'}=${invitationId}`);
}
