import { describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/access/actor';
import type { DocumentTarget, ProContext } from '@/lib/access/document-access';
import { authorize, type Action, type DenyCode, type ProfileTarget, type Target } from '@/lib/access/policy';

/**
 * Issue #8: the advisor (FS-1..4) and aidant (AID-4) rows for EVERY action of the policy. Both tables are
 * `Record<Action, …>`: adding an action to the union without its rows here fails the typecheck.
 * Expected values come from DOMAIN.md (the rule cited in each row), not from what the code returns.
 */
type Expected = 'allow' | DenyCode;

// FS-2: a visit for the person holding p-own (covering their child p-child), 30 minutes in; the same visit at 60 minutes.
const visit = {
  id: 'v-1', personProfileId: 'p-own', profileIds: ['p-own', 'p-child'],
  expiresAt: new Date('2026-11-29T11:00:00Z'), endedAt: null, checkedAt: new Date('2026-11-29T10:30:00Z'),
};
const advisor: Actor = { kind: 'ADVISOR', staffId: 's-3', siteId: 'site-1', name: 'Conseillère' };
const advisorInVisit: Actor = { ...advisor, visit };
const advisorExpired: Actor = { ...advisor, visit: { ...visit, checkedAt: new Date('2026-11-29T11:00:00Z') } };
/** AID-4: an accepted aidant of p-own, with its own profile. */
const aidantOfOwn: Actor = { kind: 'PATIENT', accountId: 'acc-4', name: 'Aidant', ownProfileId: 'p-aidant', representedProfileIds: [], aidedProfileIds: ['p-own'] };

const own = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-own', state, holderAccountId: 'acc-1' });
const child = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-child', state, holderAccountId: null });
const notCovered = (state: ProfileTarget['state']): ProfileTarget => ({ id: 'p-other', state, holderAccountId: 'acc-2' });

const active = own('ACTIVE');
/** A document the patient side added (DOC-4 author PATIENT), and one a professional deposited. */
const patientDoc: DocumentTarget = {
  id: 'd-1', profileId: 'p-own', status: 'ACTIVE', authorType: 'PATIENT', authorProfessionalId: null,
  masquePs: false, invisiblePatient: false, invisibleRepresentatives: false,
};
const psDoc: DocumentTarget = { ...patientDoc, id: 'd-2', authorType: 'HEALTHCARE_PROFESSIONAL', authorProfessionalId: 'pro-1' };
/** VIS-9: set by the author until the consultation d'annonce. */
const invisibleDoc: DocumentTarget = { ...psDoc, id: 'd-3', invisiblePatient: true };
const pro: ProContext = { blocked: false, authorised: true, administrateur: false, mode: 'NORMAL', matrixAllows: true, medecinTraitant: true };
const consented = { status: 'EN_LIGNE' as const, consentedPurposes: ['MEASURES_WRITE'] };

const onProfile: Target = { profile: active };
const onDocument = (document: DocumentTarget): Target => ({ profile: active, document });
const asProfessional: Target = { profile: active, pro };
const none: Target = {};

const outcome = (actor: Actor, action: Action, target: Target): Expected => {
  const decision = authorize(actor, action, target);
  if (!decision.allowed) expect(decision.reason).toMatch(/\S/);
  return decision.allowed ? 'allow' : decision.code;
};

// ---------------------------------------------------------------------------------------------------------------
// 1. ADVISOR (FS-1..4)
// ---------------------------------------------------------------------------------------------------------------

/**
 * `inVisit`: an advisor in an active visit, on the present person's profile; `withoutVisit`: the same advisor with
 * no visit. `scope` (FS-3 actions): the same visit on a profile it does not cover, and the visit after 60 minutes.
 */
type AdvisorRow = {
  rule: string; target: Target; inVisit: Expected; withoutVisit: Expected;
  scope?: { notCoveredTarget: Target; notCovered: Expected; expired: Expected };
};

const fs4 = (rule: string, target: Target = onProfile): AdvisorRow => ({ rule, target, inVisit: 'advisor-no-medical', withoutVisit: 'advisor-no-medical' });
const elsewhere = (rule: string, target: Target = none): AdvisorRow => ({ rule, target, inVisit: 'wrong-audience', withoutVisit: 'wrong-audience' });
/** FS-3: allowed within the visit covering the profile; refused outside it (FS-2). */
const assisted = (rule: string, profile: ProfileTarget, withoutVisit: Expected): AdvisorRow => ({
  rule, target: { profile }, inVisit: 'allow', withoutVisit,
  scope: { notCoveredTarget: { profile: notCovered(profile.state) }, notCovered: 'advisor-not-covered', expired: 'advisor-visit-expired' },
});

const ADVISOR: Record<Action, AdvisorRow> = {
  'profile.view': fs4('FS-4: an advisor never opens the person’s dashboard'),
  'profile.history.read': fs4('FS-4: an advisor never reads history details'),
  'profile.medical.read': fs4('FS-4: an advisor never reads medical content'),
  'profile.medical.write': fs4('FS-4: an advisor never enters profil médical data or measures'),
  'profile.create': elsewhere('BO-4, FS-1: an advisor never creates a beneficiary (no person search either)'),
  // FS-3 needs the civil status and state to help; without a visit, this is the back-office summary (BO, FS-2).
  'profile.admin.read': assisted('FS-3, FS-2: an advisor sees the civil status and state of a person in the visit only', active, 'wrong-audience'),
  'profile.code.reissue': assisted('FS-3, BO-3: an advisor sends a new code provisoire in the visit only', own('CREATED'), 'wrong-audience'),
  'profile.oppose.record': assisted('FS-3, OPP-2: an advisor records an opposition in the window, in the visit only', own('PENDING'), 'wrong-audience'),
  'profile.oppose.withdraw': elsewhere('OPP-9, FS-3: withdrawing an opposition is not among the advisor’s tasks', { profile: own('OPPOSED') }),
  'profile.activate.assist': assisted('FS-3: an advisor helps the person activate, in the visit only', own('PENDING'), 'advisor-assisted-only'),
  'profile.representatives.share': elsewhere('FS-4, REP-3: an advisor never changes representatives', { profile: child('ACTIVE') }),
  'profile.representatives.admin': elsewhere('FS-4, BO-5: an advisor never changes representatives', { profile: child('ACTIVE') }),
  'profile.aidants.admin': elsewhere('FS-4, AID-6: an advisor never ends an aidant link (staff do, on the holder’s request)', { profile: own('ACTIVE') }),
  'profile.close': elsewhere('CLO-1: the web closure is the holder’s or a representative’s own', onProfile),
  'profile.close.record': elsewhere('BO-6, CLO-2: an advisor does not use the back-office closure path', onProfile),
  'profile.close.assist': assisted('FS-3, CLO-2, CLO-5: an advisor records the present person’s closure or deletion request, in the visit only', active, 'advisor-assisted-only'),
  'backoffice.access': elsewhere('BO: the back-office is for CNAM staff'),
  'backoffice.mailbox.read': elsewhere('BO: the demo mailbox is for CNAM staff'),
  'backoffice.jobs.retry': elsewhere('BO-9: retrying jobs is for CNAM staff'),
  'population.import': elsewhere('BO-1: importing the population is for CNAM staff'),
  'campaign.read': elsewhere('BO-1: campaign statistics are for CNAM staff'),
  'campaign.manage': elsewhere('BO-1: running campaigns is for CNAM staff'),
  'document.add': fs4('FS-4: an advisor never adds a document'),
  'document.read': fs4('FS-4: an advisor never reads a document', onDocument(patientDoc)),
  'document.organize': fs4('FS-4: an advisor never files or pins a document', onDocument(patientDoc)),
  'document.edit': fs4('FS-4: an advisor never renames a document', onDocument(patientDoc)),
  'document.delete': fs4('FS-4: an advisor never deletes a document', onDocument(patientDoc)),
  'document.mask': fs4('FS-4, VIS-2: an advisor never changes confidentiality', onDocument(patientDoc)),
  'profile.export': fs4('FS-4, CLO-12: an advisor never downloads the person’s data'),
  'privacy.manage': fs4('FS-4: an advisor never changes confidentiality, emergency toggles or PS blocks'),
  'notifications.read': fs4('FS-4, NOT-7: an advisor never reads the person’s notifications'),
  'notifications.manage': assisted('FS-3, NOT-1: an advisor changes the person’s notification settings, in the visit only', active, 'advisor-assisted-only'),
  'account.contact.change': assisted('FS-3: an advisor helps the person change their email or mobile, in the visit only', active, 'advisor-assisted-only'),
  'account.credentials.change': fs4('FS-4: an advisor never sees nor sets a password or an identifiant, even in a visit', none),
  'care-history.read': fs4('FS-4, HIS-1: an advisor never reads Mon histoire de santé'),
  'care-history.import': elsewhere('HIS-1, HIS-3: the reimbursement feed is loaded by CNAM staff'),
  'service.connect': fs4('FS-4, CAT-9: an advisor never connects a service'),
  'measure.push': elsewhere('MEA-8, CAT-8: only a connected service pushes measures', { profile: active, service: consented }),
  'matrix.read': elsewhere('BO-7, PRO-9: the matrice d’habilitation is not the advisor’s'),
  'matrix.publish': elsewhere('BO-7: matrix versions are published by supervisors'),
  'reference.read': elsewhere('BO-7: reference data is for CNAM staff'),
  'reference.publish': elsewhere('BO-7: reference data is published by supervisors'),
  'api-client.manage': elsewhere('PRO-1, PRO-2: professional software is registered by CNAM staff'),
  'patient.check': fs4('FS-1, PRO-3: an advisor has no person search, nor the professional access check', asProfessional),
  'patient.authorise': fs4('FS-4, PRO-4, PRO-5: an advisor never records a professional’s authorisation', asProfessional),
  'patient.open': fs4('FS-4, PRO-11: an advisor never opens a record as a professional', asProfessional),
  'emergency.start': fs4('FS-4, EMG-2: an advisor never starts an emergency access',
    { ...asProfessional, emergency: { mode: 'EMERGENCY', occupational: false } }),
  'emergency.report': elsewhere('EMG-7, BO-9: the per-professional emergency report is for CNAM staff'),
  'professional.inactive.mark': elsewhere('MSG-11: CNAM staff record that a professional no longer practises'),
  'document.deposit': fs4('FS-4, PRO-8: an advisor never deposits a document', asProfessional),
  'document.replace': fs4('FS-4, DOC-11: an advisor never replaces a document', { ...onDocument(psDoc), pro }),
  'document.hide-from-patient': fs4('FS-4, VIS-9: an advisor never hides a document from the patient', { ...onDocument(psDoc), pro }),
  'document.show-to-patient': fs4('FS-4, VIS-9: an advisor never lifts invisible_patient', { ...onDocument(invisibleDoc), pro }),
  'message.read': fs4('FS-4, MSG-6: an advisor never reads messages'),
  'message.write': fs4('FS-4, MSG-6: an advisor never writes messages'),
  'message.send': fs4('FS-4, MSG-2: an advisor never writes as a professional', asProfessional),
  'message.pharmacy': elsewhere('MSG-3: a pharmacy’s conversations are for professionals at its FINESS',
    { ...asProfessional, pharmacy: { finess: '750000001' } }),
  'prevention.manage': elsewhere('PRV-8: the prevention opt-out is the holder’s or a representative’s', onProfile),
  // FS-1: the advisor's own space is open with or without a visit: a new visit starts from it (FS-2).
  'advisor.access': { rule: 'FS-1, FS-2: an advisor opens their space, with or without a visit', target: none, inVisit: 'allow', withoutVisit: 'allow',
    scope: { notCoveredTarget: { profile: notCovered('ACTIVE') }, notCovered: 'allow', expired: 'allow' } },
  'advisor.read': elsewhere('FS-1: advisor accounts are listed by CNAM staff'),
  'advisor.manage': elsewhere('FS-1: advisor accounts are managed by supervisors'),
  'advisor.reset': elsewhere('FS-1: advisor passwords are reset by CNAM staff (FS-4: an advisor never sees one)'),
  'pro.access': elsewhere('PRO-1: the professional space is for professionals'),
};

/** FS-3's list, plus the advisor's own space (FS-1). */
const ASSISTED_ACTIONS: Action[] = [
  'profile.admin.read', 'profile.code.reissue', 'profile.oppose.record', 'profile.activate.assist', 'profile.close.assist',
  'notifications.manage', 'account.contact.change', 'advisor.access',
];

const advisorEntries = Object.entries(ADVISOR) as [Action, AdvisorRow][];

describe('FS-1..4: an advisor, for every action', () => {
  test('FS-3: the rows checking the visit’s scope are exactly the advisor’s tasks', () => {
    expect(advisorEntries.filter(([, row]) => row.scope).map(([action]) => action).sort()).toEqual([...ASSISTED_ACTIONS].sort());
    expect(advisorEntries.filter(([, row]) => row.inVisit === 'allow').map(([action]) => action).sort()).toEqual([...ASSISTED_ACTIONS].sort());
  });

  test.each(advisorEntries.map(([action, row]) => [`${row.rule} — in a visit, ${action} → ${row.inVisit}`, action, row] as const))(
    '%s', (_name, action, row) => {
      expect(outcome(advisorInVisit, action, row.target)).toBe(row.inVisit);
    });

  test.each(advisorEntries.map(([action, row]) => [`${row.rule} — without a visit (FS-2), ${action} → ${row.withoutVisit}`, action, row] as const))(
    '%s', (_name, action, row) => {
      expect(outcome(advisor, action, row.target)).toBe(row.withoutVisit);
    });

  const scoped = advisorEntries.flatMap(([action, row]) => (row.scope ? [[action, row.rule, row.target, row.scope] as const] : []));
  test.each(scoped.map(([action, rule, , scope]) => [`FS-2 (${rule}) — a profile the visit does not cover, ${action} → ${scope.notCovered}`, action, scope] as const))(
    '%s', (_name, action, scope) => {
      expect(outcome(advisorInVisit, action, scope.notCoveredTarget)).toBe(scope.notCovered);
    });
  test.each(scoped.map(([action, rule, target, scope]) => [`FS-2 (${rule}) — after 60 minutes, ${action} → ${scope.expired}`, action, target, scope] as const))(
    '%s', (_name, action, target, scope) => {
      expect(outcome(advisorExpired, action, target)).toBe(scope.expired);
    });

  test.each([
    ['FS-3, CLO-5, ACC-2 T9: in a visit, an advisor records the deletion request of a CLOSED profile', 'profile.close.assist', { profile: own('CLOSED') }, 'allow'],
    ['FS-2, FS-3: in a visit, an advisor records the closure request of a covered child', 'profile.close.assist', { profile: child('ACTIVE') }, 'allow'],
    ['FS-3: notification settings are the present person’s account, not a covered child’s', 'notifications.manage', { profile: child('ACTIVE') }, 'advisor-not-covered'],
    ['FS-3: contact details are the present person’s account, not a covered child’s', 'account.contact.change', { profile: child('ACTIVE') }, 'advisor-not-covered'],
  ] as [string, Action, Target, Expected][])('%s', (_rule, action, target, expected) => {
    expect(outcome(advisorInVisit, action, target)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. AIDANT (AID-4)
// ---------------------------------------------------------------------------------------------------------------

type AidantRow = { rule: string; target: Target; expected: Expected };
const can = (rule: string, target: Target = onProfile): AidantRow => ({ rule, target, expected: 'allow' });
const cannot = (rule: string, target: Target = onProfile): AidantRow => ({ rule, target, expected: 'aidant-not-allowed' });
const otherAudience = (rule: string, target: Target = none): AidantRow => ({ rule, target, expected: 'wrong-audience' });

/** An accepted aidant of p-own on the aidé's ACTIVE profile (its own account for its own settings). */
const AIDANT: Record<Action, AidantRow> = {
  // The account opens the profiles it helps (DOMAIN terms); AID-4: it consults the data, documents and history there.
  'profile.view': can('AID-4: an aidant opens the aidé’s profile to consult it'),
  'profile.history.read': can('AID-4, AUD-6: an aidant views the aidé’s history'),
  'profile.medical.read': can('AID-4: an aidant consults the aidé’s data'),
  'profile.medical.write': can('AID-4, PRF-2, MEA-2: an aidant adds and modifies the aidé’s data'),
  'profile.create': otherAudience('BO-4: creating a beneficiary is for CNAM staff'),
  'profile.admin.read': otherAudience('BO: the administrative summary is for CNAM staff', onProfile),
  'profile.code.reissue': otherAudience('BO-3: reissuing a code is for CNAM staff (and advisors, FS-3)', { profile: own('CREATED') }),
  'profile.oppose.record': otherAudience('BO-2: recording an opposition is for CNAM staff (and advisors, FS-3)', { profile: own('PENDING') }),
  'profile.oppose.withdraw': otherAudience('OPP-9: withdrawing an opposition in the back-office is for CNAM staff', { profile: own('OPPOSED') }),
  'profile.activate.assist': otherAudience('FS-3: assisted activation is for advisors', { profile: own('PENDING') }),
  'profile.representatives.share': { rule: 'REP-3, AID-4: only a representative invites another one; an aidant manages no sharing', target: onProfile, expected: 'not-holder' },
  'profile.representatives.admin': otherAudience('BO-5: representatives are granted and revoked by CNAM staff', onProfile),
  'profile.aidants.admin': otherAudience('AID-6, BO: an aidant link is ended by staff only on the holder’s request', onProfile),
  'profile.close': cannot('AID-4, CLO-1: an aidant never requests the aidé’s closure or deletion'),
  'profile.close.record': otherAudience('BO-6: the back-office closure is for CNAM staff', onProfile),
  'profile.close.assist': otherAudience('FS-3: an assisted closure request is for advisors', onProfile),
  'backoffice.access': otherAudience('BO: the back-office is for CNAM staff'),
  'backoffice.mailbox.read': otherAudience('BO: the demo mailbox is for CNAM staff'),
  'backoffice.jobs.retry': otherAudience('BO-9: retrying jobs is for CNAM staff'),
  'population.import': otherAudience('BO-1: importing the population is for CNAM staff'),
  'campaign.read': otherAudience('BO-1: campaign statistics are for CNAM staff'),
  'campaign.manage': otherAudience('BO-1: running campaigns is for CNAM staff'),
  'document.add': can('AID-4, DOC-2: an aidant adds a document to the aidé’s profile'),
  'document.read': can('AID-4, DOC-3: an aidant reads a professional’s document of the aidé', onDocument(psDoc)),
  'document.organize': can('AID-4, DOC-5: an aidant pins or files any of the aidé’s documents', onDocument(psDoc)),
  'document.edit': can('AID-4, DOC-5: an aidant renames a patient-added document', onDocument(patientDoc)),
  'document.delete': can('AID-4, DOC-5: an aidant deletes a patient-added document', onDocument(patientDoc)),
  'document.mask': { rule: 'AID-4, VIS-2: an aidant never changes a document’s confidentiality', target: onDocument(psDoc), expected: 'aidant-no-confidentiality' },
  'profile.export': cannot('AID-4, CLO-12: an aidant never downloads the aidé’s data'),
  'privacy.manage': cannot('AID-4, VIS-3, EMG-1, PRO-7: an aidant never manages confidentiality, emergency toggles or PS blocks'),
  'notifications.read': can('AID-4, NOT-7: an aidant receives and reads the aidé’s notifications'),
  'notifications.manage': can('AID-4, NOT-1: an aidant sets its own account’s switches (never the aidé’s: another account)', none),
  'account.contact.change': can('AID-4: an aidant changes its own contact details (never the aidé’s: another account)', none),
  'account.credentials.change': can('AID-4, ACT-7: an aidant changes its own identifiant and password (never the aidé’s: another account)', none),
  'care-history.read': can('AID-4, HIS-1: an aidant consults the aidé’s Mon histoire de santé'),
  'care-history.import': otherAudience('HIS-1, HIS-3: the reimbursement feed is loaded by CNAM staff'),
  'service.connect': cannot('AID-4, CAT-9: an aidant never connects a service for the aidé'),
  'measure.push': otherAudience('MEA-8, CAT-8: only a connected service pushes measures', { profile: active, service: consented }),
  'matrix.read': can('PRO-10: patient-side accounts browse the matrice d’habilitation read-only', none),
  'matrix.publish': otherAudience('BO-7, PRO-10: the patient side never widens the matrix'),
  'reference.read': otherAudience('BO-7: reference data is for CNAM staff'),
  'reference.publish': otherAudience('BO-7: reference data is published by supervisors'),
  'api-client.manage': otherAudience('PRO-1, PRO-2: professional software is registered by CNAM staff'),
  'patient.check': otherAudience('PRO-3: the access check is for professionals', asProfessional),
  'patient.authorise': otherAudience('PRO-4, PRO-5: authorisations are recorded by professionals', asProfessional),
  'patient.open': otherAudience('PRO-11: professionals open a record; an aidant uses the patient side', asProfessional),
  'emergency.start': otherAudience('EMG-2: emergency access is for professionals', { ...asProfessional, emergency: { mode: 'EMERGENCY', occupational: false } }),
  'emergency.report': otherAudience('EMG-7, BO-9: the emergency report is for CNAM staff'),
  'professional.inactive.mark': otherAudience('MSG-11: CNAM staff record that a professional no longer practises'),
  'document.deposit': otherAudience('PRO-8: professionals deposit; an aidant adds (document.add)', asProfessional),
  'document.replace': otherAudience('DOC-11: replacing is the author professional’s', { ...onDocument(patientDoc), pro }),
  'document.hide-from-patient': otherAudience('VIS-9: only the author professional sets invisible_patient', { ...onDocument(patientDoc), pro }),
  'document.show-to-patient': otherAudience('VIS-9: only a professional lifts invisible_patient', { ...onDocument(patientDoc), pro }),
  'message.read': can('AID-4, MSG-4: an aidant reads the aidé’s messages'),
  'message.write': can('AID-4, MSG-9: an aidant writes to the aidé’s professionals (labelled)'),
  'message.send': otherAudience('MSG-2: professionals start conversations; an aidant writes from the patient side', asProfessional),
  'message.pharmacy': otherAudience('MSG-3: a pharmacy’s conversations are for professionals at its FINESS',
    { ...asProfessional, pharmacy: { finess: '750000001' } }),
  'prevention.manage': cannot('PRV-8, AID-4: the prevention opt-out is the holder’s or a representative’s'),
  'advisor.access': otherAudience('FS-1: the advisor space is for advisors'),
  'advisor.read': otherAudience('FS-1: advisor accounts are listed by CNAM staff'),
  'advisor.manage': otherAudience('FS-1: advisor accounts are managed by supervisors'),
  'advisor.reset': otherAudience('FS-1: advisor passwords are reset by CNAM staff'),
  'pro.access': otherAudience('PRO-1: the professional space is for professionals'),
};

describe('AID-4: an accepted aidant on the aidé’s ACTIVE profile, for every action', () => {
  test.each((Object.entries(AIDANT) as [Action, AidantRow][]).map(([action, row]) => [`${row.rule} — ${action} → ${row.expected}`, action, row] as const))(
    '%s', (_name, action, row) => {
      expect(outcome(aidantOfOwn, action, row.target)).toBe(row.expected);
    });

  test.each([
    ['AID-4, VIS-9: an aidant never sees an invisible_patient document', 'document.read', onDocument(invisibleDoc), 'document-invisible'],
    ['AID-4, VIS-9: nor files one', 'document.organize', onDocument(invisibleDoc), 'document-invisible'],
    ['AID-4, DOC-5: an aidant does not rename a professional’s document', 'document.edit', onDocument(psDoc), 'document-author-protected'],
    ['AID-4, DOC-5: an aidant does not delete a professional’s document', 'document.delete', onDocument(psDoc), 'document-author-protected'],
    ['AID-4, DOC-6: even with the flag on, only the holder deletes a professional’s document', 'document.delete',
      { ...onDocument(psDoc), patientMayDeleteProfessionalDocuments: true }, 'document-author-protected'],
  ] as [string, Action, Target, Expected][])('%s', (_rule, action, target, expected) => {
    expect(outcome(aidantOfOwn, action, target)).toBe(expected);
  });
});
