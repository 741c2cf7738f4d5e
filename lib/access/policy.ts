import type { ProfileState } from '@/lib/accounts/lifecycle';
import type { Action } from './actions';
import type { Actor, AdvisorActor } from './actor';
import {
  DEFAULT_PRIVACY, DOCUMENT_REASONS, patientDocumentDecision, patientRole, professionalDocumentDecision,
  type DocumentDenyCode, type DocumentOperation, type DocumentTarget, type PrivacySettings, type ProContext,
} from './document-access';
import { CARE_HISTORY_REASONS, careHistoryVisibleToProfessional, type CareHistoryDenyCode } from './care-history-access';
import {
  PROFESSIONAL_REASONS, professionalProfileDecision, type EmergencyRequest, type ProfessionalProfileDenyCode, type ProfessionalProfileOperation,
} from './professional-access';
import { exchangesOpen, MEASURES_WRITE, type ServiceStatus } from '@/lib/services/status';
import { ADVISOR_REASONS, advisorOwnAccountDecision, advisorVisitDecision, type AdvisorDenyCode } from './advisor-access';

/**
 * THE access policy (DESIGN.md "One access policy"): default deny. Every page, action, API and job
 * asks `authorize`; nothing else in the code decides who may do what. The actions it knows: ./actions.ts.
 */
export type { Action } from './actions';

export type ProfileTarget = { id: string; state: ProfileState; holderAccountId: string | null };
export type Target = {
  profile?: ProfileTarget;
  document?: DocumentTarget;
  /** Professional side only: established by the professional use cases (issue of PRO, EMG). */
  pro?: ProContext;
  privacy?: PrivacySettings;
  /** DOC-6: off unless the regulation's announced right is switched on. */
  patientMayDeleteProfessionalDocuments?: boolean;
  /** HIS-4: the profile's latest activation instant and the time of the question (professionals only). */
  careHistory?: { activatedAt: Date | null; now: Date };
  /** EMG-2, EMG-3: the emergency access a professional asks to start. */
  emergency?: EmergencyRequest;
  /** CAT-2, MEA-8: the calling service's status and the purposes the profile consented to for it. */
  service?: { status: ServiceStatus; consentedPurposes: readonly string[] };
  /** MSG-3(b): the pharmacy (FINESS) a conversation is with. */
  pharmacy?: { finess: string };
};

export type Decision = { allowed: true } | { allowed: false; code: DenyCode; reason: string };

export type DenyCode =
  | 'default-deny' | 'wrong-audience' | 'not-holder' | 'profile-unavailable'
  | 'staff-no-medical' | 'no-target' | 'aidant-not-allowed' | 'service-unavailable' | 'consent-not-given'
  | 'supervisor-only' | 'pro-not-medecin-traitant' | 'pro-other-pharmacy' | 'supervisor-only-reference' | 'supervisor-only-advisors'
  | AdvisorDenyCode | DocumentDenyCode | CareHistoryDenyCode | ProfessionalProfileDenyCode;

const REASONS: Record<DenyCode, string> = {
  'default-deny': "cette action n’est pas autorisée.",
  'wrong-audience': "cet espace n’est pas accessible avec votre compte.",
  'not-holder': "vous n’êtes ni titulaire ni représentant légal de ce profil.",
  'profile-unavailable': "ce profil n’est pas accessible dans son état actuel.",
  'staff-no-medical': "les agents de l’Assurance Maladie n’accèdent pas au contenu médical (BO).",
  'no-target': 'profil introuvable.',
  'aidant-not-allowed': 'un aidant ne peut pas faire cette démarche pour la personne qu’il aide (AID-4).',
  'service-unavailable': 'ce service n’est pas en ligne : il ne peut pas échanger de données (CAT-2).',
  'consent-not-given': 'le titulaire n’a pas donné son accord à ce service pour cette finalité (MEA-8).',
  'supervisor-only': 'seul un superviseur peut publier une nouvelle version de la matrice d’habilitation (BO-7).',
  'pro-not-medecin-traitant': 'seul le médecin traitant du patient consulte son historique d’activité (AUD-6).',
  'pro-other-pharmacy': 'seuls les professionnels exerçant dans cette pharmacie (même FINESS) lisent ses messages (MSG-3).',
  'supervisor-only-reference': 'seul un superviseur peut publier une nouvelle version des données de référence (BO-7).',
  'supervisor-only-advisors': 'seul un superviseur peut créer, désactiver ou réactiver un compte de conseiller France Services (FS-1).',
  ...ADVISOR_REASONS,
  ...DOCUMENT_REASONS,
  ...CARE_HISTORY_REASONS,
  ...PROFESSIONAL_REASONS,
};

