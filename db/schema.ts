import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import type { NotificationChannel, NotificationData, NotificationKind, SwitchableKind } from '@/lib/notifications/kinds';
import type { ServiceStatus } from '@/lib/services/status';

/** Table types, written by hand next to the migrations that create them. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings (see db/client.ts type parser). */
type DateOnly = ColumnType<string, string, string>;

export type ClosureReason = 'HOLDER' | 'OPPOSITION' | 'SUPPORT' | 'SUSPENSION' | 'DECEASED' | 'MERGED';

export interface ProfilesTable {
  id: Generated<string>;
  nir: string;
  vitale_serial: string;
  birth_name: string;
  first_names: string;
  birth_date: DateOnly;
  sex: number;
  birth_place: string | null;
  email: string | null;
  kind: 'ADULT' | 'CHILD';
  state: ProfileState;
  previous_state: ProfileState | null;
  state_changed_at: Timestamp;
  notice_sent_at: Timestamp | null;
  opposition_deadline: DateOnly | null;
  activation_streak: Generated<number>;
  activation_last_failure_at: Timestamp | null;
  legacy_dmp_attached_at: Generated<Date | null>;
  handed_over_at: Generated<Date | null>;
  closed_at: Generated<Date | null>;
  closure_reason: Generated<ClosureReason | null>;
  deletion_requested_at: Generated<Date | null>;
  purge_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  suspended_at: Generated<Date | null>;
  suspension_reason: Generated<string | null>;
  suspension_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  suspension_objected_at: Generated<Date | null>;
  purged_at: Generated<Date | null>;
  merged_into: Generated<string | null>;
  /** HIS-4: the latest activation or re-opening instant (null until the holder activates). */
  activated_at: Generated<Date | null>;
  created_at: CreatedAt;
}

export interface AccountsTable {
  id: Generated<string>;
  profile_id: string | null;
  identifiant: string;
  password_hash: string;
  email: string;
  email_verified_at: Timestamp | null;
  password_failures: Generated<number>;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
  last_login_at: Timestamp | null;
}

export interface RepresentationsTable {
  id: Generated<string>;
  account_id: string;
  profile_id: string;
  role: 'PARENT_PRINCIPAL' | 'SECOND_PARENT' | 'GUARDIAN';
  granted_at: Timestamp;
  revoked_at: Timestamp | null;
  granted_by: string | null;
  revoked_reason: 'COURT' | 'MAJORITY' | null;
  revoked_by: string | null;
}

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REFUSED' | 'EXPIRED';

export interface RepresentativeInvitationsTable {
  id: Generated<string>;
  profile_id: string;
  inviter_account_id: string;
  invitee_account_id: string;
  status: Generated<InvitationStatus>;
  created_at: Timestamp;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
}

export interface ActivationCodesTable {
  id: Generated<string>;
  profile_id: string;
  code_hash: string;
  issued_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  invalidated_at: Timestamp | null;
}

export interface ActivationFailuresTable {
  id: Generated<string>;
  profile_id: string;
  at: Timestamp;
}

