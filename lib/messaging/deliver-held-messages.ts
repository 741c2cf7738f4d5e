import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import { notify } from '@/lib/notifications/notify';

/**
 * MSG-12: messages held while a profile was SUSPENDED are delivered once it is ACTIVE again (one
 * notification for the lot), in the caller's transaction: lib/closure/support.ts `liftSuspension` calls
 * it in the transaction that lifts the suspension, so the messages appear with the reactivation or not
 * at all. Nothing happens unless the profile is ACTIVE (a suspension lifted back to another state keeps
 * them held). Idempotent.
 */
export async function deliverHeldMessagesIn(trx: Transaction<DB>, profileId: string, now: Date): Promise<number> {
  const profile = await trx.selectFrom('profiles').select('state').where('id', '=', profileId).forUpdate().executeTakeFirst();
  if (profile?.state !== 'ACTIVE') return 0;
  const delivered = await trx.updateTable('messages').set({ status: 'DELIVERED' })
    .where('status', '=', 'HELD')
    .where('conversation_id', 'in', trx.selectFrom('conversations').select('id').where('profile_id', '=', profileId))
    .returning('conversation_id').execute();
  if (delivered.length === 0) return 0;
  await trx.updateTable('conversations').set({ last_message_at: now })
    .where('id', 'in', [...new Set(delivered.map((d) => d.conversation_id))]).execute();
  await notify(trx, { profileId, kind: 'NOTIF_MESSAGE', at: now });
  return delivered.length;
}

/** The same in a transaction of its own (repair jobs, tests). */
export async function deliverHeldMessages(db: Db, profileId: string, now: Date): Promise<number> {
  return db.transaction().execute((trx) => deliverHeldMessagesIn(trx, profileId, now));
}
