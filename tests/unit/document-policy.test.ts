import { describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/access/actor';
import { DEFAULT_PRIVACY, patientDocumentScope, type DocumentTarget, type PrivacySettings, type ProContext } from '@/lib/access/document-access';
import { authorize, type Action, type ProfileTarget, type Target } from '@/lib/access/policy';

const holder: Actor = { kind: 'PATIENT', accountId: 'acc-h', name: 'Léa', ownProfileId: 'p-1', representedProfileIds: [] };
const parent: Actor = { kind: 'PATIENT', accountId: 'acc-r', name: 'Marc', ownProfileId: 'p-9', representedProfileIds: ['p-1'] };
const aidant: Actor = { kind: 'PATIENT', accountId: 'acc-a', name: 'Nora', ownProfileId: 'p-8', representedProfileIds: [], aidedProfileIds: ['p-1'] };
const stranger: Actor = { kind: 'PATIENT', accountId: 'acc-x', name: 'Paul', ownProfileId: 'p-7', representedProfileIds: [] };
const author: Actor = { kind: 'PROFESSIONAL', professionalId: 'ps-author', rpps: '10000000001', name: 'Dr Auteur', professionCode: '10', professionLabel: 'Médecin' };
const otherPs: Actor = { kind: 'PROFESSIONAL', professionalId: 'ps-other', rpps: '10000000002', name: 'Dr Autre', professionCode: '10', professionLabel: 'Médecin' };
const advisor: Actor = { kind: 'ADVISOR', staffId: 'adv', siteId: 'site', name: 'Conseiller' };
const agent: Actor = { kind: 'STAFF', staffId: 'st', role: 'AGENT', name: 'Agent' };

const profile: ProfileTarget = { id: 'p-1', state: 'ACTIVE', holderAccountId: 'acc-h' };
const doc = (over: Partial<DocumentTarget> = {}): DocumentTarget => ({
  id: 'd-1', profileId: 'p-1', status: 'ACTIVE', authorType: 'HEALTHCARE_PROFESSIONAL', authorProfessionalId: 'ps-author',
  masquePs: false, invisiblePatient: false, invisibleRepresentatives: false, ...over,
});
const mine = (over: Partial<DocumentTarget> = {}) => doc({ authorType: 'PATIENT', authorProfessionalId: null, ...over });
const masked = doc({ masquePs: true });
const bulkMasked = doc({ masquePs: true }); // VIS-3: mask-all puts a BULK mask on every document
const ps = (over: Partial<ProContext> = {}): ProContext => ({ blocked: false, authorised: true, administrateur: false, mode: 'NORMAL', matrixAllows: true, ...over });
const toggles = (over: Partial<PrivacySettings>): PrivacySettings => ({ ...DEFAULT_PRIVACY, ...over });

type Row = [rule: string, actor: Actor, action: Action, target: Omit<Target, 'profile'>, expected: string];

/** One row per case: the rule that decides it, the actor, the action, the document and context, the decision. */
const MATRIX: Row[] = [
  // Patient side: holder, representative, aidant, stranger
  ['VIS-6: the holder reads a document masked to professionals', holder, 'document.read', { document: masked }, 'allow'],
  ['VIS-6: the holder reads a document under mask-all', holder, 'document.read', { document: bulkMasked }, 'allow'],
  ['VIS-9: the holder does not see an invisible_patient document', holder, 'document.read', { document: doc({ invisiblePatient: true }) }, 'document-invisible'],
  ['VIS-14: the holder sees a document hidden from representatives', holder, 'document.read', { document: doc({ invisibleRepresentatives: true }) }, 'allow'],
  ['VIS-9: a representative does not see an invisible_patient document', parent, 'document.read', { document: doc({ invisiblePatient: true }) }, 'document-invisible'],
  ['VIS-14: a representative does not see a minor’s confidential document', parent, 'document.read', { document: doc({ invisibleRepresentatives: true }) }, 'document-invisible'],
  ['REP-5: a representative reads the child’s masked document', parent, 'document.read', { document: masked }, 'allow'],
  ['AID-4: an aidant reads the aidé’s documents', aidant, 'document.read', { document: masked }, 'allow'],
  ['AID-4: an aidant does not see invisible_patient documents', aidant, 'document.read', { document: doc({ invisiblePatient: true }) }, 'document-invisible'],
  ['VIS-14: an aidant does not see documents hidden from representatives', aidant, 'document.read', { document: doc({ invisibleRepresentatives: true }) }, 'document-invisible'],
  ['REP-1: nobody else reaches the document', stranger, 'document.read', { document: mine() }, 'not-holder'],
  ['DOC-9: a deleted document is gone from the patient side', holder, 'document.read', { document: doc({ status: 'DELETED' }) }, 'document-deleted'],
  ['DOC-11: an obsolete version stays readable (from the new one)', holder, 'document.read', { document: doc({ status: 'OBSOLETE' }) }, 'allow'],
  ['default deny: a document of another profile is not this profile’s', holder, 'document.read', { document: mine({ profileId: 'p-2' }) }, 'no-target'],
  // Edit and delete by author type
  ['DOC-5: the holder renames a document they added', holder, 'document.edit', { document: mine() }, 'allow'],
  ['DOC-5: a service’s document may be deleted by the patient side', parent, 'document.delete', { document: mine({ authorType: 'SERVICE_TIERS' }) }, 'allow'],
  ['DOC-5: a professional’s document cannot be renamed', holder, 'document.edit', { document: doc() }, 'document-author-protected'],
  ['DOC-5: a professional’s document cannot be deleted', holder, 'document.delete', { document: doc() }, 'document-author-protected'],
  ['DOC-5: a CNAM document cannot be deleted', holder, 'document.delete', { document: mine({ authorType: 'CNAM' }) }, 'document-author-protected'],
  ['DOC-5: a generated synthesis is protected', holder, 'document.edit', { document: mine({ authorType: 'MES' }) }, 'document-author-protected'],
  ['DOC-6: with the flag on, the holder deletes a professional’s document', holder, 'document.delete', { document: doc(), patientMayDeleteProfessionalDocuments: true }, 'allow'],
  ['DOC-6: with the flag on, a representative still may not', parent, 'document.delete', { document: doc(), patientMayDeleteProfessionalDocuments: true }, 'document-author-protected'],
  ['DOC-6: the flag never allows renaming', holder, 'document.edit', { document: doc(), patientMayDeleteProfessionalDocuments: true }, 'document-author-protected'],
  ['AID-4: an aidant deletes a document the patient side added', aidant, 'document.delete', { document: mine() }, 'allow'],
  ['DOC-5: any document may be pinned or filed', parent, 'document.organize', { document: doc() }, 'allow'],
  // Confidentiality
  ['VIS-2: the holder masks a document', holder, 'document.mask', { document: doc() }, 'allow'],
  ['VIS-2: a representative masks a child’s document', parent, 'document.mask', { document: doc() }, 'allow'],
  ['VIS-2, AID-4: an aidant cannot change confidentiality', aidant, 'document.mask', { document: doc() }, 'aidant-no-confidentiality'],
  ['VIS-9: a document the holder cannot see cannot be masked by them', holder, 'document.mask', { document: doc({ invisiblePatient: true }) }, 'document-invisible'],
  // Professionals
  ['VIS-8: the author reads its own document', author, 'document.read', { document: doc(), pro: ps() }, 'allow'],
  ['VIS-8: the author reads its own masked document', author, 'document.read', { document: masked, pro: ps() }, 'allow'],
  ['VIS-8: the author reads it even without authorisation or matrix row', author, 'document.read', { document: masked, pro: ps({ authorised: false, matrixAllows: false }) }, 'allow'],
  ['PRO-6: a blocked author is refused its own document', author, 'document.read', { document: doc(), pro: ps({ blocked: true }) }, 'pro-blocked'],
  ['PRO-4/PRO-5: an authorised professional reads an unmasked document', otherPs, 'document.read', { document: doc(), pro: ps() }, 'allow'],
  ['PRO-5: without authorisation a professional is refused', otherPs, 'document.read', { document: doc(), pro: ps({ authorised: false }) }, 'pro-not-authorised'],
  ['VIS-6: another professional is refused a masked document', otherPs, 'document.read', { document: masked, pro: ps() }, 'pro-masked'],
  ['VIS-3: under mask-all every other professional is refused', otherPs, 'document.read', { document: bulkMasked, pro: ps() }, 'pro-masked'],
  ['VIS-7: the administrateur reads a masked document', otherPs, 'document.read', { document: masked, pro: ps({ administrateur: true }) }, 'allow'],
  ['VIS-8: the administrateur still needs the matrix', otherPs, 'document.read', { document: masked, pro: ps({ administrateur: true, matrixAllows: false }) }, 'pro-matrix'],
  ['PRO-6: a blocked administrateur is refused', otherPs, 'document.read', { document: masked, pro: ps({ administrateur: true, blocked: true }) }, 'pro-blocked'],
  ['PRO-9: the matrix denies this profession this document', otherPs, 'document.read', { document: doc(), pro: ps({ matrixAllows: false }) }, 'pro-matrix'],
  ['VIS-9/VIS-14: professionals see documents hidden from the patient side', otherPs, 'document.read', { document: doc({ invisiblePatient: true, invisibleRepresentatives: true }), pro: ps() }, 'allow'],
  ['DOC-9: a deleted document is gone for professionals', otherPs, 'document.read', { document: doc({ status: 'DELETED' }), pro: ps() }, 'document-deleted'],
  // Emergency
  ['EMG-2: bris de glace reads an unmasked document without authorisation', otherPs, 'document.read', { document: doc(), pro: ps({ authorised: false, mode: 'EMERGENCY' }) }, 'allow'],
  ['EMG-1: toggle 2 off refuses bris de glace', otherPs, 'document.read', { document: doc(), pro: ps({ authorised: false, mode: 'EMERGENCY' }), privacy: toggles({ emergencyOther: false }) }, 'pro-emergency-off'],
  ['EMG-3: regulation mode reads without authorisation', otherPs, 'document.read', { document: doc(), pro: ps({ authorised: false, mode: 'REGULATION' }) }, 'allow'],
  ['EMG-1: toggle 1 off refuses regulation', otherPs, 'document.read', { document: doc(), pro: ps({ authorised: false, mode: 'REGULATION' }), privacy: toggles({ emergencyRegulation: false }) }, 'pro-emergency-off'],
  ['EMG-1: toggle 1 off leaves bris de glace alone', otherPs, 'document.read', { document: doc(), pro: ps({ authorised: false, mode: 'EMERGENCY' }), privacy: toggles({ emergencyRegulation: false }) }, 'allow'],
  ['VIS-6, EMG-1: an emergency reader is refused a masked document (toggle 3 off by default)', otherPs, 'document.read', { document: masked, pro: ps({ mode: 'EMERGENCY' }) }, 'pro-masked'],
  ['VIS-6, EMG-1: with toggle 3 on, an emergency reader sees a masked document', otherPs, 'document.read', { document: masked, pro: ps({ mode: 'EMERGENCY' }), privacy: toggles({ emergencyMaskedVisible: true }) }, 'allow'],
  ['VIS-3, EMG-1: with toggle 3 on, regulation sees documents under mask-all', otherPs, 'document.read', { document: bulkMasked, pro: ps({ mode: 'REGULATION' }), privacy: toggles({ emergencyMaskedVisible: true, maskAll: true }) }, 'allow'],
  ['VIS-6: toggle 3 does not open masked documents outside an emergency', otherPs, 'document.read', { document: masked, pro: ps() , privacy: toggles({ emergencyMaskedVisible: true }) }, 'pro-masked'],
  ['PRO-6, EMG-4: a blocked professional is refused even in an emergency', otherPs, 'document.read', { document: doc(), pro: ps({ blocked: true, mode: 'EMERGENCY' }) }, 'pro-blocked'],
  ['EMG-4: the matrix still applies in an emergency', otherPs, 'document.read', { document: doc(), pro: ps({ mode: 'EMERGENCY', matrixAllows: false }) }, 'pro-matrix'],
  ['EMG-2: the emergency grant is read-only', otherPs, 'document.edit', { document: doc(), pro: ps({ mode: 'EMERGENCY' }) }, 'pro-not-author'],
  ['DOC-9: only the author deletes', otherPs, 'document.delete', { document: doc(), pro: ps({ administrateur: true }) }, 'pro-not-author'],
  ['DOC-9: the author deletes its document', author, 'document.delete', { document: doc(), pro: ps() }, 'allow'],
  ['VIS-2: masking is a patient-side action', author, 'document.mask', { document: doc(), pro: ps() }, 'pro-not-author'],
  ['PRO-4: a professional without established context is refused', otherPs, 'document.read', { document: doc() }, 'pro-not-authorised'],
  // Advisors and staff
  ['FS-4: an advisor never reads a document', advisor, 'document.read', { document: mine() }, 'advisor-no-medical'],
  ['FS-4: an advisor never masks a document', advisor, 'document.mask', { document: mine() }, 'advisor-no-medical'],
  ['FS-4: an advisor never adds a document', advisor, 'document.add', {}, 'advisor-no-medical'],
  ['BO: staff never read a document', agent, 'document.read', { document: mine() }, 'staff-no-medical'],
  ['BO: staff never delete a document', agent, 'document.delete', { document: mine() }, 'staff-no-medical'],
  // Adding
  ['DOC-2: the holder adds a document', holder, 'document.add', {}, 'allow'],
  ['DOC-2: a representative adds a document to the child’s profile', parent, 'document.add', {}, 'allow'],
  ['AID-4: an aidant adds a document', aidant, 'document.add', {}, 'allow'],
  ['REP-1: a stranger adds nothing', stranger, 'document.add', {}, 'not-holder'],
  ['DOC-2: professionals deposit through their own side, not this action', author, 'document.add', {}, 'wrong-audience'],
  // Mask-all, emergency toggles, blocks
  ['VIS-3, EMG-1, PRO-7: the holder manages confidentiality', holder, 'privacy.manage', {}, 'allow'],
  ['REP-5: a representative manages the child’s confidentiality', parent, 'privacy.manage', {}, 'allow'],
  ['AID-4: an aidant never manages confidentiality, toggles or blocks', aidant, 'privacy.manage', {}, 'aidant-not-allowed'],
  ['FS-4: an advisor never changes confidentiality', advisor, 'privacy.manage', {}, 'advisor-no-medical'],
  ['BO: staff never change confidentiality', agent, 'privacy.manage', {}, 'staff-no-medical'],
  ['VIS-7: the administrateur does not change settings from the patient side', otherPs, 'privacy.manage', {}, 'wrong-audience'],
  ['REP-1: a stranger manages nothing', stranger, 'privacy.manage', {}, 'not-holder'],
  // Data export
  ['CLO-12: the holder downloads their data', holder, 'profile.export', {}, 'allow'],
  ['CLO-12: a representative downloads the child’s data', parent, 'profile.export', {}, 'allow'],
  ['CLO-12, AID-4: an aidant never requests a data download', aidant, 'profile.export', {}, 'aidant-not-allowed'],
  ['CLO-12, FS-4: an advisor never downloads medical data', advisor, 'profile.export', {}, 'advisor-no-medical'],
  ['CLO-12: staff never download a profile’s data', agent, 'profile.export', {}, 'staff-no-medical'],
];

describe('DOC, VIS, PRO-6, EMG: the document policy, one row per rule', () => {
  test.each(MATRIX)('%s', (_rule, actor, action, target, expected) => {
    const decision = authorize(actor, action, { profile, ...target });
    expect(decision.allowed ? 'allow' : decision.code).toBe(expected);
    if (!decision.allowed) expect(decision.reason).toMatch(/\S/);
  });

  test('ACC-3: a closed profile is unavailable to the patient side, document or not', () => {
    const closed = { ...profile, state: 'CLOSED' as const };
    expect(authorize(holder, 'document.read', { profile: closed, document: mine() })).toMatchObject({ allowed: false, code: 'profile-unavailable' });
    expect(authorize(holder, 'document.add', { profile: closed })).toMatchObject({ allowed: false, code: 'profile-unavailable' });
  });

  test('VIS-9, VIS-14: the SQL scope of the lists hides exactly what the policy refuses, for every role and flag', () => {
    const roles = [[holder, 'HOLDER'], [parent, 'REPRESENTATIVE'], [aidant, 'AIDANT']] as const;
    for (const [actor, role] of roles) {
      for (const invisiblePatient of [false, true]) {
        for (const invisibleRepresentatives of [false, true]) {
          const scope = patientDocumentScope(role);
          const hidden = (invisiblePatient && scope.hideInvisiblePatient) || (invisibleRepresentatives && scope.hideInvisibleRepresentatives);
          const decision = authorize(actor, 'document.read', { profile, document: doc({ invisiblePatient, invisibleRepresentatives }) });
          expect(decision.allowed).toBe(!hidden);
        }
      }
    }
  });
});
