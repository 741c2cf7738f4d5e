import type { Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { enqueue } from '@/lib/queue/outbox';
import type { NotificationData, NotificationKind } from '../kinds';
import { nextSmsSlot } from './quiet-hours';
import { channelRecipients, type ChannelRecipient } from './recipients';
import { channelText } from './texts';

export type ChannelsResult = { smsAccountIds: string[]; pushDeviceIds: string[] };

/**
 * notify()'s SMS and push part, in its transaction: one outbox row per SMS recipient (held until 08:00
 * Europe/Paris when due in the quiet hours, NOT-7) and one per registered device of each push recipient.
 * The texts name the represented profile's first name at most, never anything medical (NOT-7).
 */
export async function enqueueChannelMessages(trx: Transaction<DB>, input: {
  kind: NotificationKind; data: NotificationData; at: Date; profileFirstName: string; recipients: readonly ChannelRecipient[];
}): Promise<ChannelsResult> {
  const textFor = (r: ChannelRecipient) =>
    channelText(input.kind, { profileFirstName: r.relation === 'HOLDER' ? null : input.profileFirstName, data: input.data });

  const sms = channelRecipients(input.kind, input.recipients, 'SMS');
  const slot = nextSmsSlot(input.at);
  for (const r of sms) {
    await enqueue(trx, { kind: 'notification-sms', accountId: r.accountId, text: textFor(r), notBefore: slot > input.at ? slot : null });
  }

  const push = channelRecipients(input.kind, input.recipients, 'PUSH');
  const devices = push.length === 0 ? [] : await trx.selectFrom('push_devices').select(['id', 'account_id'])
    .where('account_id', 'in', push.map((r) => r.accountId)).orderBy('created_at').orderBy('id').execute();
  for (const d of devices) {
    const r = push.find((p) => p.accountId === d.account_id)!;
    await enqueue(trx, { kind: 'notification-push', deviceId: d.id, text: textFor(r) });
  }
  return { smsAccountIds: sms.map((r) => r.accountId), pushDeviceIds: devices.map((d) => d.id) };
}
