import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { blobStore } from '@/lib/storage/blob-store';
import { conversationOf, ensurePatientSide } from './patient-side';

/**
 * MSG-5: the patient side deletes a conversation from its inbox with its attachments (files erased);
 * copies already saved to Documents are documents of their own and stay (MSG-10). The professional
 * keeps the text of the exchange; a later message from them starts the inbox thread afresh. Traced.
 */
export async function deleteConversation(db: Db, actor: Actor, input: { profileId: string; conversationId: string }, now: Date): Promise<void> {
  await ensurePatientSide(db, actor, 'message.write', input.profileId, 'message.delete', now);
  const c = await conversationOf(db, input.profileId, input.conversationId);
  const keys = await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('message_attachments')
      .where('message_id', 'in', trx.selectFrom('messages').select('id').where('conversation_id', '=', c.id))
      .returning('blob_key').execute();
    await trx.updateTable('conversations').set({ deleted_by_patient_at: now }).where('id', '=', c.id).execute();
    await recordAccess(trx, { actor, action: 'message.delete', profileId: input.profileId, target: { type: 'conversation', id: c.id }, at: now });
    return removed.map((r) => r.blob_key);
  });
  // After commit: a failed erase leaves an unreachable encrypted blob, never a row without its file.
  await Promise.all(keys.map((k) => blobStore().delete(k)));
}
