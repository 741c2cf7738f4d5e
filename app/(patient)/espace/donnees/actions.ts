'use server';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { confirmExport, sendExportCode } from '@/lib/export/request-export';
import { runThenRedirect, text } from '../form-redirect';
import { withProfile } from '../selected-profile';

const PAGE = '/espace/donnees';

/** CLO-12, step 1: a fresh code by email. */
export async function sendExportCodeAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil') || undefined;
  const profileId = profil ?? actor.ownProfileId ?? '';
  await runThenRedirect(withProfile(PAGE, profil), ({ challengeId }) => withProfile(PAGE, profil, { code: challengeId }), () =>
    sendExportCode(getDb(), actor, profileId, clock.now()));
}

/** CLO-12, step 2: the code, then the export is queued. */
export async function confirmExportAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil') || undefined;
  const challengeId = text(form, 'challenge');
  await runThenRedirect(withProfile(PAGE, profil, { code: challengeId }), withProfile(PAGE, profil, { demande: '1' }), () =>
    confirmExport(getDb(), actor, { profileId: profil ?? actor.ownProfileId ?? '', challengeId, otp: text(form, 'code') }, clock.now()));
}
