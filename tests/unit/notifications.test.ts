import { describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/access/actor';
import { authorize, type Action, type ProfileTarget } from '@/lib/access/policy';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import {
  MANDATORY_KINDS, NOTIFICATION_KINDS, SWITCHABLE_KINDS, emailRecipients, isDeliverable, isSwitchable, keepsInAppRow, wantsEmail,
  type NotificationKind, type Recipient,
} from '@/lib/notifications/kinds';
import { emailContent, inAppContent } from '@/lib/notifications/messages';

describe('NOT-1, NOT-2, NOT-4: the kinds', () => {
  test('NOT-1: the five switchable keys with their labels', () => {
    expect(SWITCHABLE_KINDS).toEqual({
      NOTIF_MESSAGE: 'Nouveau message reçu',
      NOTIF_DOCUMENT: 'Ajout ou modification d’un document par un professionnel',
      NOTIF_APPOINTMENT: 'Rendez-vous, rappels, examens et vaccinations à réaliser',
      NOTIF_DEPISTAGE: 'Dépistages organisés des cancers',
      NOTIF_SYNCHRONIZED_SERVICE: 'Récapitulatif des services synchronisés (90 jours)',
    });
  });

  test('NOT-2, NOT-4: PS and emergency access, security, closure, suspension, deletion, invitations and revocations are mandatory', () => {
    expect(Object.keys(MANDATORY_KINDS).sort()).toEqual(
      ['CLOSURE', 'DELETION_DONE', 'EMERGENCY_ACCESS', 'INVITATION', 'PS_ACCESS', 'REVOCATION', 'SECURITY', 'SUSPENSION']);
    expect(Object.keys(MANDATORY_KINDS).some((k) => isSwitchable(k as NotificationKind))).toBe(false);
  });
});

describe('NOT-5: which profiles receive anything', () => {
  const cases: [string, NotificationKind, ProfileState, ProfileState | null, boolean][] = [
    ['NOT-5: a CREATED profile gets no document notification', 'NOTIF_DOCUMENT', 'CREATED', 'PENDING', false],
    ['NOT-5: a CREATED profile gets no PS-access notification, mandatory or not', 'PS_ACCESS', 'CREATED', 'PENDING', false],
    ['NOT-5: a CREATED profile gets no emergency-access notification', 'EMERGENCY_ACCESS', 'CREATED', null, false],
    ['NOT-5: a PENDING profile gets nothing', 'SECURITY', 'PENDING', null, false],
    ['NOT-5: an OPPOSED profile gets nothing', 'CLOSURE', 'OPPOSED', 'PENDING', false],
    ['NOT-1: an ACTIVE profile gets a document notification', 'NOTIF_DOCUMENT', 'ACTIVE', 'CREATED', true],
    ['NOT-2: an ACTIVE profile gets an emergency-access notification', 'EMERGENCY_ACCESS', 'ACTIVE', null, true],
    ['NOT-4: a profile just CLOSED from ACTIVE is told of its closure', 'CLOSURE', 'CLOSED', 'ACTIVE', true],
    ['NOT-4: a CLOSED profile gets nothing else', 'NOTIF_DOCUMENT', 'CLOSED', 'ACTIVE', false],
    ['NOT-4: a SUSPENDED profile is told of its suspension', 'SUSPENSION', 'SUSPENDED', 'ACTIVE', true],
    ['NOT-4: a SUSPENDED profile gets no PS-access notification (held, ACC-3)', 'PS_ACCESS', 'SUSPENDED', 'ACTIVE', false],
    ['NOT-5: a profile suspended straight from CREATED is not told', 'SUSPENSION', 'SUSPENDED', 'CREATED', false],
    ['NOT-5: a profile closed straight from CREATED is not told', 'CLOSURE', 'CLOSED', 'CREATED', false],
    ['NOT-4: the completed deletion of a PURGED profile is told', 'DELETION_DONE', 'PURGED', 'DELETION_REQUESTED', true],
  ];
  test.each(cases)('%s', (_rule, kind, state, previousState, expected) => {
    expect(isDeliverable(kind, { state, previousState })).toBe(expected);
  });

  test('CLO-4: a PURGED profile keeps no in-app row', () => {
    expect(keepsInAppRow('PURGED')).toBe(false);
    expect(keepsInAppRow('CLOSED')).toBe(true);
  });
});

describe('NOT-1, NOT-7: who receives an email', () => {
  const holder: Recipient = { accountId: 'a-holder', email: 'h@x.test', relation: 'HOLDER', emailEnabled: null };
  const rep: Recipient = { accountId: 'a-rep', email: 'r@x.test', relation: 'REPRESENTATIVE', emailEnabled: null };
  const aidant: Recipient = { accountId: 'a-aid', email: 'a@x.test', relation: 'AIDANT', emailEnabled: null };

  test('NOT-1: on by default (no stored switch), off when the account switched this kind off', () => {
    expect(wantsEmail('NOTIF_DOCUMENT', null)).toBe(true);
    expect(wantsEmail('NOTIF_DOCUMENT', true)).toBe(true);
    expect(wantsEmail('NOTIF_DOCUMENT', false)).toBe(false);
  });

  test('NOT-2, NOT-4: a mandatory kind goes whatever the switch says', () => {
    for (const kind of Object.keys(MANDATORY_KINDS) as NotificationKind[]) expect(wantsEmail(kind, false)).toBe(true);
  });

  test('NOT-7: holder, representatives and aidants each get one email; one who switched the kind off does not', () => {
    expect(emailRecipients('NOTIF_DOCUMENT', [holder, rep, aidant]).map((r) => r.accountId)).toEqual(['a-holder', 'a-rep', 'a-aid']);
    expect(emailRecipients('NOTIF_DOCUMENT', [holder, { ...rep, emailEnabled: false }]).map((r) => r.accountId)).toEqual(['a-holder']);
    expect(emailRecipients('NOTIF_DOCUMENT', [holder, holder]).map((r) => r.accountId)).toEqual(['a-holder']);
  });

  test('NOT-2: a PS access reaches every account, switched off or not', () => {
    const allOff = [holder, rep].map((r) => ({ ...r, emailEnabled: false }));
    expect(emailRecipients('PS_ACCESS', allOff).map((r) => r.accountId)).toEqual(['a-holder', 'a-rep']);
  });

  test('NOT-4: a security event concerns the holder’s own account: only the holder is emailed', () => {
    expect(emailRecipients('SECURITY', [holder, rep, aidant]).map((r) => r.accountId)).toEqual(['a-holder']);
  });
});

describe('NOT-7: no medical content in emails', () => {
  test.each(NOTIFICATION_KINDS)('NOT-7: the %s email sentence names no professional and no document', (kind) => {
    const content = emailContent(kind, { profileFirstName: null });
    expect(content.sentence.length).toBeGreaterThan(10);
    expect(content.sentence).not.toMatch(/Dr |Docteur|«/);
  });

  test('NOT-7: a representative’s email says which profile, by first name only', () => {
    expect(emailContent('NOTIF_DOCUMENT', { profileFirstName: 'Léo' }).sentence)
      .toBe('Un professionnel de santé a ajouté ou modifié un document dans le profil de Léo.');
    expect(emailContent('NOTIF_DOCUMENT', { profileFirstName: null }).sentence)
      .toBe('Un professionnel de santé a ajouté ou modifié un document dans votre profil.');
  });

  test('NOT-6: in the app, who acted is shown and the document is linked', () => {
    expect(inAppContent('NOTIF_DOCUMENT', { actorLabel: 'Dr Claire Martin', documentId: 'd-1' })).toEqual({
      title: 'Nouveau document', body: 'Dr Claire Martin a ajouté ou modifié un document.',
      link: { href: '/espace/documents/d-1', label: 'Voir le document', profileScoped: false },
    });
  });
});

describe('NOT-6, AID-4, FS-3: the policy', () => {
  const holder: Actor = { kind: 'PATIENT', accountId: 'acc-1', name: 'Marie', ownProfileId: 'p-own', representedProfileIds: ['p-child'] };
  const aidant: Actor = { kind: 'PATIENT', accountId: 'acc-3', name: 'Alex', ownProfileId: 'p-alex', representedProfileIds: [], aidedProfileIds: ['p-own'] };
  const stranger: Actor = { kind: 'PATIENT', accountId: 'acc-2', name: 'Paul', ownProfileId: 'p-other', representedProfileIds: [] };
  const advisor: Actor = { kind: 'ADVISOR', staffId: 's-3', siteId: 'site-1', name: 'Conseillère' };
  const agent: Actor = { kind: 'STAFF', staffId: 's-1', role: 'AGENT', name: 'Agent' };
  const gp: Actor = { kind: 'PROFESSIONAL', professionalId: 'pro-1', rpps: '10100000001', name: 'Claire Martin', professionCode: '10', professionLabel: 'Médecin' };
  const own = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-own', state, holderAccountId: 'acc-1' });
  const child = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-child', state, holderAccountId: null });

  const MATRIX: [string, Actor, Action, ProfileTarget | undefined, string][] = [
    ['NOT-6: the holder reads their notifications', holder, 'notifications.read', own('ACTIVE'), 'allow'],
    ['NOT-7: a representative reads the child’s notifications', holder, 'notifications.read', child('ACTIVE'), 'allow'],
    ['AID-4: an aidant receives the aidé’s notifications', aidant, 'notifications.read', own('ACTIVE'), 'allow'],
    ['NOT-6: another account is refused', stranger, 'notifications.read', own('ACTIVE'), 'not-holder'],
    ['ACC-3: no notifications of a CLOSED own profile', holder, 'notifications.read', own('CLOSED'), 'profile-unavailable'],
    ['FS-4: an advisor never reads notifications', advisor, 'notifications.read', own('ACTIVE'), 'advisor-no-medical'],
    ['BO: staff never read notifications', agent, 'notifications.read', own('ACTIVE'), 'staff-no-medical'],
    ['default deny: a professional has no patient-side centre', gp, 'notifications.read', own('ACTIVE'), 'wrong-audience'],
    ['default deny: reading needs a profile', holder, 'notifications.read', undefined, 'no-target'],
    ['NOT-1: an account changes its own switches', holder, 'notifications.manage', undefined, 'allow'],
    ['AID-4: an aidant changes their own switches', aidant, 'notifications.manage', undefined, 'allow'],
    ['FS-3: an advisor outside an assisted visit: refused', advisor, 'notifications.manage', undefined, 'advisor-assisted-only'],
    ['BO: staff never change notification settings', agent, 'notifications.manage', undefined, 'wrong-audience'],
  ];
  test.each(MATRIX)('%s', (_rule, actor, action, profile, expected) => {
    const decision = authorize(actor, action, { profile });
    expect(decision.allowed ? 'allow' : decision.code).toBe(expected);
  });
});
