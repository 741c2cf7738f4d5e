import type { DocumentAuthorType, DocumentStatus } from '@/db/schema';
import type { Actor, PatientActor } from './actor';

/**
 * The document part of the access policy (DOC-5, DOC-6, DOC-9, VIS-2, VIS-6..10, VIS-14, PRO-6,
 * PRO-9, EMG-1, EMG-4). Pure: `authorize` in policy.ts calls it; nothing else decides.
 */
export type DocumentTarget = {
  id: string;
  profileId: string;
  status: DocumentStatus;
  authorType: DocumentAuthorType;
  authorProfessionalId: string | null;
  masquePs: boolean;
  invisiblePatient: boolean;
  invisibleRepresentatives: boolean;
};

/** EMG-1 toggles and VIS-3 mask-all of the profile (defaults when the holder never changed them). */
export type PrivacySettings = { maskAll: boolean; emergencyRegulation: boolean; emergencyOther: boolean; emergencyMaskedVisible: boolean };
export const DEFAULT_PRIVACY: PrivacySettings = { maskAll: false, emergencyRegulation: true, emergencyOther: true, emergencyMaskedVisible: false };

/** What the professional side establishes before asking (PRO-3..7, VIS-7, PRO-9, EMG-2/3). */
export type ProContext = {
  blocked: boolean;
  authorised: boolean;
  administrateur: boolean;
  mode: 'NORMAL' | 'EMERGENCY' | 'REGULATION';
  /** PRO-9: the matrix allows this profession this document's type or category. */
  matrixAllows: boolean;
  /** AUD-6: the médecin traitant declared to the fund reads the profile's traces. */
  medecinTraitant?: boolean;
};

export type DocumentDenyCode =
  | 'document-deleted' | 'document-invisible' | 'document-author-protected' | 'aidant-no-confidentiality'
  | 'pro-blocked' | 'pro-not-authorised' | 'pro-emergency-off' | 'pro-matrix' | 'pro-masked' | 'pro-not-author'
  | 'pro-not-author-flag' | 'pro-lift-not-allowed' | 'document-obsolete';

export const DOCUMENT_REASONS: Record<DocumentDenyCode, string> = {
  'document-deleted': 'ce document a été supprimé.',
  'document-invisible': 'ce document n’est pas accessible depuis ce compte.',
  'document-author-protected': 'ce document a été ajouté par un professionnel de santé ou par l’Assurance Maladie : il ne peut pas être modifié ou supprimé.',
  'aidant-no-confidentiality': 'un aidant ne peut pas modifier la confidentialité des documents.',
  'pro-blocked': 'le patient a bloqué l’accès de ce professionnel de santé à son profil.',
  'pro-not-authorised': 'ce professionnel de santé n’est pas autorisé à accéder à ce profil.',
  'pro-emergency-off': 'le patient n’autorise pas cet accès en urgence.',
  'pro-matrix': 'la matrice d’habilitation ne permet pas à cette profession de consulter ce type de document.',
  'pro-masked': 'ce document est masqué aux professionnels de santé.',
  'pro-not-author': 'seul le professionnel qui a déposé ce document peut le supprimer ou le remplacer.',
  'pro-not-author-flag': 'seul le professionnel qui a déposé ce document peut le rendre invisible au patient (VIS-9).',
  'pro-lift-not-allowed': 'seuls l’auteur, ou un médecin ou une sage-femme autorisés, peuvent rendre ce document visible au patient (VIS-9).',
  'document-obsolete': 'ce document a été remplacé par une nouvelle version : seule la dernière version peut être remplacée.',
};

/** How a patient-side account relates to a profile (REP-1, AID-4), or null. */
export type PatientRole = 'HOLDER' | 'REPRESENTATIVE' | 'AIDANT';
export function patientRole(actor: PatientActor, profileId: string): PatientRole | null {
  if (actor.ownProfileId === profileId) return 'HOLDER';
  if (actor.representedProfileIds.includes(profileId)) return 'REPRESENTATIVE';
  if (actor.aidedProfileIds?.includes(profileId)) return 'AIDANT';
  return null;
}

/**
 * VIS-9, VIS-14: the flags that hide a document from this patient-side role. Lists filter with it in
 * SQL; `patientDocumentRead` applies the same rule to one document (the policy test holds them equal).
 */
export function patientDocumentScope(role: PatientRole): { hideInvisiblePatient: true; hideInvisibleRepresentatives: boolean } {
  return { hideInvisiblePatient: true, hideInvisibleRepresentatives: role !== 'HOLDER' };
}

export type DocumentOperation = 'read' | 'organize' | 'edit' | 'delete' | 'mask'
  // The professional side only (DOC-11, VIS-9):
  | 'replace' | 'hide-from-patient' | 'show-to-patient';

