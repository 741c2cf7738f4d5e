import type { ColumnType, Generated } from 'kysely';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import type { Timestamp, CreatedAt, DateOnly } from './columns';

// Profiles, accounts, sign-in, staff and professionals (ID, ACC, ACT, REP, CLO-11).

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
  /** PRO-3, EMG-6: the médecin traitant declared to the fund. */
  declared_gp_id: Generated<string | null>;
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
  /** NOT-7: the account's own French mobile (+33 6/7…), for SMS notifications; optional. */
  mobile: ColumnType<string | null, string | null | undefined, string | null>;
  /** « Mes coordonnées »: the last password change; sessions opened before it are refused. */
  password_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
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

/** CONTACT_*: a new email or mobile confirmed by a code sent to it (« Mes coordonnées », FS-3). */
export type OtpPurpose = 'ENROLMENT_EMAIL' | 'PATIENT_LOGIN' | 'STAFF_LOGIN' | 'DATA_EXPORT' | 'CONTACT_EMAIL' | 'CONTACT_MOBILE' | 'PASSWORD_RESET';

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
  /** FS-1: set when created or edited in the back-office (null for the seeded site). */
  created_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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
  /** FS-1: the staff member who created this account from the back-office (null: seeded). */
  created_by: Generated<string | null>;
  /** FS-1: when the password was chosen; null while invited or after a reset (no login, no session). */
  password_set_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_login_at: Generated<Date | null>;
  /** FS-1: a deactivated account can neither log in nor keep a session. */
  deactivated_at: Generated<Date | null>;
  deactivated_by: Generated<string | null>;
}

/** FS-1: single-use « choisir votre mot de passe » links for staff accounts (advisors), stored as keyed hashes. */
export interface StaffPasswordTokensTable {
  id: Generated<string>;
  staff_id: string;
  token_hash: string;
  purpose: 'INVITE' | 'RESET';
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  voided_at: Timestamp | null;
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
  /** PRO-1: the specialty (savoir-faire) from Pro Santé Connect, when there is one. */
  specialty_code: Generated<string | null>;
  specialty_label: Generated<string | null>;
  /** PRO-2: the facility this user acts for (HEALTHCARE_FACILITY), when their activity is in one. */
  facility_id: Generated<string | null>;
  facility_name: Generated<string | null>;
  /** EMG-3: works in a SAMU regulation centre. */
  regulation_centre: Generated<boolean>;
  /** MSG-11: no longer practising since (set by the back-office); null: practising. */
  inactive_since: Generated<Date | null>;
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
