import { describe, expect, test } from 'vitest';
import { checkClaim } from '@/lib/care-history/claim-rules';
import { isVisitedPharmacy, oneYearBefore } from '@/lib/messaging/rules';

describe('MSG-3(b): pharmacies already visited', () => {
  test.each([
    ['2026-11-29', '2025-11-29'],
    ['2028-02-29', '2027-02-28'],
    ['2026-01-01', '2025-01-01'],
  ])('one year before %s is %s', (today, expected) => expect(oneYearBefore(today)).toBe(expected));

  test.each([
    [true, '2025-11-29', true], // exactly today − 1 year: still within the past year
    [true, '2025-11-28', false],
    [true, '2026-11-29', true],
    [false, '2026-11-01', false], // no organisational mailbox
    [true, null, false],
  ] as const)('mailbox %s, last dispensation %s → %s', (organisationalMailbox, lastDispensation, expected) => {
    expect(isVisitedPharmacy({ organisationalMailbox, lastDispensation }, '2026-11-29')).toBe(expected);
  });
});

describe('MSG-3(b): the optional finess_dispensateur column of the reimbursement feed', () => {
  const line = { identifiant_ligne: 'L1', nir: '285037505601715', date_soins: '01/10/2026', categorie: 'MEDICINE', libelle: 'Paracétamol', acte_confidentiel_mineur: 'non' };
  test('absent (older feeds) or empty: no dispenser', () => {
    expect(checkClaim(line, '2026-11-29').line?.dispenserFiness).toBeNull();
    expect(checkClaim({ ...line, finess_dispensateur: '  ' }, '2026-11-29').line?.dispenserFiness).toBeNull();
  });
  test('a FINESS (Corsica included) is kept; anything else rejects the line with a French reason', () => {
    expect(checkClaim({ ...line, finess_dispensateur: '750000011' }, '2026-11-29').line?.dispenserFiness).toBe('750000011');
    expect(checkClaim({ ...line, finess_dispensateur: '2a0000011' }, '2026-11-29').line?.dispenserFiness).toBe('2A0000011');
    const bad = checkClaim({ ...line, finess_dispensateur: '75-ABC' }, '2026-11-29');
    expect(bad.line).toBeUndefined();
    expect(bad.problems).toEqual([{ column: 'finess_dispensateur', reason: expect.stringMatching(/FINESS du dispensateur invalide/) }]);
  });
});
