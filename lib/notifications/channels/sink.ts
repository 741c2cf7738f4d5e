import type { PushProvider, SendContext, SmsProvider } from './provider';

/**
 * The development provider of both channels: nothing leaves the machine, what would have been sent is
 * kept in `notification_sink` (back-office « SMS et notifications push (démonstration) »). Keyed by the
 * outbox row: a retried job finds its row and returns the same provider id.
 */
async function keep(channel: 'SMS' | 'PUSH', recipient: string, text: string, ctx: SendContext): Promise<{ providerId: string }> {
  const outboxId = ctx.idempotencyKey.replace(/^outbox-/, '');
  const providerId = `sink-${channel.toLowerCase()}-${outboxId}`;
  await ctx.db.insertInto('notification_sink')
    .values({ outbox_id: outboxId, channel, provider_id: providerId, recipient, text, created_at: new Date() })
    .onConflict((oc) => oc.column('outbox_id').doNothing()).execute();
  return { providerId };
}

export const sinkSmsProvider: SmsProvider = { name: 'sink', send: (to, text, ctx) => keep('SMS', to, text, ctx) };
export const sinkPushProvider: PushProvider = { name: 'sink', send: (token, text, ctx) => keep('PUSH', token, text, ctx) };
