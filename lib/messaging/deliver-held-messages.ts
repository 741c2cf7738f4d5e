import type { Db } from '@/db/client';
import { notify } from '@/lib/notifications/notify';

/**
 * MSG-12: messages held while a profile was SUSPENDED are delivered once it is ACTIVE again (one
 * notification for the lot). Idempotent. Not wired into the re-activation flow yet: the lifecycle
 * module calls it when that lands; until then held messages stay HELD (invisible to the patient).
 */
export async function deliverHeldMessages(db: Db, profileId: string, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
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
  });
}
