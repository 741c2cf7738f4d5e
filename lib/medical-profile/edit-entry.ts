import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { patientMayChange } from './entry-rules';
import { inTransaction, ProfessionalEntryError, UUID } from './entry-rows';
import { asDuplicateError, prepareEntry } from './prepare-entry';

export type EntryChange = { profileId: string; entryId: string; fields: Record<string, string | undefined> };

/**
 * PRF-1, PRF-2: the patient side edits one entry of its profile, with the same checks as when adding;
 * the kind stays. An entry written by a professional (PRF-2) or not on this profile is refused, and the
 * refusal traced like the change (`medical.edit`, AUD-1).
 */
export async function editEntry(db: Db, actor: Actor, input: EntryChange, now: Date): Promise<void> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'medical.edit', now);
  const target = { type: 'medical_entry', id: input.entryId };
  const current = UUID.test(input.entryId)
    ? await db.selectFrom('medical_entries').select(['id', 'kind', 'source']).where('id', '=', input.entryId)
      .where('profile_id', '=', profile.id).executeTakeFirst()
    : undefined;
  if (!current || !patientMayChange(current)) {
    await recordAccess(db, { actor, action: 'medical.edit', profileId: profile.id, target, denied: current ? 'ps-source' : 'not-found', at: now });
    throw current ? new ProfessionalEntryError() : new NotFoundError('Information');
  }
  const entry = await prepareEntry(db, actor, profile, current.kind, input.fields, now, current.id);
  try {
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('medical_entries').set({
        payload: JSON.stringify(entry.payload), unique_key: entry.uniqueKey, document_id: entry.documentId, updated_at: now,
      }).where('id', '=', current.id).where('source', '=', 'PATIENT').executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new NotFoundError('Information'); // deleted meanwhile
      await recordAccess(trx, { actor, action: 'medical.edit', profileId: profile.id, target, at: now });
    });
  } catch (error) {
    throw asDuplicateError(error, current.kind, entry.uniqueKey);
  }
}
