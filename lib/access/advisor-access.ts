import { visitActive } from '@/lib/france-services/visits/rules';
import type { AdvisorActor } from './actor';

/**
 * The France Services part of the access policy (FS-2..4). Pure: `authorize` in policy.ts calls it. An
 * advisor acts on a profile only within their active visit covering it (the visit guard sets
 * `actor.visit`), and never reads medical content.
 */
export type AdvisorDenyCode = 'advisor-no-medical' | 'advisor-assisted-only' | 'advisor-visit-expired' | 'advisor-not-covered';

export const ADVISOR_REASONS: Record<AdvisorDenyCode, string> = {
  'advisor-no-medical': 'les conseillers France Services n’accèdent jamais au contenu médical (FS-4).',
  'advisor-assisted-only': 'un conseiller France Services n’agit qu’au cours d’un accompagnement, la personne présente (FS-2, FS-3).',
  'advisor-visit-expired': 'l’accompagnement est terminé (60 minutes au plus) : commencez-en un nouveau, la personne présente (FS-2).',
  'advisor-not-covered': 'ce profil n’est pas couvert par l’accompagnement en cours : seuls la personne présente et les profils qu’elle représente le sont (FS-2).',
};

/** FS-2, FS-3: null when the advisor's active visit covers the profile, else why not. */
export function advisorVisitDecision(actor: AdvisorActor, profileId: string): AdvisorDenyCode | null {
  if (!actor.visit) return 'advisor-assisted-only';
  if (!visitActive(actor.visit, actor.visit.checkedAt)) return 'advisor-visit-expired';
  return actor.visit.profileIds.includes(profileId) ? null : 'advisor-not-covered';
}

/** FS-3: the person's own account (notification switches, contact details), never a covered child's. */
export function advisorOwnAccountDecision(actor: AdvisorActor, profileId: string): AdvisorDenyCode | null {
  return advisorVisitDecision(actor, profileId) ?? (actor.visit!.personProfileId === profileId ? null : 'advisor-not-covered');
}
