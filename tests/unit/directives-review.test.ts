import { describe, expect, test } from 'vitest';
import { addDays } from '@/lib/campaigns/window';
import { anniversary, filedOnOrBeforeForReview, nextReviewDay } from '@/lib/medical-profile/directives-anniversary';
import {
  NOTIFICATION_KINDS, REMINDER_KINDS, emailRecipients, isSwitchable, preferenceOf, wantsEmail, type Recipient,
} from '@/lib/notifications/kinds';
import { emailContent, inAppContent } from '@/lib/notifications/messages';
import { notificationUrl } from '@/emails/notification';

describe('PRF-4: the yearly review reminder falls on the anniversary of the filing', () => {
  const ANNIVERSARIES: [string, string, number, string][] = [
    ['PRF-4: filed 2025-02-10 → reminded on 2026-02-10', '2025-02-10', 1, '2026-02-10'],
    ['PRF-4: filed 29 February → 28 February in a non-leap year', '2024-02-29', 1, '2025-02-28'],
    ['PRF-4: filed 29 February → 29 February again in a leap year', '2024-02-29', 4, '2028-02-29'],
    ['PRF-4: 28 February stays 28 February in a leap year', '2023-02-28', 1, '2024-02-28'],
    ['PRF-4: 31 December → 31 December', '2025-12-31', 1, '2026-12-31'],
  ];
  test.each(ANNIVERSARIES)('%s', (_rule, filed, years, expected) => {
    expect(anniversary(filed, years)).toBe(expected);
  });

  const NEXT: [string, string, string, string][] = [
    ['PRF-4: filed today → first reminder a year later', '2026-03-03', '2026-03-03', '2027-03-03'],
    ['PRF-4: reminded on the anniversary → the next one a year later', '2025-02-10', '2026-02-10', '2027-02-10'],
    ['PRF-4: a late reminder (worker down) keeps the filing’s anniversary, not the late day', '2025-02-10', '2026-02-13', '2027-02-10'],
    ['PRF-4: years of downtime → the next anniversary after today only', '2020-06-01', '2026-07-01', '2027-06-01'],
    ['PRF-4: 29 February, reminded in 2025 → 28 February 2026', '2024-02-29', '2025-02-28', '2026-02-28'],
    ['PRF-4: 29 February, reminded on 2027-02-28 → 29 February 2028', '2024-02-29', '2027-02-28', '2028-02-29'],
  ];
  test.each(NEXT)('%s', (_rule, filed, today, expected) => {
    expect(nextReviewDay(filed, today)).toBe(expected);
  });

  test('PRF-4: the SQL cutoff agrees with the anniversary for every filing day of 2023-2025 (29 February included)', () => {
    // filed <= cutoff(today) ⇔ anniversary(filed, 1) <= today, for every today of 2024-2026.
    for (let today = '2024-01-01'; today <= '2026-12-31'; today = addDays(today, 1)) {
      const cutoff = filedOnOrBeforeForReview(today);
      for (const filed of [addDays(cutoff, -1), cutoff, addDays(cutoff, 1), addDays(cutoff, 2)]) {
        expect(filed <= cutoff, `${filed} on ${today}`).toBe(anniversary(filed, 1) <= today);
      }
    }
    expect(filedOnOrBeforeForReview('2025-02-28')).toBe('2024-02-29');
    expect(filedOnOrBeforeForReview('2024-02-29')).toBe('2023-02-28');
  });
});

describe('PRF-4, NOT-1: the reminder follows the « Rendez-vous, rappels… » email switch', () => {
  const holder: Recipient = { accountId: 'a-holder', email: 'h@x.test', relation: 'HOLDER', emailEnabled: null };
  const rep: Recipient = { accountId: 'a-rep', email: 'r@x.test', relation: 'REPRESENTATIVE', emailEnabled: false };

  test('NOT-1: DIRECTIVES_REVIEW has no switch of its own: it follows NOTIF_APPOINTMENT', () => {
    expect(REMINDER_KINDS.DIRECTIVES_REVIEW).toEqual({ label: 'Relire vos directives anticipées', preference: 'NOTIF_APPOINTMENT' });
    expect(NOTIFICATION_KINDS).toContain('DIRECTIVES_REVIEW');
    expect(isSwitchable('DIRECTIVES_REVIEW')).toBe(false);
    expect(preferenceOf('DIRECTIVES_REVIEW')).toBe('NOTIF_APPOINTMENT');
    expect(preferenceOf('NOTIF_DOCUMENT')).toBe('NOTIF_DOCUMENT');
    expect(preferenceOf('PS_ACCESS')).toBeNull();
  });

  test('NOT-1: on by default, off when the account switched « Rendez-vous, rappels… » off', () => {
    expect(wantsEmail('DIRECTIVES_REVIEW', null)).toBe(true);
    expect(wantsEmail('DIRECTIVES_REVIEW', false)).toBe(false);
    expect(emailRecipients('DIRECTIVES_REVIEW', [holder, rep]).map((r) => r.accountId)).toEqual(['a-holder']);
  });

  test('NOT-7: the email says only « Pensez à relire vos directives anticipées » and links to their page', () => {
    const own = emailContent('DIRECTIVES_REVIEW', { profileFirstName: null });
    expect(own.sentence).toBe('Pensez à relire vos directives anticipées.');
    expect(notificationUrl({ appUrl: 'https://mes.test', profileId: null }, own.path)).toBe('https://mes.test/espace/profil-medical/directives-anticipees');
    const child = emailContent('DIRECTIVES_REVIEW', { profileFirstName: 'Léo' });
    expect(child.sentence).toBe('Pensez à relire les directives anticipées déposées dans le profil de Léo.');
    expect(notificationUrl({ appUrl: 'https://mes.test', profileId: 'p-1' }, child.path)).toBe('https://mes.test/espace/profil-medical/directives-anticipees?profil=p-1');
    expect(inAppContent('DIRECTIVES_REVIEW', {})).toMatchObject({
      title: 'Relire vos directives anticipées',
      link: { href: '/espace/profil-medical/directives-anticipees', label: 'Voir les directives anticipées', profileScoped: true },
    });
  });
});
