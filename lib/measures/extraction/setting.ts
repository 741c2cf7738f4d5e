import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';

/** MEA-4: « Récupération automatique des données des documents » of a profile; on until switched off. */
export async function measureExtractionOn(db: Db, profileId: string): Promise<boolean> {
  const row = await db.selectFrom('privacy_settings').select('measure_extraction').where('profile_id', '=', profileId).executeTakeFirst();
  return row?.measure_extraction ?? true;
}

/**
 * What the Mesures page shows of the setting: its state, and whether this account may change it
 * (holder or representative: the policy's `privacy.manage`; an aidant reads it only). The page has
 * already passed the profile's read gate.
 */
export async function measureExtractionSetting(db: Db, actor: Actor, profileId: string): Promise<{ enabled: boolean; mayChange: boolean }> {
  const [profile, enabled] = await Promise.all([findProfileTarget(db, profileId), measureExtractionOn(db, profileId)]);
  return { enabled, mayChange: authorize(actor, 'privacy.manage', { profile: profile.target }).allowed };
}
