import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';

/**
 * NOT-1, NOT-7: what a notification channel provider is. A real operator's adapter is ONE file in this
 * folder implementing `SmsProvider` (or `PushProvider`), registered in `./index.ts` under a name and
 * selected by `SMS_PROVIDER` (or `PUSH_PROVIDER`); nothing else changes.
 *
 * `ctx.idempotencyKey` is stable per outbox row (`outbox-<id>`): an adapter passes it to its operator
 * (HTTP idempotency key or message reference) so a retried job is never delivered twice. `ctx.db` is the
 * worker's transaction, in which the outbox row is locked and will be marked DONE: only the development
 * sink writes to it; a real adapter ignores it.
 */
export type SendContext = { idempotencyKey: string; db: Transaction<DB> | Kysely<DB> };

export interface SmsProvider {
  readonly name: string;
  /** `to`: a French mobile, +33 6/7…; `text`: plain text, never medical (NOT-7). */
  send(to: string, text: string, ctx: SendContext): Promise<{ providerId: string }>;
}

export interface PushProvider {
  readonly name: string;
  /** `deviceToken`: as the device registered it (push_devices.token); `text`: the same text as the SMS. */
  send(deviceToken: string, text: string, ctx: SendContext): Promise<{ providerId: string }>;
}
