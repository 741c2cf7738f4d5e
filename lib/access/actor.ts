/** Who is acting. Built from the session (lib/auth/session.ts) or by the system; never from input. */
export type PatientActor = {
  kind: 'PATIENT';
  accountId: string;
  name: string;
  /** The account holder's own profile, if any (an account may only represent others: CLO-8). */
  ownProfileId: string | null;
  /** Profiles this account represents with an active link (REP-1..5). */
  representedProfileIds: readonly string[];
  /** AID-4: profiles of the people this account helps as an accepted aidant. */
  aidedProfileIds?: readonly string[];
};
export type ProfessionalActor = {
  kind: 'PROFESSIONAL';
  professionalId: string;
  rpps: string;
  name: string;
  professionCode: string;
  professionLabel: string;
  /** PRO-1: the specialty (savoir-faire) code from Pro Santé Connect; PRO-9 rows may name it. */
  specialtyCode?: string | null;
  /** PRO-2: a facility user acts as HEALTHCARE_FACILITY, naming the human user (this actor). */
  facility?: { id: string; name: string } | null;
  /** EMG-3: works in a SAMU regulation centre (may use regulation mode). */
  regulationCentre?: boolean;
};
export type StaffActor = { kind: 'STAFF'; staffId: string; role: 'AGENT' | 'SUPERVISOR'; name: string };
/**
 * FS-2: the assisted visit an advisor acts in, set by lib/france-services/visits/guard.ts from the database
 * (never from input): the person present, the profiles covered, the end, and when the guard looked.
 */
export type AdvisorVisit = {
  id: string; personProfileId: string; profileIds: readonly string[]; expiresAt: Date; endedAt: Date | null; checkedAt: Date;
};
export type AdvisorActor = { kind: 'ADVISOR'; staffId: string; siteId: string; name: string; visit?: AdvisorVisit };
/** A person going through activation, not yet logged in (ACT-1). */
export type EnrolmentActor = { kind: 'ENROLMENT' };
/** A person acting on the public site without an account (web opposition, OPP-3). */
export type PublicPersonActor = { kind: 'PUBLIC' };
export type SystemActor = { kind: 'SYSTEM'; job: string };
/** CAT-8, MEA-8: a connected service calling our API with its client credentials (traced SERVICE_TIERS). */
export type ServiceActor = { kind: 'SERVICE'; serviceId: string; name: string };

export type Actor = PatientActor | ProfessionalActor | StaffActor | AdvisorActor | EnrolmentActor | PublicPersonActor | SystemActor | ServiceActor;

export const SYSTEM: SystemActor = { kind: 'SYSTEM', job: 'system' };
