'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { answerInvitation } from '@/lib/representatives/invitations';
import { runUseCase, type FormState } from '@/app/_forms/form-state';

const answer = z.object({ invitationId: z.uuid(), answer: z.enum(['accept', 'refuse']) });

/** REP-3: the invitee accepts (becomes second parent) or refuses; the inviter is told either way. */
export async function answerInvitationAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const { invitationId, answer: choice } = answer.parse(Object.fromEntries(form));
  const accept = choice === 'accept';
  const result = await runUseCase(form, () => answerInvitation(getDb(), actor, { invitationId, accept }, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/espace/invitations?${accept ? 'acceptee' : 'refusee'}=${invitationId}`);
}
