import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

// PRV-9: the email teaser and the push of prevention campaigns (migration 202611292100_prevention_delivery).

export type PreventionEmailStatus = 'QUEUED' | 'PREPARED' | 'SENDING' | 'SENT' | 'FAILED' | 'SKIPPED';
export type PreventionPushStatus = 'QUEUED' | 'PREPARED' | 'SENT' | 'FAILED' | 'SKIPPED';

/** One teaser email per campaign and recipient account (NOT-7), with the lib/campaigns lease states. */
export interface PreventionEmailsTable {
  id: Generated<string>;
  campaign_id: string;
  account_id: string;
  profile_id: string;
  /** The account is the profile's holder (else a representative: the email names the profile's first name). */
  holder: boolean;
  /** The account's address when the row was claimed. */
  to_email: string | null;
  status: Generated<PreventionEmailStatus>;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
  /** Presumed sent after a crash between the final dot and the server's answer. */
  uncertain: Generated<boolean>;
}

/** One push per campaign and device; `outbox_id` is its stable idempotency key (`outbox-<id>`). */
export interface PreventionPushesTable {
  id: Generated<string>;
  campaign_id: string;
  device_id: string | null;
  account_id: string;
  profile_id: string;
  holder: boolean;
  status: Generated<PreventionPushStatus>;
  outbox_id: string | null;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
}
