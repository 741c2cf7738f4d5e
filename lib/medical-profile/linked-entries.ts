import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { entryLine } from './describe-entry';
import { sectionOfKind } from './sections';

/**
 * DOC-8: the profil médical entries linked to a document (a hospitalisation and its report), as the
 * deletion confirmation names them. The caller has passed the document's gate.
 */
export async function entriesLinkedToDocument(db: Db, documentId: string): Promise<{ id: string; section: string; line: string }[]> {
  const rows = await db.selectFrom('medical_entries').select(['id', 'kind', 'payload']).where('document_id', '=', documentId)
    .orderBy('seq').execute();
  return rows.map((r) => ({ id: r.id, section: sectionOfKind(r.kind).label, line: entryLine(r.kind, r.payload) }));
}

/**
 * DOC-8: deleting documents also deletes the entries linked to them, in the deletion's transaction,
 * each traced `medical.delete` on its profile (AUD-1). Returns how many went.
 */
export async function deleteEntriesLinkedToDocuments(trx: Transaction<DB>, actor: Actor, documentIds: string[], now: Date): Promise<number> {
  if (documentIds.length === 0) return 0;
  const gone = await trx.deleteFrom('medical_entries').where('document_id', 'in', documentIds).returning(['id', 'profile_id']).execute();
  for (const entry of gone) {
    await recordAccess(trx, { actor, action: 'medical.delete', profileId: entry.profile_id, target: { type: 'medical_entry', id: entry.id }, at: now });
  }
  return gone.length;
}
