import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';

/** MEA-4: how many values were extracted from a document (its deletion confirmation says they go too). */
export async function countMeasuresFromDocument(db: Db, documentId: string): Promise<number> {
  const row = await db.selectFrom('measures').select(db.fn.countAll<string>().as('n'))
    .where('source', '=', 'DOCUMENT_EXTRACTION').where('source_ref', '=', documentId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * MEA-4: deleting documents also deletes the values extracted from them, in the deletion's
 * transaction, each traced `measure.delete` on its profile (AUD-1). Returns how many went.
 */
export async function deleteMeasuresFromDocuments(trx: Transaction<DB>, actor: Actor, documentIds: string[], now: Date): Promise<number> {
  if (documentIds.length === 0) return 0;
  const gone = await trx.deleteFrom('measures').where('source', '=', 'DOCUMENT_EXTRACTION').where('source_ref', 'in', documentIds)
    .returning(['id', 'profile_id']).execute();
  for (const m of gone) {
    await recordAccess(trx, { actor, action: 'measure.delete', profileId: m.profile_id, target: { type: 'measure', id: m.id }, at: now });
  }
  return gone.length;
}
