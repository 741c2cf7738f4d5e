import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { ensureDocument } from './document-gate';
import { deleteEntriesLinkedToDocuments } from '@/lib/medical-profile/linked-entries';
import { deleteMeasuresFromDocuments } from '@/lib/measures/extraction/document-measures';

/** DOC-7: at most 10 documents per deletion. */
export const MAX_BULK_DELETE = 10;

/**
 * DOC-5..7: logical deletion of one to ten documents, all or none: one the account may not delete
 * refuses the whole action; DOC-8: the profil médical entries linked to them go too, and (MEA-4) the
 * measures extracted from them. The files are erased 30 days later (DOC-10, erase-deleted-files.ts).
 */
export async function deleteDocuments(db: Db, actor: Actor, documentIds: string[], now: Date): Promise<{ deleted: number; linkedEntries: number }> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) throw new ValidationError('document.none-selected', 'Cochez au moins un document à supprimer.', 'documents');
  if (ids.length > MAX_BULK_DELETE) {
    throw new ValidationError('document.too-many-selected', `Vous pouvez supprimer ${MAX_BULK_DELETE} documents au plus à la fois.`, 'documents');
  }
  const by = actor.kind === 'PATIENT' ? actor.name : 'Inconnu';
  // Every document passes the gate first (outside the transaction, so a refusal's trace stays).
  const rows: { id: string; profile_id: string }[] = [];
  for (const id of ids) rows.push((await ensureDocument(db, actor, 'document.delete', id, 'document.delete', now)).row);
  return db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await trx.updateTable('documents').set({ status: 'DELETED', deleted_at: now, deleted_by_label: by, pinned: false, updated_at: now })
        .where('id', '=', row.id).execute();
      await recordAccess(trx, { actor, action: 'document.delete', profileId: row.profile_id, target: { type: 'document', id: row.id }, at: now });
    }
    // DOC-8: the profil médical entries linked to these documents go with them (the page said which).
    const linkedEntries = await deleteEntriesLinkedToDocuments(trx, actor, rows.map((r) => r.id), now);
    // MEA-4: so do the measures extracted from them (the confirmation says so).
    await deleteMeasuresFromDocuments(trx, actor, rows.map((r) => r.id), now);
    return { deleted: ids.length, linkedEntries };
  });
}
