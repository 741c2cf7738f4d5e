'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { inviteRepresentative } from '@/lib/representatives/invitations';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField } from '@/app/_forms/fields';
import { someoneNirField } from '@/app/_forms/fields';

const invitation = z.object({
  profileId: z.uuid(),
  nir: someoneNirField('Saisissez le numéro de sécurité sociale de la personne à inviter.'),
  birthDate: frenchDateField({ notFuture: true }),
  certified: z.literal('oui', { error: 'Cochez la case pour certifier que cette personne est représentant légal de l’enfant.' }),
});

/** REP-3 "Partager le profil": invite the second parent or a tutor; the use case checks REP-5 and REP-6. */
export async function inviteRepresentativeAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const parsed = parseForm(invitation, form);
  if (!parsed.ok) return parsed.state;
  const { profileId, nir, birthDate, certified } = parsed.data;
  const result = await runUseCase(form, () => inviteRepresentative(getDb(), actor, { profileId, nir, birthDate, certified: certified === 'oui' }, clock.now()));
  if (!result.ok) return result.state;
  // The form may leave the page (two seats taken): the page itself confirms the invitation.
  redirect(`/espace/enfants/${profileId}?invitation=envoyee`);
}
