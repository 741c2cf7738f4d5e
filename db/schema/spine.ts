import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt } from './columns';

// The spine: traces (AUD), the outbox and the demo mailbox.

export interface AccessEventsTable {
  id: Generated<string>;
  chain_key: string;
  profile_id: string | null;
  at: Timestamp;
  actor_type: string;
  actor_id: string;
  actor_label: string;
  actor_role: string | null;
  profession: string | null;
  site_id: string | null;
  on_behalf_of: string | null;
  mode: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'OK' | 'DENIED';
  reason: string | null;
  channel: string;
  prev_hash: string | null;
  hash: string;
}

export type OutboxStatus = 'PENDING' | 'ENQUEUED' | 'DONE' | 'FAILED';

export interface OutboxTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  /** AES-GCM sealed secrets (a code provisoire, an OTP) needed to send; wiped once sent. */
  sealed: string | null;
  status: Generated<OutboxStatus>;
  generation: Generated<number>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  enqueued_at: Timestamp | null;
  done_at: Timestamp | null;
  /** NOT-7 quiet hours: the relay leaves the row PENDING until then (null: at once). */
  not_before: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DemoMailboxTable {
  id: Generated<string>;
  outbox_id: string | null;
  campaign_recipient_id: string | null;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  created_at: CreatedAt;
}
