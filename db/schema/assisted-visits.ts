import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

// FS-2..5: assisted visits of France Services advisors, the profiles each covers and what was done.

export type VisitEndReason = 'ENDED' | 'EXPIRED';
export type VisitRelation = 'SELF' | 'REPRESENTED';
export type VisitActionKind = 'NOTIFICATIONS' | 'NEW_CODE' | 'OPPOSITION' | 'ACTIVATION' | 'CONTACT' | 'CLOSURE' | 'DELETION';

/** FS-2: one visit, started from the person's carte Vitale with the person present; 60 minutes at most. */
export interface AssistedVisitsTable {
  id: Generated<string>;
  advisor_id: string;
  site_id: string;
  /** The person present (their own profile). */
  profile_id: string;
  started_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: VisitEndReason | null;
  presence_confirmed: boolean;
}

/** FS-2: the profiles a visit covers: the person's own and those they represent (REP) or that are attached to them. */
export interface AssistedVisitProfilesTable {
  visit_id: string;
  profile_id: string;
  relation: VisitRelation;
}

/** FS-3: what was done during a visit, for its summary (the traces themselves are in access_events, FS-5). */
export interface AssistedVisitActionsTable {
  id: Generated<string>;
  visit_id: string;
  profile_id: string;
  kind: VisitActionKind;
  /** Plain French for the summary (where a code was sent, which channels changed); never a secret. */
  detail: string;
  /** The opposition of an OPPOSITION action (its receipt). */
  reference: string | null;
  at: Timestamp;
}
