import { describe, expect, test } from 'vitest';
import type { Actor, ProfessionalActor } from '@/lib/access/actor';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import { pharmacyDecision, pharmacyFinessOf } from '@/lib/messaging/pharmacy-side';
import { authorize } from '@/lib/access/policy';
import { replyRefusal } from '@/lib/messaging/rules';

const pharmacist = (facilityId: string | null): ProfessionalActor => ({
  kind: 'PROFESSIONAL', professionalId: 'p1', rpps: '10100000011', name: 'Lucie Moreau', professionCode: '21', professionLabel: 'Pharmacien',
  facility: facilityId ? { id: facilityId, name: 'Pharmacie du Marché' } : null,
});
const profile = (state: ProfileState = 'ACTIVE') => ({ id: 'pr1', state, holderAccountId: 'a1' });

describe('MSG-3(b): the policy of a pharmacy’s conversations (message.pharmacy)', () => {
  test.each([
    ['MSG-3(b): acting at the pharmacy’s FINESS', pharmacist('FINESS 750000011'), profile(), false, true, null],
    ['MSG-3(b): another pharmacy’s FINESS', pharmacist('FINESS 750000029'), profile(), false, false, 'pro-other-pharmacy'],
    ['MSG-3(b): a liberal activity without FINESS', pharmacist(null), profile(), false, false, 'pro-other-pharmacy'],
    ['PRO-6: blocked by the patient', pharmacist('FINESS 750000011'), profile(), true, false, 'pro-blocked'],
    ['PRO-12: a closed profile', pharmacist('FINESS 750000011'), profile('CLOSED'), false, false, 'profile-unavailable'],
    ['MSG-12: a suspended profile stays readable (messages are held)', pharmacist('FINESS 750000011'), profile('SUSPENDED'), false, true, null],
  ] as const)('%s', (_rule, actor, target, blocked, allowed, code) => {
    const d = pharmacyDecision(actor, { profile: target, blocked }, '750000011');
    expect(d.allowed).toBe(allowed);
    if (!d.allowed) expect(d.code).toBe(code);
  });

  test('MSG-6: never a patient, an agent or an advisor', () => {
    const others: Actor[] = [
      { kind: 'PATIENT', accountId: 'a1', name: 'Marie', ownProfileId: 'pr1', representedProfileIds: [] },
      { kind: 'STAFF', staffId: 's1', role: 'AGENT', name: 'Agent' },
      { kind: 'ADVISOR', staffId: 's2', siteId: 'x', name: 'Conseiller' },
    ];
    for (const actor of others) expect(authorize(actor, 'message.pharmacy', { profile: profile(), pharmacy: { finess: '750000011' } }).allowed).toBe(false);
  });

  test('PRO-2: the FINESS a professional acts at, from the facility Pro Santé Connect gave', () => {
    expect(pharmacyFinessOf(pharmacist('FINESS 750000011'))).toBe('750000011');
    expect(pharmacyFinessOf(pharmacist(null))).toBeNull();
  });
});

describe('MSG-4, MSG-5: reply refusals by counterpart', () => {
  test.each([
    ['MSG-4: the insurer is never answered, even on REPLY', { counterpart: 'ORGANISATION', lastOption: 'REPLY', closed: false }, /Vous ne pouvez pas répondre à ce message/],
    ['MSG-4: a pharmacy’s NO_REPLY', { counterpart: 'PHARMACY', lastOption: 'NO_REPLY', closed: false }, /^Cette pharmacie n’accepte pas de réponse/],
    ['MSG-4: a pharmacy’s NEW_MESSAGE', { counterpart: 'PHARMACY', lastOption: 'NEW_MESSAGE', closed: false }, /^Cette pharmacie vous demande d’écrire un nouveau message/],
    ['MSG-5: a pharmacy closed the conversation', { counterpart: 'PHARMACY', lastOption: 'REPLY', closed: true }, /^Pharmacie du Marché \(Paris\) a mis fin à vos échanges\.$/],
    ['MSG-4: a pharmacy’s REPLY', { counterpart: 'PHARMACY', lastOption: 'REPLY', closed: false }, null],
  ] as const)('%s', (_rule, c, expected) => {
    const refusal = replyRefusal({ ...c, professionalLabel: 'Pharmacie du Marché (Paris)' });
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
