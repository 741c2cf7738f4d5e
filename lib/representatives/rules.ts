import type { InvitationStatus } from '@/db/schema';

/** REP-5: at most two representatives at once; open invitations count. */
export const MAX_REPRESENTATIVES = 2;
/** REP-3: an invitation waits 30 days for its answer. */
export const INVITATION_DAYS = 30;
export const MAJORITY_AGE = 18;

export function invitationExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_DAYS * 24 * 3600_000);
}

/** REP-3: a PENDING invitation past its 30 days is EXPIRED, whether or not the daily job has run. */
export function effectiveInvitationStatus(inv: { status: InvitationStatus; expires_at: Date }, now: Date): InvitationStatus {
  return inv.status === 'PENDING' && inv.expires_at.getTime() <= now.getTime() ? 'EXPIRED' : inv.status;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** REP-8: the Paris day someone turns 18; born on 29 February → 1 March in a non-leap year. */
export function majorityDay(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + MAJORITY_AGE;
  if (m === 2 && d === 29 && !isLeap(year)) return `${year}-03-01`;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The latest birth date that is of age on `day` (for SQL: birth_date <= this ⇔ majority reached). */
export function bornOnOrBeforeForMajority(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - MAJORITY_AGE;
  // On 1 March of a non-leap year, those born on 29 February 18 years earlier come of age too.
  if (m === 3 && d === 1 && !isLeap(y) && isLeap(year)) return `${year}-02-29`;
  // On a 29 February, 18 years earlier had none: those born on the 28th are of age, nobody later.
  if (m === 2 && d === 29 && !isLeap(year)) return `${year}-02-28`;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function canAddRepresentative(activeRepresentatives: number, openInvitations: number): boolean {
  return activeRepresentatives + openInvitations < MAX_REPRESENTATIVES;
}