/** The patient side (holder, representative, aidant) on one document of a profile it reaches. */
export function patientDocumentDecision(role: PatientRole, op: DocumentOperation, doc: DocumentTarget,
  options: { patientMayDeleteProfessionalDocuments: boolean }): DocumentDenyCode | null {
  if (doc.status === 'DELETED') return 'document-deleted'; // DOC-9: gone from every view
  const scope = patientDocumentScope(role);
  if (doc.invisiblePatient && scope.hideInvisiblePatient) return 'document-invisible'; // VIS-9
  if (doc.invisibleRepresentatives && scope.hideInvisibleRepresentatives) return 'document-invisible'; // VIS-14
  switch (op) {
    case 'read':
    case 'organize': // DOC-5: any document may be pinned or filed
      return null;
    case 'mask':
      return role === 'AIDANT' ? 'aidant-no-confidentiality' : null; // VIS-2, AID-4
    case 'replace':
    case 'hide-from-patient':
    case 'show-to-patient':
      return 'document-author-protected';
    case 'edit':
    case 'delete': {
      if (doc.authorType === 'PATIENT' || doc.authorType === 'SERVICE_TIERS') return null; // DOC-5
      // DOC-6: behind a flag, off by default, and then for the holder only.
      const pro = doc.authorType === 'HEALTHCARE_PROFESSIONAL' || doc.authorType === 'HEALTHCARE_FACILITY';
      if (op === 'delete' && pro && options.patientMayDeleteProfessionalDocuments && role === 'HOLDER') return null;
      return 'document-author-protected';
    }
  }
}

/**
 * A professional on one document (VIS-6..10, PRO-6, PRO-9, EMG-1, EMG-4, DOC-9, DOC-11): read; delete,
 * replace and hide from the patient by the author only; show to the patient by the author or an
 * authorised doctor or midwife who may read it. Writes need NORMAL mode (EMG-2: emergency is read-only).
 */
export function professionalDocumentDecision(actor: Extract<Actor, { kind: 'PROFESSIONAL' }>, op: DocumentOperation,
  doc: DocumentTarget, pro: ProContext, privacy: PrivacySettings): DocumentDenyCode | null {
  if (pro.blocked) return 'pro-blocked'; // PRO-6: never, not even in an emergency or as author
  if (doc.status === 'DELETED') return 'document-deleted';
  const isAuthor = doc.authorProfessionalId !== null && doc.authorProfessionalId === actor.professionalId;
  switch (op) {
    case 'read':
      break;
    case 'delete':
      return isAuthor ? null : 'pro-not-author'; // DOC-9
    case 'replace':
      if (!isAuthor) return 'pro-not-author'; // DOC-11
      return doc.status === 'OBSOLETE' ? 'document-obsolete' : null;
    case 'hide-from-patient':
      return isAuthor ? null : 'pro-not-author-flag'; // VIS-9
    case 'show-to-patient': {
      if (isAuthor) return null;
      // VIS-9: an authorised doctor or midwife (NORMAL mode) who may read the document lifts it too.
      if (pro.mode !== 'NORMAL' || !pro.authorised || (actor.professionCode !== '10' && actor.professionCode !== '50')) return 'pro-lift-not-allowed';
      return professionalDocumentDecision(actor, 'read', doc, pro, privacy);
    }
    default:
      return 'pro-not-author';
  }
  if (isAuthor) return null; // VIS-8: the author always sees its own documents
  if (pro.mode === 'NORMAL' && !pro.authorised) return 'pro-not-authorised';
  if (pro.mode === 'EMERGENCY' && !privacy.emergencyOther) return 'pro-emergency-off'; // EMG-1 toggle 2
  if (pro.mode === 'REGULATION' && !privacy.emergencyRegulation) return 'pro-emergency-off'; // EMG-1 toggle 1
  if (!pro.matrixAllows) return 'pro-matrix'; // PRO-9, EMG-4, VIS-8
  if (doc.masquePs) {
    // VIS-6, VIS-7: masked documents reach the administrateur, and emergency readers only with toggle 3.
    const emergencyReader = pro.mode !== 'NORMAL' && privacy.emergencyMaskedVisible;
    if (!pro.administrateur && !emergencyReader) return 'pro-masked';
  }
  return null;
}

/**
 * What a professional's list may show, as a database filter (VIS-6..8, PRO-6, EMG-1): nothing when
 * blocked; else the author's own documents, plus — when authorised or in an allowed emergency — the others the matrix allows (`matrix`: PRO-9's scope for this profession,
 * lib/access-matrix/decide.ts), masked ones only for the administrateur and, with toggle 3, emergency
 * readers. `readScopeAllows` is the same rule on one document; a unit test holds it equal to
 * `professionalDocumentDecision(…, 'read', …)` for every combination.
 */
export type ProfessionalReadScope = { blocked: boolean; othersVisible: boolean; authorId: string; hideMasked: boolean };

export function professionalReadScope(actor: Extract<Actor, { kind: 'PROFESSIONAL' }>, pro: Omit<ProContext, 'matrixAllows'>,
  privacy: PrivacySettings): ProfessionalReadScope {
  const othersVisible = pro.mode === 'NORMAL' ? pro.authorised
    : pro.mode === 'EMERGENCY' ? privacy.emergencyOther : privacy.emergencyRegulation;
  const maskedVisible = pro.administrateur || (pro.mode !== 'NORMAL' && privacy.emergencyMaskedVisible);
  return { blocked: pro.blocked, othersVisible, authorId: actor.professionalId, hideMasked: !maskedVisible };
}

export function readScopeAllows(scope: ProfessionalReadScope, matrixAllows: boolean,
  doc: Pick<DocumentTarget, 'status' | 'authorProfessionalId' | 'masquePs'>): boolean {
  if (scope.blocked || doc.status === 'DELETED') return false;
  if (doc.authorProfessionalId === scope.authorId) return true;
  return scope.othersVisible && matrixAllows && !(doc.masquePs && scope.hideMasked);
}
