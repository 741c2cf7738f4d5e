'use server';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { copyEpisode } from '@/lib/care-history/copy-episode';
import { clock } from '@/lib/clock';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { UUID } from '@/lib/medical-profile/entry-rows';
import { text } from '../form-redirect';
import { withProfile } from '../selected-profile';

/**
 * HIS-7: one tap copies an episode into Traitements or Vaccinations, then back to the same page of the
 * history with the outcome. Another account's profile or episode answers 404 (traced by the use case).
 */
export async function copyEpisodeAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profileId = text(form, 'profileId');
  const episodeId = text(form, 'episodeId');
  if (!UUID.test(profileId)) notFound();
  // Back to the same filter and page of the history.
  const keep = Object.fromEntries(['categorie', 'apres'].map((k) => [k, text(form, k)]).filter(([, v]) => /^[\w~-]{1,80}$/.test(v!)));
  const page = (extra: Record<string, string>) =>
    withProfile('/espace/histoire-de-sante', actor.ownProfileId === profileId ? undefined : profileId, { ...keep, ...extra });
  let kind: string;
  try {
    ({ kind } = await copyEpisode(getDb(), actor, { profileId, episodeId }, clock.now()));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof AccessDeniedError) notFound();
    if (!(error instanceof DomainError)) throw error;
    redirect(page({ erreur: error.message }));
  }
  redirect(page({ ajoute: kind }));
}
