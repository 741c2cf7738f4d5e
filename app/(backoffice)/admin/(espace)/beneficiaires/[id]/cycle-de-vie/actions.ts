'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { StaffActor } from '@/lib/access/actor';
import { requireAudience } from '@/lib/auth/session';
import { closeProfile, requestDeletion } from '@/lib/closure/close-profile';
import { closeSuspendedWithDecision, liftSuspension, recordDeath, recordSuspensionObjection, suspendProfile } from '@/lib/closure/support';
import { clock } from '@/lib/clock';
import { decideHeirRequest, recordHeirRequest } from '@/lib/closure/heirs';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const profileOnly = z.object({ profileId: z.uuid() });

/** Parses, runs one BO-6 use case as the signed-in agent, then shows the page again with its outcome (`?fait=`). */
async function act<S extends z.ZodType<{ profileId: string }>>(form: FormData, schema: S, done: string,
  useCase: (actor: StaffActor, data: z.infer<S>, now: Date) => Promise<void>): Promise<FormState> {
  const actor = await requireAudience('staff');
  const input = parseForm(schema, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => useCase(actor, input.data, clock.now()));
  if (!result.ok) return result.state;
  // The form that was used may no longer apply: the page itself confirms.
  redirect(`/admin/beneficiaires/${input.data.profileId}/cycle-de-vie?fait=${done}`);
}

const closure = profileOnly.extend({
  deleteData: z.literal('oui').optional(),
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer que la demande de fermeture a été vérifiée.' }),
});

/** CLO-2, BO-2: a closure asked by phone or letter, optionally with the deletion request (CLO-5). */
export async function staffCloseAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, closure, 'ferme', (actor, d, now) => closeProfile(getDb(), actor, { profileId: d.profileId, deleteData: d.deleteData === 'oui' }, now));
}

const deletion = profileOnly.extend({
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer que la demande de suppression a été vérifiée.' }),
});

/** CLO-5, BO-6: the deletion of a closed profile's archived data, asked by phone or letter. */
export async function requestDeletionAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, deletion, 'suppression', (actor, d, now) => requestDeletion(getDb(), actor, d.profileId, now));
}

const suspension = profileOnly.extend({
  reason: z.string().trim().min(5, 'Indiquez le motif de la suspension (5 caractères au moins).').max(500, 'Le motif est limité à 500 caractères.'),
});

/** CLO-9: the CNAM suspends a profile; the person has 42 days to object. */
export async function suspendAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, suspension, 'suspendu', (actor, d, now) => suspendProfile(getDb(), actor, d, now));
}

/** CLO-10: the person objected by phone or letter: the automatic closure stops. */
export async function objectionAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, profileOnly, 'contestation', (actor, d, now) => recordSuspensionObjection(getDb(), actor, d.profileId, now));
}

/** CLO-10, T7: the suspension is lifted. */
export async function liftAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, profileOnly, 'levee', (actor, d, now) => liftSuspension(getDb(), actor, d.profileId, now));
}

const decision = profileOnly.extend({
  decision: z.string().trim().min(5, 'Motivez la décision de fermeture (5 caractères au moins).').max(400, 'La décision est limitée à 400 caractères.'),
});

/** CLO-10: closure of a suspended profile with a reasoned decision. */
export async function closeWithDecisionAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, decision, 'decision', (actor, d, now) => closeSuspendedWithDecision(getDb(), actor, d, now));
}

const death = profileOnly.extend({
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer que le décès a été vérifié.' }),
});

/** CLO-11, T15: the death is recorded; the profile closes with reason DECEASED. */
export async function deathAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, death, 'deces', (actor, d, now) => recordDeath(getDb(), actor, d.profileId, now));
}

const heirRequest = profileOnly.extend({
  requesterName: z.string().trim(),
  relation: z.enum(['HEIR', 'COHABITANT', 'PACS_PARTNER'], { error: 'Indiquez le lien du demandeur avec la personne décédée.' }),
  proof: z.string().trim(),
});

/** CLO-11: an heir, a cohabitant or a PACS partner asks for access; a second agent will decide. */
export async function recordHeirAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, heirRequest, 'demande-ayant-droit', (actor, d, now) => recordHeirRequest(getDb(), actor, d, now));
}

const heirDecision = profileOnly.extend({ requestId: z.uuid(), decision: z.enum(['approve', 'refuse']), note: z.string().trim().optional() });

/** CLO-11: the second agent approves or refuses (four eyes, checked by the use case). */
export async function decideHeirAction(_: FormState, form: FormData): Promise<FormState> {
  return act(form, heirDecision, 'decision-ayant-droit', (actor, d, now) =>
    decideHeirRequest(getDb(), actor, { profileId: d.profileId, requestId: d.requestId, approve: d.decision === 'approve', note: d.note ?? '' }, now));
}
