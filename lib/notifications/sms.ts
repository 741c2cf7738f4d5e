import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { config } from '@/lib/config';

/**
 * CMP-8: codes by SMS to the mobile the fund holds. With SMS_URL set, each message is POSTed as JSON
 * `{ to, text }` to the operator's gateway (bearer token from the URL's password, if any); without it,
 * it is kept in the demo mailbox next to the emails, so the demo needs no operator.
 */
export type SmsSender = { send(trx: Transaction<DB> | Kysely<DB>, outboxId: string, to: string, text: string): Promise<void> };

export function createSmsSender(smsUrl = config().SMS_URL): SmsSender {
  if (!smsUrl) {
    return {
      async send(trx, outboxId, to, text) {
        await trx.insertInto('demo_mailbox').values({ outbox_id: outboxId, campaign_recipient_id: null, to_address: to, subject: 'SMS', html: '', text })
          .onConflict((oc) => oc.column('outbox_id').doNothing()).execute();
      },
    };
  }
  const url = new URL(smsUrl);
  const token = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return {
    async send(_trx, outboxId, to, text) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `outbox-${outboxId}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`passerelle SMS : HTTP ${response.status}`);
    },
  };
}

/** The last two digits only, for screens (ID-10 spirit: no full contact details shown). */
export const maskMobile = (mobile: string) => `•• •• •• •• ${mobile.slice(-2)}`;
