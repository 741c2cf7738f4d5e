import type { AuthorisationBasis, CareTeamGround, EmergencyMode } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import type { ProContext } from '@/lib/access/document-access';

/**
 * PRO-3..7, PRO-13, EMG-2/3: pure rules of a professional's relation with one profile. The use cases
 * load the facts (one query, access-state.ts) and the policy decides with the ProContext made here.
 */

/** PRO-13: médecin du travail. Project choice: the TRE_R38 specialty code our stand-in PSC gives them. */
export const OCCUPATIONAL_SPECIALTIES: readonly string[] = ['SM23'];
export const isOccupationalPhysician = (actor: Pick<ProfessionalActor, 'professionCode' | 'specialtyCode'>) =>
  actor.professionCode === '10' && OCCUPATIONAL_SPECIALTIES.includes(actor.specialtyCode ?? '');

/** EMG-2: the grant lasts 2 hours, read-only. */
export const EMERGENCY_GRANT_MS = 2 * 3600_000;
/** EMG-2: the justification is at least 15 characters. */
export const MIN_JUSTIFICATION = 15;

/** EMG-2: the reason codes offered (project choice, after the DMP's bris de glace). */
export const EMERGENCY_REASONS = {
  DETRESSE_VITALE: 'Détresse vitale',
  INCONSCIENCE: 'Patient inconscient ou hors d’état d’exprimer sa volonté',
  URGENCE_THERAPEUTIQUE: 'Urgence thérapeutique (risque immédiat)',
} as const;
export type EmergencyReason = keyof typeof EMERGENCY_REASONS;

export type Authorisation = { basis: AuthorisationBasis; ground: CareTeamGround | null; grantedAt: Date; lastAttestedAt: Date };
export type EmergencyGrant = { id: string; mode: EmergencyMode; startedAt: Date; expiresAt: Date };

/** The facts about one professional and one profile, as access-state.ts loads them. */
export type ProRelation = {
  blocked: boolean;
  authorisation: Authorisation | null;
  administrateur: boolean;
  medecinTraitant: boolean;
  /** The emergency grant still running at `now`, if any. */
  emergency: EmergencyGrant | null;
};

/** PRO-3: this professional's authorisation as the access check reports it. */
export type AuthorisationStatus = 'NONE' | 'AUTHORISED' | 'BLOCKED';
export function authorisationStatus(actor: ProfessionalActor, rel: ProRelation): AuthorisationStatus {
  if (rel.blocked) return 'BLOCKED';
  return isAuthorised(actor, rel) ? 'AUTHORISED' : 'NONE';
}

/** PRO-4, PRO-5, PRO-13: a live authorisation; a médecin du travail only on the holder's express consent. */
export function isAuthorised(actor: ProfessionalActor, rel: ProRelation): boolean {
  if (!rel.authorisation) return false;
  return !(isOccupationalPhysician(actor) && rel.authorisation.basis !== 'CONSENT');
}

/**
 * The ProContext the policy reads (matrixAllows is per document: the caller fills it). An authorised
 * professional acts in NORMAL mode; otherwise a running emergency grant sets EMERGENCY or REGULATION.
 */
export function proContext(actor: ProfessionalActor, rel: ProRelation): Omit<ProContext, 'matrixAllows'> {
  const authorised = isAuthorised(actor, rel);
  const mode = !authorised && rel.emergency && !isOccupationalPhysician(actor) ? rel.emergency.mode : 'NORMAL';
  return { blocked: rel.blocked, authorised, administrateur: rel.administrateur && !rel.blocked, mode, medecinTraitant: rel.medecinTraitant };
}
