import type { Db } from '@/db/client';
import { DEFAULT_PRIVACY, type PrivacySettings } from '@/lib/access/document-access';

/** VIS-3 mask-all and EMG-1 toggles of a profile; defaults until the holder changes one. */
export async function privacyOf(db: Db, profileId: string): Promise<PrivacySettings> {
  const row = await db.selectFrom('privacy_settings').selectAll().where('profile_id', '=', profileId).executeTakeFirst();
  if (!row) return DEFAULT_PRIVACY;
  return { maskAll: row.mask_all, emergencyRegulation: row.emergency_regulation, emergencyOther: row.emergency_other,
    emergencyMaskedVisible: row.emergency_masked_visible };
}
