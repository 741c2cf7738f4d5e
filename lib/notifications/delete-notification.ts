import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { findNotification } from './find-notification';
import { accountIdOf } from './list-notifications';

/**
 * NOT-6: deleting a notification deletes it for every account sharing the profile (the row keeps a
 * `deleted_at`, so a second account's click finds nothing). Traced on the profile's chain.
 */
export async function deleteNotification(db: Db, actor: Actor, notificationId: string, now: Date): Promise<void> {
  const notification = await findNotification(db, notificationId);
  await ensureOnProfile(db, actor, 'notifications.read', notification.profile_id, 'notification.delete', now);
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.updateTable('notifications').set({ deleted_at: now, deleted_by: accountIdOf(actor) })
      .where('id', '=', notification.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!deleted.numUpdatedRows) throw new NotFoundError('Notification');
    await recordAccess(trx, { actor, action: 'notification.delete', profileId: notification.profile_id, at: now,
      target: { type: 'notification', id: notification.id } });
  });
}