const deny = (code: DenyCode): Decision => ({ allowed: false, code, reason: REASONS[code] });
const ALLOW: Decision = { allowed: true };

/** ACC-3: patient-side use of a profile needs it ACTIVE (activation and re-opening use their own flows). */
const PATIENT_SIDE_STATES: readonly ProfileState[] = ['ACTIVE'];
/** ACC-3/ACC-4: professionals read and deposit in CREATED, ACTIVE and SUSPENDED profiles. */
const PRO_STATES: readonly ProfileState[] = ['CREATED', 'ACTIVE', 'SUSPENDED'];

/** Holder or representative (REP-1, REP-5); an aidant only where AID-4 lets them (`aidant`). */
function patientReaches(actor: Extract<Actor, { kind: 'PATIENT' }>, profile: ProfileTarget, aidant = false): Decision {
  const role = patientRole(actor, profile.id);
  if (!role) return deny('not-holder');
  if (role === 'AIDANT' && !aidant) return deny('aidant-not-allowed');
  // A represented child profile may still be CREATED (REP-2 activates it later); the holder's must be ACTIVE.
  const states: readonly ProfileState[] = role === 'REPRESENTATIVE' ? ['CREATED', 'ACTIVE'] : PATIENT_SIDE_STATES;
  return states.includes(profile.state) ? ALLOW : deny('profile-unavailable');
}

const OPERATION: Partial<Record<Action, DocumentOperation>> = {
  'document.read': 'read', 'document.organize': 'organize', 'document.edit': 'edit', 'document.delete': 'delete', 'document.mask': 'mask',
  'document.replace': 'replace', 'document.hide-from-patient': 'hide-from-patient', 'document.show-to-patient': 'show-to-patient',
};

const PROFESSIONAL_ONLY_OPERATIONS: readonly DocumentOperation[] = ['replace', 'hide-from-patient', 'show-to-patient'];

const PROFESSIONAL_OPERATION: Partial<Record<Action, ProfessionalProfileOperation>> = {
  'patient.check': 'check', 'patient.authorise': 'authorise', 'patient.open': 'open', 'emergency.start': 'emergency', 'document.deposit': 'deposit',
  'message.send': 'message',
};

/** PRO-3..8, PRO-12, PRO-13, EMG-1..4 on a profile as a whole; only professionals. */
function authorizeProfessional(actor: Actor, op: ProfessionalProfileOperation, target: Target): Decision {
  if (actor.kind !== 'PROFESSIONAL') return deny(actor.kind === 'ADVISOR' ? 'advisor-no-medical' : actor.kind === 'STAFF' ? 'staff-no-medical' : 'wrong-audience');
  if (op === 'check') return ALLOW; // PRO-3: the check itself says whether the profile exists and its state
  const { profile } = target;
  if (!profile) return deny('no-target');
  if (!PRO_STATES.includes(profile.state)) return deny('profile-unavailable'); // PRO-12
  if (!target.pro) return deny('pro-not-authorised');
  const code = professionalProfileDecision(actor, op, target.pro, target.privacy ?? DEFAULT_PRIVACY, target.emergency);
  return code ? deny(code) : ALLOW;
}

function authorizeDocument(actor: Actor, op: DocumentOperation, target: Target): Decision {
  const { profile, document } = target;
  if (!profile || !document || document.profileId !== profile.id) return deny('no-target');
  switch (actor.kind) {
    case 'PATIENT': {
      if (PROFESSIONAL_ONLY_OPERATIONS.includes(op)) return deny('wrong-audience'); // DOC-11, VIS-9: the author's acts
      const reach = patientReaches(actor, profile, true);
      if (!reach.allowed) return reach;
      const code = patientDocumentDecision(patientRole(actor, profile.id)!, op, document,
        { patientMayDeleteProfessionalDocuments: target.patientMayDeleteProfessionalDocuments ?? false });
      return code ? deny(code) : ALLOW;
    }
    case 'PROFESSIONAL': {
      if (!PRO_STATES.includes(profile.state)) return deny('profile-unavailable'); // PRO-12
      if (!target.pro) return deny('pro-not-authorised');
      const code = professionalDocumentDecision(actor, op, document, target.pro, target.privacy ?? DEFAULT_PRIVACY);
      return code ? deny(code) : ALLOW;
    }
    case 'ADVISOR':
      return deny('advisor-no-medical'); // FS-4
    case 'STAFF':
      return deny('staff-no-medical');
    default:
      return deny('default-deny');
  }
}

