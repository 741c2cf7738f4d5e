import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt, DateOnly } from './columns';

// Population import, oppositions and creation campaigns (BO-1, OPP, CMP).

export type ImportStatus = 'RECEIVED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface PopulationImportsTable {
  id: Generated<string>;
  filename: string;
  stored_path: string;
  uploaded_by: string;
  status: Generated<ImportStatus>;
  lines_read: Generated<number>;
  accepted: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  error: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface InsuredPeopleTable {
  nir: string;
  vitale_serial: string;
  birth_name: string;
  first_names: string;
  birth_date: DateOnly;
  sex: number;
  birth_place: string;
  departement: string;
  email: string | null;
  mobile: string | null;
  postal_address: string | null;
  parent_nir: string | null;
  ase: boolean;
  has_dmp: boolean;
  row_hash: string;
  profile_purged_at: Generated<Date | null>;
  last_import_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PopulationImportRejectionsTable {
  id: Generated<string>;
  import_id: string;
  line_no: number;
  column_name: string;
  reason: string;
}

export type OppositionChannel = 'WEB' | 'PHONE' | 'LETTER' | 'EMAIL' | 'FRANCE_SERVICES';

export interface OppositionsTable {
  id: Generated<string>;
  receipt_number: string;
  profile_id: string;
  channel: OppositionChannel;
  received_at: Timestamp;
  postmark_date: DateOnly | null;
  recorded_by: string | null;
  withdrawn_at: Timestamp | null;
}

export type CampaignStatus = 'DRAFT' | 'SCHEDULED' | 'RUNNING' | 'PAUSED' | 'DONE' | 'CANCELLED';

export interface CampaignsTable {
  id: Generated<string>;
  name: string;
  departements: ColumnType<string[], string[] | undefined, string[]>;
  births_since: DateOnly | null;
  status: Generated<CampaignStatus>;
  scheduled_at: Timestamp | null;
  generation: Generated<number>;
  selected: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export type RecipientStatus =
  | 'QUEUED' | 'PREPARED' | 'SENDING' | 'SENT' | 'FAILED'
  | 'LETTER_QUEUED' | 'LETTER_READY' | 'LETTER_POSTED' | 'SKIPPED' | 'CANCELLED';

export interface CampaignRecipientsTable {
  id: Generated<string>;
  campaign_id: string;
  nir: string;
  kind: 'ADULT' | 'CHILD';
  departement: string;
  to_email: string | null;
  channel: 'EMAIL' | 'LETTER';
  status: Generated<RecipientStatus>;
  profile_id: string | null;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  bounced_at: Timestamp | null;
  sent_at: Timestamp | null;
  uncertain: Generated<boolean>;
  letter_batch_id: string | null;
  selected_at: CreatedAt;
}

export interface LetterBatchesTable {
  id: Generated<string>;
  campaign_id: string;
  seq: number;
  letters: number;
  status: Generated<'READY' | 'POSTED'>;
  stored_path: string | null;
  created_at: CreatedAt;
  posted_on: DateOnly | null;
  posted_by: string | null;
}

export interface OpeningFailuresTable {
  id: Generated<string>;
  nir: string;
  campaign_id: string | null;
  reason: 'DUPLICATE_IDENTITY';
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution: string | null;
}
