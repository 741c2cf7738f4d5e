import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns';

// The SMS and push channels of notifications (NOT-1, NOT-7); `accounts.mobile` and `outbox.not_before`
// are declared on their tables.

/** A device token an account registered for push notifications. */
export interface PushDevicesTable {
  id: Generated<string>;
  account_id: string;
  token: string;
  label: string | null;
  created_at: CreatedAt;
}

/** What the development provider would have sent (SMS to a mobile, push to a device token), one row per outbox row. */
export interface NotificationSinkTable {
  id: Generated<string>;
  outbox_id: string;
  channel: 'SMS' | 'PUSH';
  provider_id: string;
  recipient: string;
  text: string;
  created_at: Timestamp;
}
