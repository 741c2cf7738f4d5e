import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns';

// Prevention campaigns (PRV-6..9), their messages and the PRV-8 opt-out.

export type PreventionCampaignStatus = 'DRAFT' | 'SCHEDULED' | 'RUNNING' | 'PAUSED' | 'DONE' | 'CANCELLED';

export interface PreventionCampaignsTable {
  id: Generated<string>;
  name: string;
  /** Title of the message as the patient sees it (≤ 100 characters). */
  title: string;
  body: string;
  /** PRV-9: the email's teaser, without any health detail. */
  teaser: string;
  /** Targeting rules, validated by lib/prevention-campaigns/rules.ts. */
  rules: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<PreventionCampaignStatus>;
  scheduled_at: Timestamp | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  created_by: string;
  created_at: CreatedAt;
  /** The last profile id handled by the run (keyset). */
  cursor: string | null;
  /** The target count at start (the preview's SQL). */
  targeted: number | null;
  /** In-app messages created. */
  delivered: Generated<number>;
  /** Email teasers queued (one per recipient account); the counters below: migration 202611292100_prevention_delivery. */
  emails: Generated<number>;
  /** When the in-app delivery (keyset run over the targets) finished; DONE once emails and pushes are out too. */
  targets_done_at: Timestamp | null;
  emails_sent: Generated<number>;
  emails_failed: Generated<number>;
  emails_skipped: Generated<number>;
  /** Push notifications queued (one per device of a recipient account). */
  pushes: Generated<number>;
  pushes_sent: Generated<number>;
  pushes_failed: Generated<number>;
  pushes_skipped: Generated<number>;
  /** The fan-out pass (messagerie, email and push rows) over the enqueued messages: migration 202611292140. */
  fanout_cursor: string | null;
  fanout_done_at: Timestamp | null;
}

/** One prevention message for one profile; `criteria` holds the matched facts for « Pourquoi ce message ? » (PRV-7). */
export interface PreventionMessagesTable {
  id: Generated<string>;
  campaign_id: string;
  profile_id: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  criteria: ColumnType<Record<string, unknown>, string, string>;
}

/** PRV-8: present while the profile is opted out. */
export interface PreventionOptOutsTable {
  profile_id: string;
  at: Timestamp;
  by_account: string | null;
}
