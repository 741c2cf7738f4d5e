import type { AidantLinkStatus, AidantRevokedBy } from '@/db/schema';
import { bornOnOrBeforeForMajority } from '@/lib/representatives/rules';

/**
 * AID-1..3, AID-6 as pure rules (no I/O): who may be an aidant or an aidé, the limits, the 30-day expiry
 * and the status transitions. The use cases (lib/aidants/*) apply them under a lock and trace them.
 */

/** AID-2: at most 3 aidants per aidé, PENDING invitations included. */
export const MAX_AIDANTS_PER_AIDE = 3;
/** AID-2: at most 5 aidés per aidant (PENDING invitations included, so that an acceptance never breaks it). */
export const MAX_AIDES_PER_AIDANT = 5;
/** AID-3: an invitation waits 30 days for its answer. */
export const AIDANT_INVITATION_DAYS = 30;

export function aidantInvitationExpiresAt(invitedAt: Date): Date {
  return new Date(invitedAt.getTime() + AIDANT_INVITATION_DAYS * 24 * 3600_000);
}

/** AID-1: adult on the Paris day `today` ('YYYY-MM-DD'), born on 29 February included (REP-8's rule). */
export function isAdult(birthDate: string, today: string): boolean {
  return birthDate <= bornOnOrBeforeForMajority(today);
}

/** AID-3: a PENDING invitation past its 30 days is EXPIRED, whether or not the daily job has run. */
export function effectiveAidantStatus(link: { status: AidantLinkStatus; expires_at: Date }, now: Date): AidantLinkStatus {
  return link.status === 'PENDING' && link.expires_at.getTime() <= now.getTime() ? 'EXPIRED' : link.status;
}

/** AID-2: whether one more link (invitation) fits both sides' limits; `null` when it does. */
export function aidantLimitBroken(openForAide: number, openForAidant: number): 'aide-full' | 'aidant-full' | null {
  if (openForAide >= MAX_AIDANTS_PER_AIDE) return 'aide-full';
  if (openForAidant >= MAX_AIDES_PER_AIDANT) return 'aidant-full';
  return null;
}

export type AidantTransition = 'ACCEPT' | 'REFUSE' | 'EXPIRE' | 'REVOKE';

/**
 * AID-3, AID-6: the allowed moves. An invitation is answered (accepted or refused), expires, or is withdrawn
 * (REVOKE by the aidé, or by the system at closure); a delegation is only revoked. Anything else: null.
 */
export function nextAidantStatus(from: AidantLinkStatus, move: AidantTransition): AidantLinkStatus | null {
  switch (from) {
    case 'PENDING':
      return { ACCEPT: 'ACCEPTED', REFUSE: 'REFUSED', EXPIRE: 'EXPIRED', REVOKE: 'REVOKED' }[move] as AidantLinkStatus;
    case 'ACCEPTED':
      return move === 'REVOKE' ? 'REVOKED' : null;
    default:
      return null; // REFUSED, EXPIRED, REVOKED are final
  }
}

/** AID-6: who may end a link: the aidé (invitation or delegation), the aidant (a delegation; an invitation is refused). */
export function mayRevoke(side: Exclude<AidantRevokedBy, 'SYSTEM'>, status: AidantLinkStatus): boolean {
  if (status === 'ACCEPTED') return true;
  return status === 'PENDING' && side === 'AIDE';
}
