import type { ColumnType, Generated } from 'kysely';
import type { NotificationChannel, NotificationData, NotificationKind, SwitchableKind } from '@/lib/notifications/kinds';
import type { Timestamp } from './columns';

// The notification centre and email preferences (NOT).

/** NOT-6: one in-app notification of a profile, shared by its accounts; `deleted_at` hides it for all. */
export interface NotificationsTable {
  id: Generated<string>;
  profile_id: string;
  kind: NotificationKind;
  data: ColumnType<NotificationData, string, string>;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

/** NOT-6: read state, per account. */
export interface NotificationReadsTable {
  account_id: string;
  notification_id: string;
  read_at: Timestamp;
}

/** NOT-1: an account's switch for one kind on one channel; no row = on. */
export interface NotificationPreferencesTable {
  account_id: string;
  kind: SwitchableKind;
  channel: NotificationChannel;
  enabled: boolean;
  updated_at: Timestamp;
}
