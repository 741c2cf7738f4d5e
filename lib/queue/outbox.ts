import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { seal } from '@/lib/auth/secrets';
import type { EmailMessage } from '@/emails';

/**
 * The outbox (DESIGN.md "Outbox, then queue"): a use case records follow-up work in its own
 * transaction; the relay (lib/queue/relay.ts) hands it to BullMQ after commit.
 */
export type OutboxItem =
  | { kind: 'email'; message: EmailMessage; secrets?: Record<string, string> }
  | { kind: 'population-import'; importId: string }
  | { kind: 'care-history-import'; importId: string }
  | { kind: 'campaign-dispatch'; campaignId: string }
  | { kind: 'sms'; to: string; text: string; secrets?: Record<string, string> }
  | { kind: 'mask-all'; runId: string }
  | { kind: 'data-export'; exportId: string }
  | { kind: 'measure-extraction'; documentId: string }
  // NOT-1, NOT-7: notification SMS (to the account's mobile at sending time, not before `notBefore`) and push.
  | { kind: 'notification-sms'; accountId: string; text: string; notBefore?: Date | null }
  | { kind: 'notification-push'; deviceId: string; text: string };

export async function enqueue(trx: Transaction<DB> | Kysely<DB>, item: OutboxItem): Promise<string> {
  const payload = item.kind === 'email' ? item.message
    : item.kind === 'sms' ? { to: item.to, text: item.text }
      : item.kind === 'population-import' || item.kind === 'care-history-import' ? { importId: item.importId }
        : item.kind === 'mask-all' ? { runId: item.runId }
          : item.kind === 'data-export' ? { exportId: item.exportId }
            : item.kind === 'measure-extraction' ? { documentId: item.documentId }
              : item.kind === 'notification-sms' ? { accountId: item.accountId, text: item.text }
                : item.kind === 'notification-push' ? { deviceId: item.deviceId, text: item.text } : { campaignId: item.campaignId };
  const secrets = item.kind === 'email' || item.kind === 'sms' ? item.secrets : undefined;
  const row = await trx.insertInto('outbox')
    .values({ kind: item.kind, payload: JSON.stringify(payload), sealed: secrets ? seal(JSON.stringify(secrets)) : null,
      ...(item.kind === 'notification-sms' && item.notBefore ? { not_before: item.notBefore } : {}) })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Which BullMQ queue carries each outbox kind. */
export const QUEUE_OF_KIND: Record<OutboxItem['kind'], string> = {
  // SMS ride the notification queue with emails (same retries, same failed-jobs page).
  email: 'emails', sms: 'emails', 'population-import': 'imports', 'care-history-import': 'imports', 'campaign-dispatch': 'campaigns', 'mask-all': 'documents', 'data-export': 'documents',
  'measure-extraction': 'documents', 'notification-sms': 'notifications', 'notification-push': 'notifications',
};

/** BullMQ refuses integer-looking custom ids, hence the `outbox-` prefix. */
export function jobIdOf(outboxId: string, generation: number): string {
  return generation === 0 ? `outbox-${outboxId}` : `outbox-${outboxId}-r${generation}`;
}
