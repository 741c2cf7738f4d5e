import { describe, expect, test } from 'vitest';
import {
  MAX_AIDANTS_PER_AIDE, MAX_AIDES_PER_AIDANT, aidantInvitationExpiresAt, aidantLimitBroken, effectiveAidantStatus, isAdult, mayRevoke, nextAidantStatus,
} from '@/lib/aidants/rules';

describe('AID-1: adults only, on both sides', () => {
  test('AID-1: 18 on the day counts as adult; the day before does not', () => {
    expect(isAdult('2008-12-01', '2026-12-01')).toBe(true);
    expect(isAdult('2008-12-02', '2026-12-01')).toBe(false);
    expect(isAdult('1950-01-01', '2026-12-01')).toBe(true);
  });
  test('AID-1: born on 29 February comes of age on 1 March of a non-leap year', () => {
    expect(isAdult('2008-02-29', '2026-02-28')).toBe(false);
    expect(isAdult('2008-02-29', '2026-03-01')).toBe(true);
  });
});

describe('AID-2: at most 3 aidants per aidé and 5 aidés per aidant', () => {
  test('AID-2: the fourth link of an aidé is refused (pending invitations counted by the caller)', () => {
    expect(MAX_AIDANTS_PER_AIDE).toBe(3);
    expect(aidantLimitBroken(2, 0)).toBeNull();
    expect(aidantLimitBroken(3, 0)).toBe('aide-full');
  });
  test('AID-2: the sixth aidé of an aidant is refused', () => {
    expect(MAX_AIDES_PER_AIDANT).toBe(5);
    expect(aidantLimitBroken(0, 4)).toBeNull();
    expect(aidantLimitBroken(0, 5)).toBe('aidant-full');
  });
});

describe('AID-3: invitations expire after 30 days', () => {
  const at = new Date('2026-12-01T09:00:00Z');
  test('AID-3: expires exactly 30 days later; a PENDING one past that reads EXPIRED without the job', () => {
    const expires = aidantInvitationExpiresAt(at);
    expect(expires.toISOString()).toBe('2026-12-31T09:00:00.000Z');
    expect(effectiveAidantStatus({ status: 'PENDING', expires_at: expires }, new Date('2026-12-31T08:59:59Z'))).toBe('PENDING');
    expect(effectiveAidantStatus({ status: 'PENDING', expires_at: expires }, expires)).toBe('EXPIRED');
    expect(effectiveAidantStatus({ status: 'ACCEPTED', expires_at: expires }, new Date('2027-06-01T00:00:00Z'))).toBe('ACCEPTED');
  });
});

describe('AID-3, AID-6: status transitions', () => {
  test('AID-3: PENDING → ACCEPTED | REFUSED | EXPIRED, or withdrawn (REVOKED)', () => {
    expect(nextAidantStatus('PENDING', 'ACCEPT')).toBe('ACCEPTED');
    expect(nextAidantStatus('PENDING', 'REFUSE')).toBe('REFUSED');
    expect(nextAidantStatus('PENDING', 'EXPIRE')).toBe('EXPIRED');
    expect(nextAidantStatus('PENDING', 'REVOKE')).toBe('REVOKED');
  });
  test('AID-6: a delegation is only revoked; final statuses never move', () => {
    expect(nextAidantStatus('ACCEPTED', 'REVOKE')).toBe('REVOKED');
    expect(nextAidantStatus('ACCEPTED', 'ACCEPT')).toBeNull();
    expect(nextAidantStatus('ACCEPTED', 'EXPIRE')).toBeNull();
    for (const s of ['REFUSED', 'EXPIRED', 'REVOKED'] as const) {
      for (const m of ['ACCEPT', 'REFUSE', 'EXPIRE', 'REVOKE'] as const) expect(nextAidantStatus(s, m)).toBeNull();
    }
  });
  test('AID-6: either side revokes a delegation; only the aidé withdraws an invitation (the aidant refuses it)', () => {
    expect(mayRevoke('AIDE', 'ACCEPTED')).toBe(true);
    expect(mayRevoke('AIDANT', 'ACCEPTED')).toBe(true);
    expect(mayRevoke('AIDE', 'PENDING')).toBe(true);
    expect(mayRevoke('AIDANT', 'PENDING')).toBe(false);
    expect(mayRevoke('AIDE', 'REVOKED')).toBe(false);
  });
});
