import { describe, expect, test } from 'vitest';
import { nextSmsSlot } from '@/lib/notifications/channels/quiet-hours';
import { channelRecipients, type ChannelRecipient } from '@/lib/notifications/channels/recipients';
import { channelText } from '@/lib/notifications/channels/texts';

describe('NOT-7: nextSmsSlot, no SMS 21:00–08:00 Europe/Paris', () => {
  test.each([
    // Winter (UTC+1)
    ['20:59 Paris goes at once', '2026-12-02T19:59:00Z', '2026-12-02T19:59:00Z'],
    ['08:00 Paris goes at once', '2026-12-02T07:00:00Z', '2026-12-02T07:00:00Z'],
    ['21:00 Paris waits for 08:00 the next day', '2026-12-02T20:00:00Z', '2026-12-03T07:00:00Z'],
    ['23:59 Paris waits for 08:00 the next day', '2026-12-02T22:59:00Z', '2026-12-03T07:00:00Z'],
    ['00:00 Paris waits for 08:00 the same day', '2026-12-02T23:00:00Z', '2026-12-03T07:00:00Z'],
    ['07:59 Paris waits for 08:00 the same day', '2026-12-03T06:59:00Z', '2026-12-03T07:00:00Z'],
    ['22:30 Paris on 31 December waits for 1 January', '2026-12-31T21:30:00Z', '2027-01-01T07:00:00Z'],
    // Summer (UTC+2)
    ['20:59 Paris in summer goes at once', '2026-07-14T18:59:00Z', '2026-07-14T18:59:00Z'],
    ['21:00 Paris in summer waits', '2026-07-14T19:00:00Z', '2026-07-15T06:00:00Z'],
    // DST starts 2026-03-29 at 02:00 → 03:00: 08:00 that day is UTC+2.
    ['22:00 Paris the eve of the spring change', '2026-03-28T21:00:00Z', '2026-03-29T06:00:00Z'],
    ['01:30 Paris on the spring change day', '2026-03-29T00:30:00Z', '2026-03-29T06:00:00Z'],
    ['03:30 Paris (after the jump) on the spring change day', '2026-03-29T01:30:00Z', '2026-03-29T06:00:00Z'],
    ['07:59 Paris on the spring change day', '2026-03-29T05:59:00Z', '2026-03-29T06:00:00Z'],
    ['21:00 Paris on the spring change day', '2026-03-29T19:00:00Z', '2026-03-30T06:00:00Z'],
    // DST ends 2026-10-25 at 03:00 → 02:00: 08:00 that day is UTC+1.
    ['22:00 Paris the eve of the autumn change', '2026-10-24T20:00:00Z', '2026-10-25T07:00:00Z'],
    ['02:30 Paris (first pass) on the autumn change day', '2026-10-25T00:30:00Z', '2026-10-25T07:00:00Z'],
    ['02:30 Paris (second pass) on the autumn change day', '2026-10-25T01:30:00Z', '2026-10-25T07:00:00Z'],
    ['07:59 Paris on the autumn change day', '2026-10-25T06:59:00Z', '2026-10-25T07:00:00Z'],
    ['20:59 Paris on the autumn change day goes at once', '2026-10-25T19:59:00Z', '2026-10-25T19:59:00Z'],
  ])('%s', (_name, at, expected) => {
    expect(nextSmsSlot(new Date(at)).toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe('NOT-7: SMS and push texts carry no medical content', () => {
  test('a document notification says something changed, not what nor who', () => {
    const text = channelText('NOTIF_DOCUMENT', { profileFirstName: null, data: { actorLabel: 'Dr Claire Martin, cardiologue', documentId: 'x' } });
    expect(text).toBe('Mon espace santé : Un professionnel de santé a ajouté ou modifié un document dans votre profil. Connectez-vous à Mon espace santé pour en savoir plus.');
    expect(text).not.toMatch(/Martin|cardio/);
  });

  test('EMG-5 details stay in the email: the SMS of an emergency access names nobody', () => {
    const text = channelText('EMERGENCY_ACCESS', { profileFirstName: 'Léo', data: {
      emergency: { professional: 'Dr Paul Durand', profession: 'urgentiste', at: '2026-12-02T10:00:00Z', mode: 'EMERGENCY', justification: 'Coma diabétique' },
    } });
    expect(text).toContain('Un professionnel de santé a accédé au profil de Léo en situation d’urgence.');
    expect(text).not.toMatch(/Durand|urgentiste|diabétique|Bris de glace/);
  });
});

describe('NOT-1, NOT-2, NOT-4: who gets an SMS or a push', () => {
  const r = (accountId: string, over: Partial<ChannelRecipient> = {}): ChannelRecipient =>
    ({ accountId, relation: 'HOLDER', mobile: '+33612345678', smsEnabled: null, pushEnabled: null, ...over });

  test('a switched-off kind is not sent on that channel, the other channel still is', () => {
    const all = [r('a', { smsEnabled: false }), r('b', { relation: 'REPRESENTATIVE' })];
    expect(channelRecipients('NOTIF_MESSAGE', all, 'SMS').map((x) => x.accountId)).toEqual(['b']);
    expect(channelRecipients('NOTIF_MESSAGE', all, 'PUSH').map((x) => x.accountId)).toEqual(['a', 'b']);
  });

  test('a mandatory kind ignores the switches; no mobile, no SMS', () => {
    const all = [r('a', { smsEnabled: false, pushEnabled: false }), r('b', { relation: 'REPRESENTATIVE', mobile: null })];
    expect(channelRecipients('PS_ACCESS', all, 'SMS').map((x) => x.accountId)).toEqual(['a']);
    expect(channelRecipients('PS_ACCESS', all, 'PUSH').map((x) => x.accountId)).toEqual(['a', 'b']);
  });

  test('a reminder follows the switch it belongs to; a security event goes to the holder only, once', () => {
    expect(channelRecipients('DIRECTIVES_REVIEW', [r('a', { smsEnabled: false })], 'SMS')).toEqual([]);
    const all = [r('a'), r('a'), r('b', { relation: 'REPRESENTATIVE' })];
    expect(channelRecipients('SECURITY', all, 'SMS').map((x) => x.accountId)).toEqual(['a']);
  });
});
