import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

// The professional side: authorisations, emergency accesses, registered software (PRO-4, PRO-5, EMG, API).

export type AuthorisationBasis = 'CONSENT' | 'CARE_TEAM';
/** PRO-4: named in « Mes professionnels de santé », a facility caring for the patient, or a member of an authorised PS's structure. */
export type CareTeamGround = 'NAMED' | 'FACILITY' | 'STRUCTURE';

export interface ProfessionalAuthorisationsTable {
  id: Generated<string>;
  profile_id: string;
  professional_id: string;
  basis: AuthorisationBasis;
  care_team_ground: CareTeamGround | null;
  granted_at: Timestamp;
  last_attested_at: Timestamp;
  ended_at: Timestamp | null;
  ended_by: string | null;
}

export type EmergencyMode = 'EMERGENCY' | 'REGULATION';

export interface EmergencyAccessesTable {
  id: Generated<string>;
  profile_id: string;
  professional_id: string;
  mode: EmergencyMode;
  reason_code: string;
  justification: string;
  started_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiClientsTable {
  id: Generated<string>;
  name: string;
  editor: string;
  client_id: string;
  client_secret_hash: string;
  facility_id: string | null;
  facility_name: string | null;
  status: Generated<'ACTIVE' | 'REVOKED'>;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}