/** HIS-1 (patient side), HIS-4/HIS-5 (professionals), FS-4 and BO (never). */
function authorizeCareHistory(actor: Actor, target: Target): Decision {
  const { profile } = target;
  if (!profile) return deny('no-target');
  switch (actor.kind) {
    case 'PATIENT':
      return patientReaches(actor, profile, true); // REP-5, AID-4: representatives and aidants consult it
    case 'PROFESSIONAL': {
      if (!PRO_STATES.includes(profile.state)) return deny('profile-unavailable'); // PRO-12
      if (!target.pro || !target.careHistory) return deny('pro-not-authorised');
      const privacy = target.privacy ?? DEFAULT_PRIVACY;
      const { pro } = target;
      const code = careHistoryVisibleToProfessional({
        // HIS-4: never on a CREATED profile, whatever an earlier life of it recorded.
        activatedAt: profile.state === 'CREATED' ? null : target.careHistory.activatedAt, now: target.careHistory.now,
        maskAll: privacy.maskAll, administrateur: pro.administrateur, mode: pro.mode, emergencyMaskedVisible: privacy.emergencyMaskedVisible,
        blocked: pro.blocked, matrixAllows: pro.matrixAllows, authorised: pro.authorised,
        emergencyAllowed: pro.mode === 'REGULATION' ? privacy.emergencyRegulation : privacy.emergencyOther,
      });
      return code ? deny(code) : ALLOW;
    }
    case 'ADVISOR':
      return deny('advisor-no-medical'); // FS-4
    case 'STAFF':
      return deny('staff-no-medical');
    default:
      return deny('default-deny');
  }
}

/** FS-2, FS-3 (lib/access/advisor-access.ts). */
function advisorInVisit(actor: AdvisorActor, profile: ProfileTarget): Decision {
  const code = advisorVisitDecision(actor, profile.id);
  return code ? deny(code) : ALLOW;
}

/**
 * MEA-8, CAT-2, CAT-8: only a service, only while it is EN_LIGNE, only into an ACTIVE profile that consented
 * to MEASURES_WRITE for it. The service's status is checked first: it does not depend on the profile.
 */
function authorizePush(actor: Actor, target: Target): Decision {
  if (actor.kind !== 'SERVICE') return deny('wrong-audience');
  if (!target.service) return deny('no-target');
  if (!exchangesOpen(target.service.status)) return deny('service-unavailable');
  if (!target.profile) return deny('no-target');
  if (!PATIENT_SIDE_STATES.includes(target.profile.state)) return deny('profile-unavailable');
  return target.service.consentedPurposes.includes(MEASURES_WRITE) ? ALLOW : deny('consent-not-given');
}

