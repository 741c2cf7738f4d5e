import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt, DateOnly, Numeric, NullableNumeric } from './columns';
import type { ImportStatus } from './population';

// Measures, Mon histoire de santé and the profil médical (MEA, HIS, PRF).

export type MeasureSourceColumn = 'PATIENT' | 'SERVICE_TIERS' | 'DOCUMENT_EXTRACTION' | 'PS';

/** MEA-1, MEA-2: one reading; blood pressure keeps systolic in `value`, diastolic in `value2`. */
export interface MeasuresTable {
  id: Generated<string>;
  profile_id: string;
  type: string;
  value: Numeric;
  value2: NullableNumeric;
  unit: string;
  effective_at: Timestamp;
  source: MeasureSourceColumn;
  source_ref: string | null;
  created_by_account: string | null;
  created_at: CreatedAt;
}

/** MEA-7: a target range per profile and measure type (`low2`/`high2`: diastolic). */
export interface MeasureTargetsTable {
  profile_id: string;
  type: string;
  low: NullableNumeric;
  high: NullableNumeric;
  low2: NullableNumeric;
  high2: NullableNumeric;
  updated_at: Timestamp;
  updated_by_account: string | null;
}

/** HIS-2: the episode categories of Mon histoire de santé. */
export type CareCategory = 'DISEASE' | 'BIOLOGY' | 'MEDICINE' | 'MEDICAL_DENTAL_CARE' | 'HOSPITALIZATION' | 'RADIOLOGY' | 'MEDICAL_DEVICE' | 'VACCINE';

export interface CareHistoryImportsTable {
  id: Generated<string>;
  filename: string;
  stored_path: string;
  uploaded_by: string;
  status: Generated<ImportStatus>;
  lines_read: Generated<number>;
  accepted: Generated<number>;
  inserted: Generated<number>;
  already_known: Generated<number>;
  withheld: Generated<number>;
  rejected: Generated<number>;
  error: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface CareHistoryImportRejectionsTable {
  id: Generated<string>;
  import_id: string;
  line_no: number;
  column_name: string;
  reason: string;
}

/** HIS-1, HIS-2: one reimbursed claim line (no amounts); written only by the import. */
export interface CareEpisodesTable {
  id: Generated<string>;
  profile_id: string;
  claim_line_id: string;
  care_date: DateOnly;
  category: CareCategory;
  label: string;
  prescriber_specialty: string | null;
  /** MSG-3(b): the FINESS of the pharmacy that dispensed this line (feed column `finess_dispensateur`, optional). */
  dispenser_finess: ColumnType<string | null, string | null | undefined, string | null>;
  import_id: string | null;
  created_at: CreatedAt;
}

export type MedicalEntryKindColumn = 'ALLERGY' | 'CONDITION' | 'HOSPITALISATION' | 'TREATMENT' | 'VACCINATION' | 'FAMILY_HISTORY'
  | 'DISABILITY' | 'BLOOD_GROUP' | 'LIFESTYLE' | 'CONTACT' | 'ORGAN_DONATION' | 'PROFESSIONAL';

/** PRF-1..5: one entry of the profil médical; `payload` is validated per kind (lib/medical-profile/entry-schemas.ts). */
export interface MedicalEntriesTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  profile_id: string;
  kind: MedicalEntryKindColumn;
  payload: ColumnType<Record<string, unknown>, string, string>;
  unique_key: string | null;
  document_id: string | null;
  source: Generated<'PATIENT' | 'PS'>;
  source_label: string | null;
  professional_id: string | null;
  created_by_account: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** HIS-7: the care episode this entry was copied from (one entry per episode and profile). */
  source_episode_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** PRF-4: the yearly reminder to re-read the directives anticipées, per profile and current DIR_ANT document. */
export interface DirectivesReviewsTable {
  profile_id: string;
  document_id: string;
  next_due_on: DateOnly;
  reminded_at: Timestamp;
}
