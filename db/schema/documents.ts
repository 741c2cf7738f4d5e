import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt, DateOnly } from './columns';

// Documents, confidentiality, blocks and data exports (DOC, VIS, PRO-7, CLO-12).

export type DocumentAuthorType = 'PATIENT' | 'HEALTHCARE_PROFESSIONAL' | 'HEALTHCARE_FACILITY' | 'CNAM' | 'MES' | 'SERVICE_TIERS';

export type DocumentStatus = 'ACTIVE' | 'DELETED' | 'OBSOLETE';

export type MaskOrigin = 'INDIVIDUAL' | 'BULK' | 'AT_DEPOSIT';

export interface DocumentFoldersTable {
  id: Generated<string>;
  profile_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface DocumentsTable {
  id: Generated<string>;
  profile_id: string;
  unique_id: string;
  title: string;
  category: string;
  type_code: string | null;
  document_date: DateOnly | null;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  sha1: string;
  blob_key: string | null;
  wrapped_key: string | null;
  author_type: DocumentAuthorType;
  author_id: string;
  author_label: string;
  author_professional_id: string | null;
  status: Generated<DocumentStatus>;
  replaces_id: string | null;
  masque_ps: Generated<boolean>;
  mask_origin: MaskOrigin | null;
  invisible_patient: Generated<boolean>;
  invisible_representants_legaux: Generated<boolean>;
  pinned: Generated<boolean>;
  folder_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by_label: string | null;
  erased_at: Timestamp | null;
}

export interface PrivacySettingsTable {
  profile_id: string;
  mask_all: Generated<boolean>;
  emergency_regulation: Generated<boolean>;
  emergency_other: Generated<boolean>;
  emergency_masked_visible: Generated<boolean>;
  administrateur_id: Generated<string | null>;
  /** MEA-4: « Récupération automatique des données des documents », on by default. */
  measure_extraction: Generated<boolean>;
  updated_at: Timestamp;
}

export interface MaskAllRunsTable {
  id: Generated<string>;
  profile_id: string;
  mask: boolean;
  status: Generated<'PENDING' | 'DONE' | 'FAILED' | 'SUPERSEDED'>;
  changed: Generated<number>;
  failed: Generated<number>;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface ProfessionalBlocksTable {
  id: Generated<string>;
  profile_id: string;
  professional_id: string;
  blocked_at: Timestamp;
  blocked_by: string;
  unblocked_at: Timestamp | null;
}

export interface DataExportsTable {
  id: Generated<string>;
  profile_id: string;
  account_id: string;
  status: Generated<'PENDING' | 'READY' | 'FAILED'>;
  blob_key: string | null;
  wrapped_key: string | null;
  size_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  error: string | null;
  requested_at: Timestamp;
  ready_at: Timestamp | null;
  expires_at: Timestamp | null;
}
