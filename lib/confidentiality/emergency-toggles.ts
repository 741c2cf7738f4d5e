import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';

export type EmergencyToggles = { regulation: boolean; other: boolean; maskedVisible: boolean };

/**
 * EMG-1: the holder's three emergency-access toggles (1: SAMU regulation, 2: other professionals in an
 * emergency, 3: emergency readers see masked documents). Each change is traced
 * MODIF_PARAM_ACCESS_URGENCE (EMG-7).
 */
export async function setEmergencyToggles(db: Db, actor: Actor, input: { profileId: string } & EmergencyToggles, now: Date): Promise<void> {
  await ensureOnProfile(db, actor, 'privacy.manage', input.profileId, 'MODIF_PARAM_ACCESS_URGENCE', now);
  await db.transaction().execute(async (trx) => {
    const values = { emergency_regulation: input.regulation, emergency_other: input.other, emergency_masked_visible: input.maskedVisible, updated_at: now };
    await trx.insertInto('privacy_settings').values({ profile_id: input.profileId, ...values })
      .onConflict((oc) => oc.column('profile_id').doUpdateSet(values)).execute();
    await recordAccess(trx, { actor, action: 'MODIF_PARAM_ACCESS_URGENCE', profileId: input.profileId, at: now,
      target: { type: 'emergency-toggles', id: [input.regulation, input.other, input.maskedVisible].map((b) => (b ? '1' : '0')).join('') } });
  });
}
