import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { findNotification } from './find-notification';
import { accountIdOf } from './list-notifications';

/** NOT-6: this account has read one notification; the other accounts of the profile keep theirs unread. */
export async function markNotificationRead(db: Db, actor: Actor, notificationId: string, now: Date): Promise<void> {
  const notification = await findNotification(db, notificationId);
  await ensureOnProfile(db, actor, 'notifications.read', notification.profile_id, 'notification.read', now);
  await db.insertInto('notification_reads').values({ account_id: accountIdOf(actor), notification_id: notification.id, read_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'notification_id']).doNothing()).execute();
}

/** NOT-6: "Tout marquer comme lu" for one profile, for this account only. Returns how many changed. */
export async function markAllNotificationsRead(db: Db, actor: Actor, profileId: string, now: Date): Promise<number> {
  await ensureOnProfile(db, actor, 'notifications.read', profileId, 'notification.read', now);
  const accountId = accountIdOf(actor);
  const result = await db.insertInto('notification_reads')
    .columns(['account_id', 'notification_id', 'read_at'])
    .expression((eb) => eb.selectFrom('notifications as n')
      .select([eb.val(accountId).as('account_id'), 'n.id', eb.val(now).as('read_at')])
      .where('n.profile_id', '=', profileId).where('n.deleted_at', 'is', null))
    .onConflict((oc) => oc.columns(['account_id', 'notification_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