export function authorize(actor: Actor, action: Action, target: Target = {}): Decision {
  const op = OPERATION[action];
  if (op) return authorizeDocument(actor, op, target);
  const proOp = PROFESSIONAL_OPERATION[action];
  if (proOp) return authorizeProfessional(actor, proOp, target);
  switch (action) {
    case 'care-history.read':
      return authorizeCareHistory(actor, target);
    case 'message.pharmacy': {
      // MSG-3(b): the pharmacy's conversations, for whoever acts at its FINESS (PSC activity, PRO-2); never when blocked (PRO-6).
      if (actor.kind !== 'PROFESSIONAL') return deny('wrong-audience');
      if (!target.profile || !target.pharmacy) return deny('no-target');
      if (!PRO_STATES.includes(target.profile.state)) return deny('profile-unavailable');
      if (target.pro?.blocked) return deny('pro-blocked');
      return actor.facility?.id === `FINESS ${target.pharmacy.finess}` ? ALLOW : deny('pro-other-pharmacy');
    }
    case 'message.read':
    case 'message.write':
      // MSG-6: the patient side only (holder, representatives, aidants per AID-4); never an advisor nor an agent.
      if (!target.profile) return deny('no-target');
      if (actor.kind === 'ADVISOR') return deny('advisor-no-medical');
      if (actor.kind === 'STAFF') return deny('staff-no-medical');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      return patientReaches(actor, target.profile, true);
    case 'document.add':
    case 'profile.medical.write':
      // DOC-2, PRF-2, MEA-2: the patient side, aidants included (AID-4).
      if (!target.profile) return deny('no-target');
      if (actor.kind === 'ADVISOR') return deny('advisor-no-medical');
      if (actor.kind === 'STAFF') return deny('staff-no-medical');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      return patientReaches(actor, target.profile, true);
    case 'profile.export':
    case 'privacy.manage':
      // VIS-2/VIS-3, EMG-1, PRO-7, CLO-12 for the holder and representatives; never an aidant (AID-4) nor an advisor (FS-4).
      if (!target.profile) return deny('no-target');
      if (actor.kind === 'ADVISOR') return deny('advisor-no-medical');
      if (actor.kind === 'STAFF') return deny('staff-no-medical');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      return patientReaches(actor, target.profile);
    case 'profile.representatives.share':
      if (!target.profile) return deny('no-target');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      // REP-5: a representative shares a child's profile; the holder of an adult profile does not use this.
      if (!actor.representedProfileIds.includes(target.profile.id)) return deny('not-holder');
      return patientReaches(actor, target.profile);
    case 'profile.close':
      if (!target.profile) return deny('no-target');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      return patientReaches(actor, target.profile);
    case 'service.connect':
      // CAT-9: the holder and representatives connect services; an aidant never (AID-4), nor an advisor or an agent.
      if (!target.profile) return deny('no-target');
      if (actor.kind === 'ADVISOR') return deny('advisor-no-medical');
      if (actor.kind === 'STAFF') return deny('staff-no-medical');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      return patientReaches(actor, target.profile);
    case 'measure.push':
      return authorizePush(actor, target);
    case 'profile.activate.assist':
    case 'profile.close.assist':
      // FS-3: only an advisor, within the visit covering the profile: the person activates it themselves, or
      // asks for its closure or deletion (the lifecycle then decides which states allow it, ACC-2 T5/T9).
      if (!target.profile) return deny('no-target');
      return actor.kind === 'ADVISOR' ? advisorInVisit(actor, target.profile) : deny('wrong-audience');
    case 'profile.view':
    case 'profile.history.read':
    case 'profile.medical.read': {
      if (!target.profile) return deny('no-target');
      // AID-4: an aidant switches to the aidé's profile and consults its data and history.
      if (actor.kind === 'PATIENT') return patientReaches(actor, target.profile, true);
      // AUD-6: the médecin traitant reads the profile's traces (never when blocked, PRO-6); no other professional.
      if (actor.kind === 'PROFESSIONAL' && action === 'profile.history.read') {
        if (!PRO_STATES.includes(target.profile.state)) return deny('profile-unavailable');
        if (target.pro?.blocked) return deny('pro-blocked');
        return target.pro?.medecinTraitant ? ALLOW : deny('pro-not-medecin-traitant');
      }
      if (actor.kind === 'ADVISOR') return deny('advisor-no-medical');
      if (actor.kind === 'STAFF') return deny('staff-no-medical');
      // Professionals read through 'patient.open' (lib/professional-access), which knows blocks, authorisation and emergency.
      return deny(actor.kind === 'PROFESSIONAL' ? 'wrong-audience' : 'default-deny');
    }
    case 'profile.admin.read':
    case 'profile.code.reissue':
    case 'profile.oppose.record':
    case 'profile.oppose.withdraw':
    case 'profile.representatives.admin':
    case 'profile.aidants.admin':
    case 'profile.close.record':
      if (!target.profile) return deny('no-target');
      // FS-3: within a visit, an advisor sees the civil status and state, sends a new code, records an opposition.
      if (actor.kind === 'ADVISOR' && actor.visit && (action === 'profile.admin.read' || action === 'profile.code.reissue' || action === 'profile.oppose.record')) {
        return advisorInVisit(actor, target.profile);
      }
      return actor.kind === 'STAFF' ? ALLOW : deny('wrong-audience');
    case 'profile.create':
    case 'backoffice.access':
    case 'backoffice.mailbox.read':
    case 'backoffice.jobs.retry':
    case 'population.import':
    case 'care-history.import':
    case 'campaign.read':
    case 'campaign.manage':
    case 'api-client.manage':
    case 'emergency.report':
    case 'professional.inactive.mark':
      return actor.kind === 'STAFF' ? ALLOW : deny('wrong-audience');
    case 'notifications.read':
      // NOT-6, NOT-7, AID-4: every account that receives a profile's notifications reads them (aidants too).
      if (!target.profile) return deny('no-target');
      if (actor.kind === 'PATIENT') return patientReaches(actor, target.profile, true);
      if (actor.kind === 'ADVISOR') return deny('advisor-no-medical');
      if (actor.kind === 'STAFF') return deny('staff-no-medical');
      return deny('wrong-audience');
    case 'prevention.manage':
      // PRV-6..9: campaigns are run by staff (no profile); PRV-8: the opt-out by the holder or a representative (never an aidant).
      if (actor.kind === 'STAFF') return target.profile ? deny('staff-no-medical') : ALLOW;
      if (!target.profile) return deny('no-target');
      if (actor.kind !== 'PATIENT') return deny('wrong-audience');
      return patientReaches(actor, target.profile);
    case 'notifications.manage':
    case 'account.contact.change':
      // NOT-1, NOT-4: switches and contact details belong to the account that signs in (an aidant or a
      // representative changes their own, never the aidé's or the child's: AID-4). FS-3 lets an advisor change
      // them only during an assisted visit with the person present (FS-2), those of the person's own account.
      if (actor.kind === 'PATIENT') return ALLOW;
      if (actor.kind === 'ADVISOR') {
        if (!actor.visit) return deny('advisor-assisted-only');
        if (!target.profile) return deny('no-target');
        const code = advisorOwnAccountDecision(actor, target.profile.id);
        return code ? deny(code) : ALLOW;
      }
      return deny('wrong-audience');
    case 'account.credentials.change':
      // The patient-side account on itself (the use case reads only the signed-in account). FS-4: an advisor never
      // sees a password, even during a visit; agents neither (BO-3 sends a new code instead).
      return actor.kind === 'PATIENT' ? ALLOW : deny(actor.kind === 'ADVISOR' ? 'advisor-no-medical' : 'wrong-audience');
    case 'matrix.read':
      // PRO-9: reference data, no medical content — staff edit it, patients (PRO-10) and professionals browse it.
      return actor.kind === 'STAFF' || actor.kind === 'PATIENT' || actor.kind === 'PROFESSIONAL' ? ALLOW : deny('wrong-audience');
    case 'matrix.publish':
      // BO-7: a new version is published by a supervisor; agents only read it.
      if (actor.kind !== 'STAFF') return deny('wrong-audience');
      return actor.role === 'SUPERVISOR' ? ALLOW : deny('supervisor-only');
    case 'reference.read':
      return actor.kind === 'STAFF' ? ALLOW : deny('wrong-audience');
    case 'reference.publish':
      // BO-7: like the matrix, a new calendar edition or text version is published by a supervisor.
      if (actor.kind !== 'STAFF') return deny('wrong-audience');
      return actor.role === 'SUPERVISOR' ? ALLOW : deny('supervisor-only-reference');
    case 'advisor.access':
      return actor.kind === 'ADVISOR' ? ALLOW : deny('wrong-audience');
    case 'advisor.read':
    case 'advisor.reset':
      // FS-1, BO: any CNAM agent sees the advisor accounts and helps one who lost their password (the link goes to
      // the advisor's own professional email; nobody else ever sees or sets the password, FS-4).
      return actor.kind === 'STAFF' ? ALLOW : deny('wrong-audience');
    case 'advisor.manage':
      // FS-1, BO: who may act with people in person (FS-2) is decided by a supervisor, like a publication (BO-7):
      // creating, deactivating and reactivating an advisor account are supervisor-only.
      if (actor.kind !== 'STAFF') return deny('wrong-audience');
      return actor.role === 'SUPERVISOR' ? ALLOW : deny('supervisor-only-advisors');
    case 'pro.access':
      return actor.kind === 'PROFESSIONAL' ? ALLOW : deny('wrong-audience');
    default:
      return deny('default-deny');
  }
}
