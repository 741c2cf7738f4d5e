'use server';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { connectService } from '@/lib/services/connect-service';
import { disconnectService } from '@/lib/services/disconnect-service';
import { runThenRedirect, text } from '../form-redirect';
import { withProfile } from '../selected-profile';

const PAGE = '/espace/services';
const target = async (form: FormData) => {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil') || undefined;
  return { actor, profil, profileId: profil ?? actor.ownProfileId ?? '', serviceId: text(form, 'service') };
};

/** CAT-3: the purposes ticked on the consent form (unticked boxes are not sent: declined). */
export async function connectServiceAction(form: FormData) {
  const { actor, profil, profileId, serviceId } = await target(form);
  const purposes = form.getAll('finalites').filter((v): v is string => typeof v === 'string');
  await runThenRedirect(withProfile(PAGE, profil, { connecter: serviceId }), withProfile(PAGE, profil, { connecte: serviceId }), () =>
    connectService(getDb(), actor, { profileId, serviceId, purposes }, clock.now()));
}

/** CAT-5: every consent of the profile for that service is revoked at once. */
export async function disconnectServiceAction(form: FormData) {
  const { actor, profil, profileId, serviceId } = await target(form);
  await runThenRedirect(withProfile(PAGE, profil), withProfile(PAGE, profil, { deconnecte: serviceId }), () =>
    disconnectService(getDb(), actor, { profileId, serviceId }, clock.now()));
}
