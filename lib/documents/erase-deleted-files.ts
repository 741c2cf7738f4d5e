import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { SYSTEM } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { blobStore } from '@/lib/storage/blob-store';

/** DOC-10: a deleted document's file is erased 30 days after the deletion. */
export const ERASE_AFTER_DAYS = 30;

/**
 * DOC-10: erases the files of documents deleted 30 days ago or more; metadata and traces stay.
 * Idempotent and resumable: the row is marked in the transaction that follows the file's deletion,
 * and deleting a file already gone is not an error, so a crash in between is finished next run.
 */
export async function eraseDeletedFiles(db: Db, now: Date, batch = 500): Promise<{ erased: number }> {
  let erased = 0;
  for (;;) {
    const due = await db.selectFrom('documents').select(['id', 'profile_id', 'blob_key'])
      .where('status', '=', 'DELETED').where('blob_key', 'is not', null)
      .where('deleted_at', '<=', sql<Date>`${now}::timestamptz - make_interval(days => ${ERASE_AFTER_DAYS})`)
      .orderBy('deleted_at').limit(batch).execute();
    if (due.length === 0) return { erased };
    for (const doc of due) {
      await blobStore().delete(doc.blob_key!);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('documents').set({ blob_key: null, wrapped_key: null, erased_at: now }).where('id', '=', doc.id).execute();
        await recordAccess(trx, { actor: { ...SYSTEM, job: 'document-erasure' }, action: 'document.erase', profileId: doc.profile_id,
          target: { type: 'document', id: doc.id }, at: now, channel: 'WORKER' });
      });
      erased++;
    }
  }
}
