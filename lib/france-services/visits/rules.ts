import type { VisitActionKind, VisitRelation } from '@/db/schema';
import type { ProfileState } from '@/lib/accounts/lifecycle';

/** FS-2..4 as pure rules (no I/O): how long a visit lasts, what it covers, what the summary says. */

/** FS-2: a visit lasts 60 minutes at most. */
export const VISIT_MINUTES = 60;
/** The summary stays printable this long after the end (the person leaves with it). */
export const SUMMARY_MINUTES_AFTER_END = 30;

export const visitExpiry = (startedAt: Date): Date => new Date(startedAt.getTime() + VISIT_MINUTES * 60_000);

/** FS-2: a visit is active while it has not been ended and its 60 minutes have not run out. */
export function visitActive(visit: { endedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return visit.endedAt === null && now.getTime() < visit.expiresAt.getTime();
}

/** When an open visit is found past its end, it is closed as EXPIRED at its expiry, not at the time we noticed. */
export function closingOf(visit: { endedAt: Date | null; expiresAt: Date }, now: Date): { endedAt: Date; reason: 'EXPIRED' } | null {
  return visit.endedAt === null && !visitActive(visit, now) ? { endedAt: visit.expiresAt, reason: 'EXPIRED' } : null;
}

/**
 * FS-2: the profiles a visit covers: the person's own, then those they represent (REP links of their account)
 * or that are attached to them as parent principal (CMP-2, OPP-5), each once.
 */
export function coveredProfiles(own: string, represented: readonly string[], attached: readonly string[]): { profileId: string; relation: VisitRelation }[] {
  const out: { profileId: string; relation: VisitRelation }[] = [{ profileId: own, relation: 'SELF' }];
  for (const id of [...represented, ...attached]) {
    if (!out.some((p) => p.profileId === id)) out.push({ profileId: id, relation: 'REPRESENTED' });
  }
  return out;
}

/** The summary is shown to the visit's own advisor, during the visit and shortly after (never an old visit). */
export function summaryAvailable(visit: { endedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  if (visitActive(visit, now)) return true;
  const end = visit.endedAt ?? visit.expiresAt;
  return now.getTime() < end.getTime() + SUMMARY_MINUTES_AFTER_END * 60_000;
}

/** What each action reads like in the summary, and what to do next, in plain French (FS-3). */
export const ACTION_LABELS: Record<VisitActionKind, string> = {
  NOTIFICATIONS: 'Préférences de notification modifiées',
  NEW_CODE: 'Nouveau code provisoire envoyé',
  OPPOSITION: 'Opposition à la création du profil enregistrée',
  ACTIVATION: 'Profil activé',
  CONTACT: 'Coordonnées modifiées',
  CLOSURE: 'Profil fermé',
  DELETION: 'Suppression des données demandée',
};

const NEXT_STEPS: Record<VisitActionKind, string> = {
  NOTIFICATIONS: 'Vos nouvelles préférences de notification s’appliquent dès maintenant. Vous pouvez les changer à tout moment dans Mon espace santé, rubrique « Mes préférences de notification ».',
  NEW_CODE: 'Un nouveau code provisoire vous a été envoyé : il remplace les codes précédents. Utilisez-le pour activer votre profil sur le site Mon espace santé, avec votre carte Vitale.',
  OPPOSITION: 'Votre opposition est enregistrée : aucun profil ne sera créé. Gardez le récépissé remis par votre conseiller. Vous pouvez changer d’avis à tout moment en appelant le 3422.',
  ACTIVATION: 'Votre profil est activé. Connectez-vous sur le site Mon espace santé avec l’identifiant et le mot de passe que vous avez choisis, puis le code reçu par courriel. Ne communiquez jamais votre mot de passe, même à un conseiller.',
  CONTACT: 'Vos nouvelles coordonnées sont enregistrées : les messages de Mon espace santé y arrivent désormais. Vous pouvez les changer à tout moment dans Mon espace santé, rubrique « Mes coordonnées ».',
  CLOSURE: 'Le profil est fermé : plus personne n’y a accès, ni vous ni les professionnels de santé. Une confirmation datée vous est envoyée par courriel si une adresse est connue. Sauf demande de suppression, les données sont conservées 10 ans : vous pouvez rouvrir le profil pendant cette période en demandant un code provisoire au 3422.',
  DELETION: 'Votre demande de suppression est enregistrée : les données seront effacées dans un délai de 30 jours, et au plus tard sous 3 mois. Vous recevrez une confirmation. Réactiver le profil d’ici là annule la demande.',
};

/** The « what to do next » lines of the summary: one per kind of action done, then where to get help. */
export function nextSteps(kinds: readonly VisitActionKind[]): string[] {
  const steps = [...new Set(kinds)].map((k) => NEXT_STEPS[k]);
  if (steps.length === 0) steps.push('Aucune démarche n’a été effectuée au cours de cet accompagnement.');
  steps.push('Une question ? Appelez le 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30) ou revenez dans un espace France Services.');
  return steps;
}

/** How a covered profile's state reads on the advisor's screen (administrative, never medical: FS-4). */
export const STATE_LABELS: Record<ProfileState, string> = {
  PENDING: 'En attente de création (opposition possible)',
  OPPOSED: 'Opposition enregistrée',
  CREATED: 'Créé, pas encore activé',
  ACTIVE: 'Activé',
  SUSPENDED: 'Suspendu',
  CLOSED: 'Fermé',
  DELETION_REQUESTED: 'Suppression demandée',
  PURGED: 'Supprimé',
};

/** FS-3: which of this session's actions a covered profile offers. */
export function offeredActions(p: { state: ProfileState; relation: VisitRelation; activated: boolean }) {
  const ownActive = p.relation === 'SELF' && p.activated && p.state === 'ACTIVE';
  return {
    activation: p.state === 'PENDING' || p.state === 'CREATED',
    notifications: ownActive,
    contact: ownActive,
    newCode: p.state === 'PENDING' || p.state === 'CREATED',
    opposition: p.state === 'PENDING',
    // CLO-2 (CREATED), CLO-1 on the person's request (ACTIVE), CLO-5 during the archive (CLOSED).
    closure: p.state === 'CREATED' || p.state === 'ACTIVE' || p.state === 'CLOSED',
  };
}
