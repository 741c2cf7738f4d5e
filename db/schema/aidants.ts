import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

/** AID-3, AID-6: the life of an aidant link (PENDING → ACCEPTED | REFUSED | EXPIRED; ACCEPTED → REVOKED). */
export type AidantLinkStatus = 'PENDING' | 'ACCEPTED' | 'REFUSED' | 'EXPIRED' | 'REVOKED';
/** AID-6: who ended a link — the aidé, the aidant, or the system (closure of the aidé's profile). */
export type AidantRevokedBy = 'AIDE' | 'AIDANT' | 'SYSTEM';

/** AID-1..6: one invitation of an aidant by an aidé, and the delegation it becomes once accepted. */
export interface AidantLinksTable {
  id: Generated<string>;
  aided_profile_id: string;
  /** The invited account, matched at invitation by NIR + date of birth (AID-1: an activated adult). */
  aidant_account_id: string;
  invited_by_account_id: string;
  status: Generated<AidantLinkStatus>;
  invited_at: Timestamp;
  expires_at: Timestamp;
  responded_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: AidantRevokedBy | null;
  /** AID-5: the current version of the « Justificatif d’accès aidant » filed in the aidé's documents. */
  justificatif_document_id: string | null;
}
