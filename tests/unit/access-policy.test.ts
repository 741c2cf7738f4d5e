import { describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/access/actor';
import { authorize, type Action, type ProfileTarget } from '@/lib/access/policy';

const holder: Actor = { kind: 'PATIENT', accountId: 'acc-1', name: 'Marie', ownProfileId: 'p-own', representedProfileIds: ['p-child'] };
const stranger: Actor = { kind: 'PATIENT', accountId: 'acc-2', name: 'Paul', ownProfileId: 'p-other', representedProfileIds: [] };
const gp: Actor = { kind: 'PROFESSIONAL', professionalId: 'pro-1', rpps: '10100000001', name: 'Claire Martin', professionCode: '10', professionLabel: 'Médecin' };
const agent: Actor = { kind: 'STAFF', staffId: 's-1', role: 'AGENT', name: 'Agent' };
const supervisor: Actor = { kind: 'STAFF', staffId: 's-2', role: 'SUPERVISOR', name: 'Superviseur' };
const advisor: Actor = { kind: 'ADVISOR', staffId: 's-3', siteId: 'site-1', name: 'Conseillère' };
const enrolment: Actor = { kind: 'ENROLMENT' };
// FS-2: an advisor inside a visit for the holder of p-own (covering p-child), 30 minutes in; the same visit past 60 minutes, ended.
const visit = { id: 'v-1', personProfileId: 'p-own', profileIds: ['p-own', 'p-child'], expiresAt: new Date('2026-11-29T11:00:00Z'), endedAt: null, checkedAt: new Date('2026-11-29T10:30:00Z') };
const advisorInVisit: Actor = { kind: 'ADVISOR', staffId: 's-3', siteId: 'site-1', name: 'Conseillère', visit };
const advisorExpired: Actor = { ...advisorInVisit, visit: { ...visit, checkedAt: new Date('2026-11-29T11:00:00Z') } };
const advisorEnded: Actor = { ...advisorInVisit, visit: { ...visit, endedAt: new Date('2026-11-29T10:20:00Z') } };
/** AID-4: an accepted aidant of the holder's profile (p-own), with its own profile. */
const aidantOfOwn: Actor = { kind: 'PATIENT', accountId: 'acc-4', name: 'Aidant', ownProfileId: 'p-aidant', representedProfileIds: [], aidedProfileIds: ['p-own'] };

const own = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-own', state, holderAccountId: 'acc-1' });
const child = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-child', state, holderAccountId: null });
const notCovered = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-other', state, holderAccountId: 'acc-2' });

/** One row per case: rule, actor, action, target, expected decision (deny code or 'allow'). */
const MATRIX: [string, Actor, Action, ProfileTarget | undefined, string][] = [
  ['ACC-3: the holder opens their ACTIVE profile', holder, 'profile.view', own('ACTIVE'), 'allow'],
  ['AUD-4/AUD-6: the holder reads their own history', holder, 'profile.history.read', own('ACTIVE'), 'allow'],
  ['ACC-3: no patient-side use of a CLOSED profile', holder, 'profile.view', own('CLOSED'), 'profile-unavailable'],
  ['ACC-3: no patient-side use of a SUSPENDED profile', holder, 'profile.history.read', own('SUSPENDED'), 'profile-unavailable'],
  ['ACC-3: a PENDING profile only allows activation', holder, 'profile.view', own('PENDING'), 'profile-unavailable'],
  ['REP-1: a representative reads the represented child’s history', holder, 'profile.history.read', child('ACTIVE'), 'allow'],
  ['REP-2: a represented child’s profile may still be CREATED', holder, 'profile.view', child('CREATED'), 'allow'],
  ['REP-1: nobody else reaches a profile', stranger, 'profile.history.read', own('ACTIVE'), 'not-holder'],
  ['REP-1: nobody else reaches a child’s profile', stranger, 'profile.medical.read', child('ACTIVE'), 'not-holder'],
  ['FS-4: an advisor never reads medical content', advisor, 'profile.medical.read', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: an advisor never reads history details', advisor, 'profile.history.read', own('ACTIVE'), 'advisor-no-medical'],
  ['BO: staff never see medical content', agent, 'profile.medical.read', own('ACTIVE'), 'staff-no-medical'],
  ['BO: staff read the administrative summary', agent, 'profile.admin.read', own('PENDING'), 'allow'],
  ['BO: an advisor has no back-office summary', advisor, 'profile.admin.read', own('ACTIVE'), 'wrong-audience'],
  ['PRO-11: professionals never use the patient side’s reads (they go through patient.open)', gp, 'profile.medical.read', own('ACTIVE'), 'wrong-audience'],
  ['PRO-12: a CREATED profile passes the state check; the authorisation is still needed', gp, 'patient.open', own('CREATED'), 'pro-not-authorised'],
  ['PRO-12: a SUSPENDED profile passes the state check; the authorisation is still needed', gp, 'patient.open', own('SUSPENDED'), 'pro-not-authorised'],
  ['PRO-12: a professional is refused a CLOSED profile', gp, 'patient.open', own('CLOSED'), 'profile-unavailable'],
  ['PRO-12: a professional is refused an OPPOSED profile', gp, 'patient.open', own('OPPOSED'), 'profile-unavailable'],
  ['PRO-12: a professional is refused a PENDING profile', gp, 'patient.open', own('PENDING'), 'profile-unavailable'],
  ['default deny: a professional has no patient-side view', gp, 'profile.view', own('ACTIVE'), 'wrong-audience'],
  ['default deny: a medical read needs a target', holder, 'profile.medical.read', undefined, 'no-target'],
  ['BO-3: an agent sends a new code provisoire', agent, 'profile.code.reissue', own('PENDING'), 'allow'],
  ['BO-3: an advisor does not send codes from the back-office', advisor, 'profile.code.reissue', own('PENDING'), 'wrong-audience'],
  ['BO-1: staff import the population', supervisor, 'population.import', undefined, 'allow'],
  ['BO-1: an advisor cannot import the population', advisor, 'population.import', undefined, 'wrong-audience'],
  ['REP-3: a representative shares the child’s profile', holder, 'profile.representatives.share', child('CREATED'), 'allow'],
  ['REP-3: the holder of an adult profile has no representatives to invite', holder, 'profile.representatives.share', own('ACTIVE'), 'not-holder'],
  ['REP-3: a stranger cannot invite for someone else’s child', stranger, 'profile.representatives.share', child('ACTIVE'), 'not-holder'],
  ['BO-5: an agent grants or revokes a representative', agent, 'profile.representatives.admin', child('ACTIVE'), 'allow'],
  ['BO-5: an advisor never changes representatives (FS-4)', advisor, 'profile.representatives.admin', child('ACTIVE'), 'wrong-audience'],
  ['CLO-1: the holder closes their profile on the web', holder, 'profile.close', own('ACTIVE'), 'allow'],
  ['CLO-1: a representative closes the child’s profile', holder, 'profile.close', child('ACTIVE'), 'allow'],
  ['CLO-1: nobody else closes a profile', stranger, 'profile.close', own('ACTIVE'), 'not-holder'],
  ['CLO-1: closure is web only — an advisor records it through the back-office path', advisor, 'profile.close', own('ACTIVE'), 'wrong-audience'],
  ['CLO-2, BO-6: an agent records a closure, a death or a suspension', agent, 'profile.close.record', own('CREATED'), 'allow'],
  ['BO-1: an agent runs creation campaigns', agent, 'campaign.manage', undefined, 'allow'],
  ['BO-1: an advisor cannot run a campaign', advisor, 'campaign.manage', undefined, 'wrong-audience'],
  ['BO-1: a patient cannot see campaign statistics', holder, 'campaign.read', undefined, 'wrong-audience'],
  ['BO-4: an agent creates a beneficiary', agent, 'profile.create', undefined, 'allow'],
  ['BO-4: a supervisor creates a beneficiary', supervisor, 'profile.create', undefined, 'allow'],
  ['BO-4: an advisor cannot create a beneficiary', advisor, 'profile.create', undefined, 'wrong-audience'],
  ['BO-4: a patient cannot create a beneficiary', holder, 'profile.create', undefined, 'wrong-audience'],
  ['BO-9: staff retry failed jobs', agent, 'backoffice.jobs.retry', undefined, 'allow'],
  ['BO-9: a professional cannot retry jobs', gp, 'backoffice.jobs.retry', undefined, 'wrong-audience'],
  ['BO: the demo mailbox is staff-only', holder, 'backoffice.mailbox.read', undefined, 'wrong-audience'],
  ['BO: the back-office is staff-only', advisor, 'backoffice.access', undefined, 'wrong-audience'],
  ['BO-7: an agent reads the matrice d’habilitation', agent, 'matrix.read', undefined, 'allow'],
  ['PRO-10: the holder browses the matrice d’habilitation read-only', holder, 'matrix.read', undefined, 'allow'],
  ['PRO-9: a professional reads the matrice d’habilitation', gp, 'matrix.read', undefined, 'allow'],
  ['BO-7: an advisor has no use of the matrice d’habilitation', advisor, 'matrix.read', undefined, 'wrong-audience'],
  ['BO-7: a supervisor publishes a new matrix version', supervisor, 'matrix.publish', undefined, 'allow'],
  ['BO-7: an agent cannot publish a matrix version', agent, 'matrix.publish', undefined, 'supervisor-only'],
  ['PRO-10: the holder can never widen the matrix', holder, 'matrix.publish', undefined, 'wrong-audience'],
  ['BO-7: a professional cannot publish a matrix version', gp, 'matrix.publish', undefined, 'wrong-audience'],
  ['BO-7: an agent reads the calendars and « Pourquoi ce message ? » texts', agent, 'reference.read', undefined, 'allow'],
  ['BO-7: the reference-data pages are not the holder’s', holder, 'reference.read', undefined, 'wrong-audience'],
  ['BO-7: an advisor has no use of the reference data', advisor, 'reference.read', undefined, 'wrong-audience'],
  ['BO-7, PRV-1: a supervisor publishes a calendar edition or a text version', supervisor, 'reference.publish', undefined, 'allow'],
  ['BO-7, PRV-7: an agent cannot publish reference data', agent, 'reference.publish', undefined, 'supervisor-only-reference'],
  ['BO-7: a professional cannot publish reference data', gp, 'reference.publish', undefined, 'wrong-audience'],
  ['FS-1: the advisor space is advisors-only', agent, 'advisor.access', undefined, 'wrong-audience'],
  ['FS-1: an advisor opens their space', advisor, 'advisor.access', undefined, 'allow'],
  ['FS-3: in an active visit, an advisor sees the civil status and state of the person', advisorInVisit, 'profile.admin.read', own('PENDING'), 'allow'],
  ['FS-3: in an active visit, an advisor sends a new code provisoire for a covered child', advisorInVisit, 'profile.code.reissue', child('CREATED'), 'allow'],
  ['FS-3: in an active visit, an advisor records the person’s opposition', advisorInVisit, 'profile.oppose.record', own('PENDING'), 'allow'],
  ['FS-3: in an active visit, an advisor changes the person’s notification settings', advisorInVisit, 'notifications.manage', own('ACTIVE'), 'allow'],
  ['FS-3: notification settings are the present person’s own account, not a child’s', advisorInVisit, 'notifications.manage', child('ACTIVE'), 'advisor-not-covered'],
  ['FS-3: without a visit an advisor changes no notification settings', advisor, 'notifications.manage', own('ACTIVE'), 'advisor-assisted-only'],
  ['FS-2: a profile not covered by the visit is refused', advisorInVisit, 'profile.code.reissue', notCovered('CREATED'), 'advisor-not-covered'],
  ['FS-3: in an active visit, an advisor helps a covered person activate', advisorInVisit, 'profile.activate.assist', child('PENDING'), 'allow'],
  ['FS-3: never the activation of a profile outside the visit', advisorInVisit, 'profile.activate.assist', notCovered('PENDING'), 'advisor-not-covered'],
  ['FS-3: assisted activation is for advisors only', agent, 'profile.activate.assist', own('PENDING'), 'wrong-audience'],
  ['FS-2: no assisted activation without a visit', advisor, 'profile.activate.assist', own('PENDING'), 'advisor-assisted-only'],
  ['FS-2: a profile not covered by the visit is refused (opposition)', advisorInVisit, 'profile.oppose.record', notCovered('PENDING'), 'advisor-not-covered'],
  ['FS-2: after 60 minutes the visit allows nothing', advisorExpired, 'profile.code.reissue', own('CREATED'), 'advisor-visit-expired'],
  ['FS-2: after 60 minutes no notification settings either', advisorExpired, 'notifications.manage', own('ACTIVE'), 'advisor-visit-expired'],
  ['FS-3: in an active visit, an advisor helps the person change their email or mobile', advisorInVisit, 'account.contact.change', own('ACTIVE'), 'allow'],
  ['FS-3: contact details are the present person’s own account, not a child’s', advisorInVisit, 'account.contact.change', child('ACTIVE'), 'advisor-not-covered'],
  ['FS-3: without a visit an advisor changes no contact details', advisor, 'account.contact.change', own('ACTIVE'), 'advisor-assisted-only'],
  ['FS-2: after 60 minutes no contact details either', advisorExpired, 'account.contact.change', own('ACTIVE'), 'advisor-visit-expired'],
  ['NOT-4: an account changes its own contact details', holder, 'account.contact.change', undefined, 'allow'],
  ['AID-4: an aidant changes their own contact details (never the aidé’s: they are another account)', aidantOfOwn, 'account.contact.change', undefined, 'allow'],
  ['BO: staff never change an account’s contact details here', agent, 'account.contact.change', undefined, 'wrong-audience'],
  ['FS-2: an ended visit allows nothing', advisorEnded, 'profile.oppose.record', own('PENDING'), 'advisor-visit-expired'],
  ['FS-4: even in a visit, an advisor never reads medical content', advisorInVisit, 'profile.medical.read', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never reads history details', advisorInVisit, 'profile.history.read', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never opens the dashboard', advisorInVisit, 'profile.view', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never reads messages', advisorInVisit, 'message.read', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never adds a document or a measure', advisorInVisit, 'profile.medical.write', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never changes confidentiality or emergency toggles', advisorInVisit, 'privacy.manage', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never reads Mon histoire de santé', advisorInVisit, 'care-history.read', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never reads notifications', advisorInVisit, 'notifications.read', own('ACTIVE'), 'advisor-no-medical'],
  ['FS-4: even in a visit, an advisor never changes representatives', advisorInVisit, 'profile.representatives.admin', child('ACTIVE'), 'wrong-audience'],
  ['FS-4: even in a visit, an advisor never withdraws an opposition nor closes through the back-office', advisorInVisit, 'profile.close.record', own('ACTIVE'), 'wrong-audience'],
  ['FS-1: a supervisor creates, deactivates or reactivates an advisor account', supervisor, 'advisor.manage', undefined, 'allow'],
  ['FS-1: an agent cannot create or deactivate an advisor account', agent, 'advisor.manage', undefined, 'supervisor-only-advisors'],
  ['FS-1: an advisor cannot manage advisor accounts', advisor, 'advisor.manage', undefined, 'wrong-audience'],
  ['FS-1: an agent sends an advisor a new password link', agent, 'advisor.reset', undefined, 'allow'],
  ['FS-1: an advisor cannot reset another advisor', advisor, 'advisor.reset', undefined, 'wrong-audience'],
  ['FS-1: an agent reads the advisor accounts', agent, 'advisor.read', undefined, 'allow'],
  ['FS-1: a patient has no view of advisor accounts', holder, 'advisor.read', undefined, 'wrong-audience'],
  ['PRO: the professional space is professionals-only', holder, 'pro.access', undefined, 'wrong-audience'],
  ['PRO: a professional opens their space', gp, 'pro.access', undefined, 'allow'],
  ['ACT-1: a person being enrolled has no access to anything', enrolment, 'profile.view', own('PENDING'), 'default-deny'],
  ['AID-4: an aidant consults the aidé’s medical data', aidantOfOwn, 'profile.medical.read', own('ACTIVE'), 'allow'],
  ['AID-4: an aidant views the aidé’s history', aidantOfOwn, 'profile.history.read', own('ACTIVE'), 'allow'],
  ['AID-4: an aidant adds documents and data', aidantOfOwn, 'document.add', own('ACTIVE'), 'allow'],
  ['AID-4, MSG-9: an aidant writes to the aidé’s professionals (labelled)', aidantOfOwn, 'message.write', own('ACTIVE'), 'allow'],
  ['AID-4, NOT-7: an aidant reads the aidé’s notifications', aidantOfOwn, 'notifications.read', own('ACTIVE'), 'allow'],
  ['AID-4: an aidant never manages sharing (confidentiality, emergency toggles, PS blocks, aidants)', aidantOfOwn, 'privacy.manage', own('ACTIVE'), 'aidant-not-allowed'],
  ['AID-4: an aidant never connects services', aidantOfOwn, 'service.connect', own('ACTIVE'), 'aidant-not-allowed'],
  ['AID-4: an aidant never requests closure', aidantOfOwn, 'profile.close', own('ACTIVE'), 'aidant-not-allowed'],
  ['AID-4: an aidant never downloads the aidé’s data', aidantOfOwn, 'profile.export', own('ACTIVE'), 'aidant-not-allowed'],
  ['AID-4: an aidant does not opt the aidé out of prevention', aidantOfOwn, 'prevention.manage', own('ACTIVE'), 'aidant-not-allowed'],
  ['AID-6: a suspended aidé’s profile is out of the aidant’s reach', aidantOfOwn, 'profile.medical.read', own('SUSPENDED'), 'profile-unavailable'],
  ['AID-4: an aidant reaches only the people it helps', aidantOfOwn, 'profile.medical.read', child('ACTIVE'), 'not-holder'],
];

describe('lib/access: one default-deny policy', () => {
  test.each(MATRIX)('%s', (_rule, actor, action, profile, expected) => {
    const decision = authorize(actor, action, profile ? { profile } : {});
    expect(decision.allowed ? 'allow' : decision.code).toBe(expected);
    if (!decision.allowed) expect(decision.reason).toMatch(/\S/);
  });

  test('an unknown action is denied', () => {
    expect(authorize(holder, 'profile.delete-everything' as Action, { profile: own('ACTIVE') })).toMatchObject({ allowed: false, code: 'default-deny' });
  });
});

describe('CAT-3, CAT-9, MEA-8: connected services', () => {
  const aidant: Actor = { kind: 'PATIENT', accountId: 'acc-3', name: 'Aidant', ownProfileId: 'p-aidant', representedProfileIds: [], aidedProfileIds: ['p-own'] };
  const service: Actor = { kind: 'SERVICE', serviceId: 'svc-1', name: 'Balance' };
  const consented = { status: 'EN_LIGNE' as const, consentedPurposes: ['MEASURES_WRITE'] };

  const CONNECT: [string, Actor, ProfileTarget, string][] = [
    ['CAT-9: the holder connects a service to their profile', holder, own('ACTIVE'), 'allow'],
    ['CAT-9: a representative connects a service to the child’s profile', holder, child('ACTIVE'), 'allow'],
    ['CAT-9: an aidant cannot connect a service for the person helped', aidant, own('ACTIVE'), 'aidant-not-allowed'],
    ['CAT-9: a stranger cannot connect a service to someone else’s profile', stranger, own('ACTIVE'), 'not-holder'],
    ['CAT-9: a France Services advisor never connects a service (FS-4)', advisor, own('ACTIVE'), 'advisor-no-medical'],
    ['CAT-9: a CNAM agent never connects a service', agent, own('ACTIVE'), 'staff-no-medical'],
    ['CAT-9: a professional has no patient-side settings', gp, own('ACTIVE'), 'wrong-audience'],
    ['CAT-8: a service cannot give itself consent', service, own('ACTIVE'), 'wrong-audience'],
    ['ACC-3: no service connection on a CLOSED profile', holder, own('CLOSED'), 'profile-unavailable'],
  ];
  test.each(CONNECT)('%s', (_rule, actor, profile, expected) => {
    const decision = authorize(actor, 'service.connect', { profile });
    expect(decision.allowed ? 'allow' : decision.code).toBe(expected);
  });

  const PUSH: [string, Actor, Parameters<typeof authorize>[2], string][] = [
    ['MEA-8: an EN_LIGNE service with MEASURES_WRITE consent pushes into an ACTIVE profile', service, { profile: own('ACTIVE'), service: consented }, 'allow'],
    ['MEA-8: without consent for that purpose the service is refused', service, { profile: own('ACTIVE'), service: { status: 'EN_LIGNE', consentedPurposes: ['MEASURES_READ'] } }, 'consent-not-given'],
    ['MEA-8: no consent at all (or disconnected, CAT-5): refused', service, { profile: own('ACTIVE'), service: { status: 'EN_LIGNE', consentedPurposes: [] } }, 'consent-not-given'],
    ['CAT-2: a SUSPENDUE service is refused even with consent', service, { profile: own('ACTIVE'), service: { ...consented, status: 'SUSPENDUE' } }, 'service-unavailable'],
    ['CAT-2: a HORS_LIGNE service is refused', service, { profile: own('ACTIVE'), service: { ...consented, status: 'HORS_LIGNE' } }, 'service-unavailable'],
    ['CAT-2: the service status is checked before the profile is looked at', service, { service: { ...consented, status: 'DEREFERENCEE' } }, 'service-unavailable'],
    ['MEA-8: an unknown profile is refused', service, { service: consented }, 'no-target'],
    ['ACC-3: a CLOSED profile receives nothing, consent or not', service, { profile: own('CLOSED'), service: consented }, 'profile-unavailable'],
    ['CAT-8: a patient does not push as a service', holder, { profile: own('ACTIVE'), service: consented }, 'wrong-audience'],
    ['CAT-8: a professional does not push as a service', gp, { profile: own('ACTIVE'), service: consented }, 'wrong-audience'],
    ['MEA-8: a push without the service’s status and consents is refused', service, { profile: own('ACTIVE') }, 'no-target'],
  ];
  test.each(PUSH)('%s', (_rule, actor, target, expected) => {
    const decision = authorize(actor, 'measure.push', target);
    expect(decision.allowed ? 'allow' : decision.code).toBe(expected);
  });

  test('CAT-8: a service is refused every other action (default deny)', () => {
    for (const action of ['profile.medical.read', 'profile.medical.write', 'document.add', 'profile.view', 'privacy.manage'] as Action[]) {
      expect(authorize(service, action, { profile: own('ACTIVE') }).allowed).toBe(false);
    }
  });
});

describe('AUD-6: who reads a profile’s traces among professionals', () => {
  const pro = (over: Partial<{ blocked: boolean; medecinTraitant: boolean }>) =>
    ({ blocked: false, authorised: true, administrateur: false, mode: 'NORMAL' as const, matrixAllows: false, medecinTraitant: false, ...over });
  test.each([
    ['AUD-6: the médecin traitant reads the history', pro({ medecinTraitant: true }), own('ACTIVE'), 'allow'],
    ['AUD-6: the médecin traitant also of a CREATED profile (PRO-12)', pro({ medecinTraitant: true }), own('CREATED'), 'allow'],
    ['AUD-6: another authorised professional does not', pro({}), own('ACTIVE'), 'pro-not-medecin-traitant'],
    ['PRO-6: a blocked médecin traitant does not', pro({ medecinTraitant: true, blocked: true }), own('ACTIVE'), 'pro-blocked'],
    ['PRO-12: nor on a CLOSED profile', pro({ medecinTraitant: true }), own('CLOSED'), 'profile-unavailable'],
  ] as const)('%s', (_rule, context, profile, expected) => {
    const decision = authorize(gp, 'profile.history.read', { profile, pro: context });
    expect(decision.allowed ? 'allow' : decision.code).toBe(expected);
  });
});
