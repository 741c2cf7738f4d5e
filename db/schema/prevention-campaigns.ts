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
  delivered: Generated<number>;
  emails: Generated<number>;
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