export interface EnrolmentsTable {
  id: Generated<string>;
  profile_id: string;
  code_id: string;
  identifiant: string | null;
  password_hash: string | null;
  email: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export type OtpPurpose = 'ENROLMENT_EMAIL' | 'PATIENT_LOGIN' | 'STAFF_LOGIN' | 'DATA_EXPORT';

export interface OtpChallengesTable {
  id: Generated<string>;
  purpose: OtpPurpose;
  subject_id: string;
  destination: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  wrong_count: Generated<number>;
  used_at: Timestamp | null;
  voided_at: Timestamp | null;
}

export type Audience = 'patient' | 'pro' | 'staff' | 'advisor';

export interface LoginTicketsTable {
  id: Generated<string>;
  token_hash: string;
  audience: Audience;
  subject_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface FranceServicesSitesTable {
  id: Generated<string>;
  name: string;
  commune: string;
  departement: string;
}

export type StaffKind = 'AGENT' | 'SUPERVISOR' | 'ADVISOR';

export interface StaffUsersTable {
  id: Generated<string>;
  kind: StaffKind;
  identifiant: string;
  password_hash: string;
  email: string;
  display_name: string;
  site_id: string | null;
  password_failures: Generated<number>;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
}

export interface ProfessionalsTable {
  id: Generated<string>;
  rpps: string;
  given_name: string;
  family_name: string;
  profession_code: string;
  profession_label: string;
  email: string | null;
  last_login_at: Timestamp | null;
  city: Generated<string | null>;
}

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

export interface HeirRequestsTable {
  id: Generated<string>;
  profile_id: string;
  requester_name: string;
  relation: 'HEIR' | 'COHABITANT' | 'PACS_PARTNER';
  proof: string;
  status: Generated<'REQUESTED' | 'APPROVED' | 'REFUSED'>;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

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

/** MEA-2: numeric columns are read as strings (pg `numeric`): lib/measures converts them. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null, number | string | null>;
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
  import_id: string | null;
  created_at: CreatedAt;
}

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

/** CAT-1, CAT-2: a State-referenced service; its secret is stored as an argon2 hash. */
export interface ConnectedServicesTable {
  id: Generated<string>;
  name: string;
  description: string;
  status: Generated<ServiceStatus>;
  client_id: string;
  client_secret_hash: string;
  created_at: CreatedAt;
}

/** CAT-3: one purpose (finalité) of a service, mandatory or optional. */
export interface ServicePurposesTable {
  service_id: string;
  code: string;
  label: string;
  mandatory: boolean;
  position: Generated<number>;
}

/** CAT-3, CAT-5: a profile's consent to one purpose of a service; live while `revoked_at` is null. */
export interface ServiceConsentsTable {
  id: Generated<string>;
  profile_id: string;
  service_id: string;
  purpose: string;
  granted_at: Timestamp;
  granted_by_account: string | null;
  revoked_at: Timestamp | null;
}

/** MEA-8: a service call answered once per Idempotency-Key. */
export interface ServicePushRequestsTable {
  service_id: string;
  idempotency_key: string;
  profile_id: string;
  request_hash: string;
  stored: number;
  created_at: Timestamp;
}

/** PRO-9, BO-7: one version of the matrice d'habilitation; append-only (a trigger refuses changes). */
export interface MatrixVersionsTable {
  id: Generated<string>;
  number: number;
  effective_from: Timestamp;
  note: string;
  /** The supervisor who published it; null for the seeded default. */
  created_by: string | null;
  created_at: CreatedAt;
}

/** PRO-9: one row of a version: (profession, specialty?, type code | category) → ALLOW | DENY. */
export interface MatrixRulesTable {
  version_id: string;
  profession_code: string;
  specialty: string | null;
  target_kind: 'TYPE' | 'CATEGORY';
  target_code: string;
  decision: 'ALLOW' | 'DENY';
}

export interface DB {
  profiles: ProfilesTable;
  accounts: AccountsTable;
  representations: RepresentationsTable;
  activation_codes: ActivationCodesTable;
  activation_failures: ActivationFailuresTable;
  enrolments: EnrolmentsTable;
  otp_challenges: OtpChallengesTable;
  login_tickets: LoginTicketsTable;
  france_services_sites: FranceServicesSitesTable;
  staff_users: StaffUsersTable;
  professionals: ProfessionalsTable;
  access_events: AccessEventsTable;
  outbox: OutboxTable;
  demo_mailbox: DemoMailboxTable;
  population_imports: PopulationImportsTable;
  insured_people: InsuredPeopleTable;
  population_import_rejections: PopulationImportRejectionsTable;
  oppositions: OppositionsTable;
  campaigns: CampaignsTable;
  campaign_recipients: CampaignRecipientsTable;
  letter_batches: LetterBatchesTable;
  representative_invitations: RepresentativeInvitationsTable;
  opening_failures: OpeningFailuresTable;
  heir_requests: HeirRequestsTable;
  document_folders: DocumentFoldersTable;
  documents: DocumentsTable;
  privacy_settings: PrivacySettingsTable;
  mask_all_runs: MaskAllRunsTable;
  professional_blocks: ProfessionalBlocksTable;
  data_exports: DataExportsTable;
  measures: MeasuresTable;
  measure_targets: MeasureTargetsTable;
  care_history_imports: CareHistoryImportsTable;
  care_history_import_rejections: CareHistoryImportRejectionsTable;
  care_episodes: CareEpisodesTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  notification_preferences: NotificationPreferencesTable;
  medical_entries: MedicalEntriesTable;
  directives_reviews: DirectivesReviewsTable;
  connected_services: ConnectedServicesTable;
  service_purposes: ServicePurposesTable;
  service_consents: ServiceConsentsTable;
  service_push_requests: ServicePushRequestsTable;
  matrix_versions: MatrixVersionsTable;
  matrix_rules: MatrixRulesTable;
}

export type Profile = Selectable<ProfilesTable>;
export type NewProfile = Insertable<ProfilesTable>;
export type AccessEvent = Selectable<AccessEventsTable>;
export type OutboxRow = Selectable<OutboxTable>;
