'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { signOut } from '@/lib/auth/nextauth';
import { requireAudience } from '@/lib/auth/session';
import { closeProfile } from '@/lib/closure/close-profile';
import { purgeDueOn } from '@/lib/closure/rules';
import { clock } from '@/lib/clock';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { setClosureFlash } from '@/app/(public)/fermeture/flash';

const closure = z.object({
  profileId: z.uuid(),
  deleteData: z.literal('oui').optional(),
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer la fermeture du profil.' }),
});

/**
 * CLO-1, CLO-3: closes the holder's own profile (then signs out, to the public dated confirmation) or a
 * represented child's (back to the dashboard). The use case checks who may close what.
 */
export async function closeProfileAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const input = parseForm(closure, form);
  if (!input.ok) return input.state;
  const { profileId } = input.data;
  const deleteData = input.data.deleteData === 'oui';
  const now = clock.now();
  const db = getDb();
  const result = await runUseCase(form, async () => {
    const { firstName } = await findProfileTarget(db, profileId);
    await closeProfile(db, actor, { profileId, deleteData }, now);
    return firstName;
  });
  if (!result.ok) return result.state;
  const own = profileId === actor.ownProfileId;
  await setClosureFlash({ closedAt: now.toISOString(), deletion: deleteData, purgeDueOn: deleteData ? purgeDueOn(now) : null,
    firstName: result.value, whose: own ? 'OWN' : 'CHILD' });
  // The session of a closed profile is over (ACC-3): same sign-out as the header button, to the confirmation.
  if (own) await signOut({ redirectTo: '/fermeture/confirmation' });
  redirect('/espace?profil-ferme=1');
}
