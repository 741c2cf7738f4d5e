import type { Insertable, Selectable } from 'kysely';
import type { ProfilesTable, AccountsTable, RepresentationsTable, RepresentativeInvitationsTable, ActivationCodesTable, ActivationFailuresTable, EnrolmentsTable, OtpChallengesTable, LoginTicketsTable, FranceServicesSitesTable, StaffUsersTable, ProfessionalsTable, HeirRequestsTable } from './schema/identity';
import type { AccessEventsTable, OutboxTable, DemoMailboxTable } from './schema/spine';
import type { PopulationImportsTable, InsuredPeopleTable, PopulationImportRejectionsTable, OppositionsTable, CampaignsTable, CampaignRecipientsTable, LetterBatchesTable, OpeningFailuresTable } from './schema/population';
import type { DocumentFoldersTable, DocumentsTable, PrivacySettingsTable, MaskAllRunsTable, ProfessionalBlocksTable, DataExportsTable } from './schema/documents';
import type { MeasuresTable, MeasureTargetsTable, CareHistoryImportsTable, CareHistoryImportRejectionsTable, CareEpisodesTable, MedicalEntriesTable, DirectivesReviewsTable } from './schema/health';
import type { NotificationsTable, NotificationReadsTable, NotificationPreferencesTable } from './schema/notifications';
import type { ConnectedServicesTable, ServicePurposesTable, ServiceConsentsTable, ServicePushRequestsTable, MatrixVersionsTable, MatrixRulesTable } from './schema/services';
import type { ProfessionalAuthorisationsTable, EmergencyAccessesTable, ApiClientsTable } from './schema/professional-access';
import type { ProfessionalMessagesTable } from './schema/professional-messages';
import type { PushDevicesTable, NotificationSinkTable } from './schema/notification-channels';
import type { AppointmentsTable, RemindersTable } from './schema/agenda';
import type { ConversationsTable, MessagesTable, MessageAttachmentsTable } from './schema/messaging';

/**
 * The database as Kysely sees it. Table types live by domain under `db/schema/`, each written by hand
 * next to the migration that creates its tables; this file composes them and is what code imports.
 */
export type * from './schema/identity';
export type * from './schema/spine';
export type * from './schema/population';
export type * from './schema/documents';
export type * from './schema/health';
export type * from './schema/notifications';
export type * from './schema/services';
export type * from './schema/professional-access';
export type * from './schema/professional-messages';
export type * from './schema/notification-channels';
export type * from './schema/agenda';
export type * from './schema/messaging';

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
  professional_authorisations: ProfessionalAuthorisationsTable;
  emergency_accesses: EmergencyAccessesTable;
  api_clients: ApiClientsTable;
  professional_messages: ProfessionalMessagesTable;
  push_devices: PushDevicesTable;
  notification_sink: NotificationSinkTable;
  appointments: AppointmentsTable;
  reminders: RemindersTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  message_attachments: MessageAttachmentsTable;
}

export type Profile = Selectable<ProfilesTable>;
export type NewProfile = Insertable<ProfilesTable>;
export type AccessEvent = Selectable<AccessEventsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type Professional = Selectable<ProfessionalsTable>;
