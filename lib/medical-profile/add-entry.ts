import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { accountOf, inTransaction } from './entry-rows';
import { asDuplicateError, prepareEntry } from './prepare-entry';
import type { EntryKind } from './vocabulary';

export type NewEntry = {
  profileId: string; kind: EntryKind; fields: Record<string, string | undefined>;
  /** HIS-7: the care episode the entry is copied from (checked by the caller: copy-episode.ts). */
  sourceEpisodeId?: string;
};

/**
 * PRF-1, PRF-2: the patient side (holder, representative, aidant: AID-4) adds one entry to a section of
 * the profil médical. Checked by the kind's rules, stored with source PATIENT and traced `medical.add`
 * in the same transaction (AUD-1); a refused actor is traced and refused by the policy.
 */
export async function addEntry(db: Db, actor: Actor, input: NewEntry, now: Date): Promise<{ entryId: string }> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'medical.add', now);
  const entry = await prepareEntry(db, actor, profile, input.kind, input.fields, now);
  try {
    return await inTransaction(db, async (trx) => {
      const { id } = await trx.insertInto('medical_entries').values({
        profile_id: profile.id, kind: input.kind, payload: JSON.stringify(entry.payload), unique_key: entry.uniqueKey,
        document_id: entry.documentId, source: 'PATIENT', source_label: null, professional_id: null,
        created_by_account: accountOf(actor), created_at: now, updated_at: now, source_episode_id: input.sourceEpisodeId ?? null,
      }).returning('id').executeTakeFirstOrThrow();
      await recordAccess(trx, { actor, action: 'medical.add', profileId: profile.id, target: { type: 'medical_entry', id }, at: now });
      return { entryId: id };
    });
  } catch (error) {
    throw asDuplicateError(error, input.kind, entry.uniqueKey);
  }
}
