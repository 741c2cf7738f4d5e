import { describe, expect, test } from 'vitest';
import {
  bornOnOrBeforeForMajority, canAddRepresentative, effectiveInvitationStatus, invitationExpiresAt, majorityDay,
} from '@/lib/representatives/rules';

describe('REP-8: majority at 18', () => {
  test.each([
    ['2008-06-15', '2026-06-15'],
    ['2008-02-29', '2026-03-01'], // non-leap 2026
    ['2012-02-29', '2030-03-01'], // 2012 leap, 2030 not
    ['2014-02-28', '2032-02-28'],
    ['2016-02-29', '2034-03-01'],
    ['1980-02-29', '1998-03-01'],
  ])('REP-8: born %s → of age on %s', (birth, day) => {
    expect(majorityDay(birth)).toBe(day);
  });

  test('REP-8: a 29 February birthday is never moved when the 18th year is leap too (no such case before 2100)', () => {
    // 18 years after a leap year is never leap (18 is not a multiple of 4): always 1 March.
    for (const year of [1988, 1996, 2000, 2004, 2008]) expect(majorityDay(`${year}-02-29`)).toBe(`${year + 18}-03-01`);
    expect(majorityDay('2010-02-28')).toBe('2028-02-28');
    expect(majorityDay('1990-03-01')).toBe('2008-03-01');
  });

  test('REP-8: the SQL cut-off agrees with majorityDay, 29 February included', () => {
    expect(bornOnOrBeforeForMajority('2026-02-28')).toBe('2008-02-28'); // born 29 Feb 2008: not yet
    expect(bornOnOrBeforeForMajority('2026-03-01')).toBe('2008-02-29'); // now of age
    expect(bornOnOrBeforeForMajority('2028-02-28')).toBe('2010-02-28');
    expect(bornOnOrBeforeForMajority('2028-02-29')).toBe('2010-02-28'); // a real date, not 2010-02-29
    expect(bornOnOrBeforeForMajority('2026-06-15')).toBe('2008-06-15');
  });
});

describe('REP-3, REP-5: invitations and seats', () => {
  test('REP-3: an invitation expires after 30 days, not before', () => {
    const created = new Date('2026-01-01T10:00:00Z');
    const inv = { status: 'PENDING' as const, expires_at: invitationExpiresAt(created) };
    expect(effectiveInvitationStatus(inv, new Date('2026-01-31T09:59:59Z'))).toBe('PENDING');
    expect(effectiveInvitationStatus(inv, new Date('2026-01-31T10:00:00Z'))).toBe('EXPIRED');
    expect(effectiveInvitationStatus({ ...inv, status: 'ACCEPTED' }, new Date('2027-01-01T00:00:00Z'))).toBe('ACCEPTED');
  });

  test.each([[0, 0, true], [1, 0, true], [1, 1, false], [2, 0, false], [0, 2, false]])(
    'REP-5: %i representatives + %i open invitations → may add: %s', (active, open, ok) => {
      expect(canAddRepresentative(active, open)).toBe(ok);
    });
});
