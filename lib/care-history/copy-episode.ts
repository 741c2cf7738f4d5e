import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { addEntry } from '@/lib/medical-profile/add-entry';
import { UUID } from '@/lib/medical-profile/entry-rows';
import { copyKindOf, fieldsFromEpisode, type CopyKind } from './copy-targets';

/** HIS-7: this episode is in the profil médical already (copied before, the entry still there). */
export class EpisodeAlreadyCopiedError extends ValidationError {
  constructor(kind: CopyKind) {
    super('care-history.already-copied', kind === 'TREATMENT'
      ? 'Ce médicament est déjà dans les traitements du profil médical.'
      : 'Ce vaccin est déjà dans les vaccinations du profil médical.');
  }
}

/** HIS-7: only medicines and vaccines are copied. */
export class EpisodeNotCopyableError extends ValidationError {
  constructor() {
    super('care-history.not-copyable', 'Seuls les médicaments et les vaccins peuvent être ajoutés au profil médical.');
  }
}

/**
 * HIS-7: one tap copies an episode of Mon histoire de santé into Traitements (MEDICINE) or Vaccinations
 * (VACCINE), as a patient-authored entry (PRF-2) made by the add-entry use case (its policy, checks and
 * `medical.add` trace), pre-filled from the episode and remembering it: a second copy adds nothing.
 * An episode of another profile (a guessed id) answers like an unknown one; either refusal is traced.
 */
export async function copyEpisode(db: Db, actor: Actor, input: { profileId: string; episodeId: string }, now: Date): Promise<{ entryId: string; kind: CopyKind }> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'medical.add', now);
  const episode = UUID.test(input.episodeId)
    ? await db.selectFrom('care_episodes').select(['id', 'category', 'label', 'care_date as careDate'])
      .where('id', '=', input.episodeId).where('profile_id', '=', profile.id).executeTakeFirst()
    : undefined;
  const kind = episode && copyKindOf(episode.category);
  if (!episode || !kind) {
    await recordAccess(db, { actor, action: 'medical.add', profileId: profile.id, target: { type: 'care_episode', id: input.episodeId },
      denied: episode ? 'not-copyable' : 'not-found', at: now });
    throw episode ? new EpisodeNotCopyableError() : new NotFoundError('Soin');
  }
  const copied = await db.selectFrom('medical_entries').select('id').where('profile_id', '=', profile.id)
    .where('source_episode_id', '=', episode.id).executeTakeFirst();
  if (copied) throw new EpisodeAlreadyCopiedError(kind);
  try {
    const { entryId } = await addEntry(db, actor, { profileId: profile.id, kind, fields: fieldsFromEpisode(kind, episode), sourceEpisodeId: episode.id }, now);
    return { entryId, kind };
  } catch (error) {
    // Two taps at once: the unique index answers the second.
    const pg = error as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === 'medical_entries_one_per_episode') throw new EpisodeAlreadyCopiedError(kind);
    throw error;
  }
}
