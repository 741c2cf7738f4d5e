import type { Db } from '@/db/client';
import { createChannelProviders, type ChannelProviders } from '@/lib/notifications/channels';

export const NOTIFICATIONS_QUEUE = 'notifications';
export type NotificationJob = { outboxId: string };

/**
 * Sends one notification SMS or push (NOT-1, NOT-7). Idempotent like processEmail: the outbox row is
 * locked and re-read, a DONE row sends nothing, the provider gets the outbox id as idempotency key (the
 * sink keys its row by it), and the row is marked DONE in the same transaction as the send.
 * The mobile and the device are read at sending time: an SMS held overnight goes to the mobile the
 * account has at 08:00, and to nobody if it was removed.
 */
export async function processNotification(db: Db, job: NotificationJob, now = new Date(), providers: ChannelProviders = createChannelProviders()): Promise<'sent' | 'skipped' | 'held'> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').selectAll().where('id', '=', job.outboxId).forUpdate().executeTakeFirst();
    if (!row || row.status === 'DONE') return 'skipped';
    if (row.not_before && row.not_before > now) {
      // NOT-7: never before its slot; back to the relay under a new job id (the old one is done).
      await trx.updateTable('outbox').set((eb) => ({ status: 'PENDING', enqueued_at: null, generation: eb('generation', '+', 1) }))
        .where('id', '=', row.id).execute();
      return 'held';
    }
    const ctx = { idempotencyKey: `outbox-${row.id}`, db: trx };
    let sent = false;
    if (row.kind === 'notification-sms') {
      const { accountId, text } = row.payload as { accountId: string; text: string };
      const account = await trx.selectFrom('accounts').select('mobile').where('id', '=', accountId).executeTakeFirst();
      if (account?.mobile) { await providers.sms.send(account.mobile, text, ctx); sent = true; }
    } else if (row.kind === 'notification-push') {
      const { deviceId, text } = row.payload as { deviceId: string; text: string };
      const device = await trx.selectFrom('push_devices').select('token').where('id', '=', deviceId).executeTakeFirst();
      if (device) { await providers.push.send(device.token, text, ctx); sent = true; }
    } else {
      throw new Error(`not a notification outbox kind: ${row.kind}`);
    }
    await trx.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: now, last_error: null, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id).execute();
    return sent ? 'sent' : 'skipped';
  });
}
