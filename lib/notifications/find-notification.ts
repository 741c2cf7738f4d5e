import type { Db } from '@/db/client';
import { NotFoundError } from '@/lib/errors';

/** A notification still shown (not deleted), by id; anything else is "introuvable" (NOT-6). */
export async function findNotification(db: Db, notificationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(notificationId)) throw new NotFoundError('Notification');
  const row = await db.selectFrom('notifications').select(['id', 'profile_id', 'kind'])
    .where('id', '=', notificationId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new NotFoundError('Notification');
  return row;
}
