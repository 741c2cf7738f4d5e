import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';

/**
 * MEA-4: the holder or a representative switches « Récupération automatique des données des
 * documents » on or off (an aidant may not: `privacy.manage`). It applies to the documents filed from
 * then on; values already extracted stay until their document is deleted. Traced
 * `measure.extraction.on|off` in the same transaction (AUD-1); a refusal is traced by the gate.
 */
export async function setMeasureExtraction(db: Db, actor: Actor, input: { profileId: string; enabled: boolean }, now: Date): Promise<void> {
  const action = input.enabled ? 'measure.extraction.on' : 'measure.extraction.off';
  await ensureOnProfile(db, actor, 'privacy.manage', input.profileId, action, now);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('privacy_settings').values({ profile_id: input.profileId, measure_extraction: input.enabled, updated_at: now })
      .onConflict((oc) => oc.column('profile_id').doUpdateSet({ measure_extraction: input.enabled, updated_at: now })).execute();
    await recordAccess(trx, { actor, action, profileId: input.profileId, at: now });
  });
}
