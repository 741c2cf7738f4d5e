import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { patientMayChange } from './entry-rules';
import { inTransaction, ProfessionalEntryError, UUID } from './entry-rows';

/**
 * PRF-1, PRF-2: the patient side deletes one entry of its profile, after the page's confirmation. A
 * professional's vaccination or an entry of another profile is refused; either way traced
 * `medical.delete` (AUD-1). The linked document, if any, stays.
 */
export async function deleteEntry(db: Db, actor: Actor, input: { profileId: string; entryId: string }, now: Date): Promise<void> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'medical.delete', now);
  const target = { type: 'medical_entry', id: input.entryId };
  const outcome = await inTransaction(db, async (trx) => {
    const entry = UUID.test(input.entryId)
      ? await trx.selectFrom('medical_entries').select(['id', 'source']).where('id', '=', input.entryId)
        .where('profile_id', '=', profile.id).forUpdate().executeTakeFirst()
      : undefined;
    if (!entry) return 'not-found' as const;
    if (!patientMayChange(entry)) return 'ps-source' as const;
    await trx.deleteFrom('medical_entries').where('id', '=', entry.id).execute();
    await recordAccess(trx, { actor, action: 'medical.delete', profileId: profile.id, target, at: now });
    return 'deleted' as const;
  });
  if (outcome === 'deleted') return;
  await recordAccess(db, { actor, action: 'medical.delete', profileId: profile.id, target, denied: outcome, at: now });
  throw outcome === 'not-found' ? new NotFoundError('Information') : new ProfessionalEntryError();
}
