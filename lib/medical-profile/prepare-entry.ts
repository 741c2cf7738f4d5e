import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findDocument } from '@/lib/documents/find-document';
import { NotFoundError } from '@/lib/errors';
import { duplicateError, uniqueKeyOf } from './entry-rules';
import { validateEntry, type AnyPayload } from './entry-schemas';
import { entryContext, MedicalEntryValidationError, UUID } from './entry-rows';
import type { EntryKind } from './vocabulary';

export type PreparedEntry = { payload: AnyPayload; uniqueKey: string | null; documentId: string | null };

/**
 * The checks shared by adding and editing an entry (PRF-1..5): the kind's schema (dates, required
 * fields, French messages), the linked document (DOC-8: one of this profile's documents this account
 * can open), and the one-per-profile keys (PRF-3, PRF-5). Throws MedicalEntryValidationError.
 */
export async function prepareEntry(db: Db, actor: Actor, profile: { id: string; birth_date: string }, kind: EntryKind,
  fields: Record<string, string | undefined>, now: Date, entryId?: string): Promise<PreparedEntry> {
  const checked = validateEntry(kind, fields, entryContext(now, profile.birth_date));
  if (!checked.ok) throw new MedicalEntryValidationError(checked.errors);
  const { payload, documentId } = checked.entry;
  if (documentId && !(await documentReachable(db, actor, profile.id, documentId))) {
    throw new MedicalEntryValidationError({ documentId: 'Choisissez un document de ce profil dans la liste.' });
  }
  const uniqueKey = uniqueKeyOf(kind, payload);
  if (uniqueKey !== null) {
    let taken = db.selectFrom('medical_entries').select('id').where('profile_id', '=', profile.id).where('kind', '=', kind)
      .where('unique_key', '=', uniqueKey);
    if (entryId) taken = taken.where('id', '!=', entryId);
    if (await taken.executeTakeFirst()) throw duplicate(kind, uniqueKey);
  }
  return { payload, uniqueKey, documentId };
}

/** A document of this profile, active and readable by this account (VIS-9, VIS-14 apply). */
async function documentReachable(db: Db, actor: Actor, profileId: string, documentId: string): Promise<boolean> {
  if (!UUID.test(documentId)) return false;
  try {
    const found = await findDocument(db, documentId);
    if (found.row.profile_id !== profileId) return false;
    return authorize(actor, 'document.read', { profile: found.profile.target, document: found.document }).allowed;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

const duplicate = (kind: EntryKind, key: string) => {
  const { field, message } = duplicateError(kind, key);
  return new MedicalEntryValidationError({ [field]: message });
};

/** The unique index answered first (two forms sent at once): the same French error as the check. */
export function asDuplicateError(error: unknown, kind: EntryKind, key: string | null): unknown {
  const pg = error as { code?: string; constraint?: string };
  return pg.code === '23505' && pg.constraint === 'medical_entries_one_per_key' && key !== null ? duplicate(kind, key) : error;
}
