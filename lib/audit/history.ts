import type { Db } from '@/db/client';
import type { AccessEvent } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import type { Target } from '@/lib/access/policy';
import type { HistoryFilters, HistoryTab } from './history-filters';
import { historyBatch, openHistory } from './history-query';
import { recordAccess, type TraceInput } from './record-access';

export { HISTORY_TABS, type HistoryTab } from './history-filters';

const ACTION_LABELS: Record<string, string> = {
  'profile.create': 'Création du profil et envoi du code provisoire',
  'profile.activate': 'Activation du profil',
  'account.login': 'Connexion à Mon espace santé',
  'profile.admin.read': 'Consultation de vos informations administratives (sans contenu médical)',
  'profile.history.read': 'Consultation de l’historique d’activité',
  'profile.history.export': 'Téléchargement de l’historique d’activité',
  'profile.code.reissue': 'Envoi d’un nouveau code provisoire',
  'profile.window-close': 'Création du profil à la fin de la période d’opposition',
  'profile.oppose': 'Opposition à la création du profil',
  'profile.oppose.withdraw': 'Retrait de l’opposition',
  'profile.reopen': 'Réouverture du profil',
  'profile.close': 'Fermeture du profil',
  'profile.deletion-request': 'Demande de suppression des données',
  'profile.death': 'Enregistrement du décès',
  'profile.suspend': 'Suspension du profil par l’Assurance Maladie',
  'profile.suspension-objection': 'Contestation de la suspension enregistrée',
  'profile.suspension-lift': 'Levée de la suspension',
  'profile.suspension-letter': 'Édition du courrier de suspension',
  'profile.civil-status': 'Correction du nom ou des prénoms',
  'profile.majority': 'Passage à la majorité : le profil vous est confié',
  'profile.ase-created': 'Création du profil d’un mineur confié à l’aide sociale à l’enfance',
  'profile.representatives.invite': 'Invitation d’un représentant légal',
  'profile.representatives.accept': 'Invitation acceptée par un représentant légal',
  'profile.representatives.refuse': 'Invitation refusée',
  'profile.representatives.grant': 'Ajout d’un représentant légal par l’Assurance Maladie',
  'profile.representatives.revoke': 'Retrait de l’accès d’un représentant légal',
  'profile.aidants.invite': 'Invitation d’un aidant', // AID-3..6
  'profile.aidants.accept': 'Invitation acceptée par un aidant',
  'profile.aidants.refuse': 'Invitation refusée par la personne invitée comme aidant',
  'profile.aidants.justificatif': 'Justificatif d’accès aidant ajouté aux documents',
  'profile.aidants.revoke': 'Fin de l’accès d’un aidant',
  'profile.aidants.end': 'Fin de l’accès d’un aidant (profil fermé)',
  'profile.aidants.admin-read': 'Consultation de vos aidants par l’Assurance Maladie (sans contenu médical)',
  'profile.merge': 'Fusion d’un profil en double',
  'profile.heir-request': 'Demande d’accès d’un ayant droit',
  'profile.heir-decision': 'Décision sur une demande d’ayant droit',
  'profile.heir-export': 'Export remis à un ayant droit',
  'document.add': 'Ajout d’un document',
  'document.read': 'Consultation d’un document',
  'document.view': 'Ouverture de la fiche d’un document',
  'document.edit': 'Modification d’un document',
  'document.organize': 'Classement d’un document',
  'document.delete': 'Suppression d’un document',
  'document.erase': 'Effacement définitif du fichier d’un document supprimé',
  'document.mask': 'Document masqué aux professionnels de santé',
  'document.unmask': 'Document rendu visible aux professionnels de santé',
  'document.list': 'Consultation de la liste des documents',
  'folder.create': 'Création d’un dossier de documents',
  'folder.delete': 'Suppression d’un dossier de documents',
  'privacy.mask-all.on': 'Masquage de tous les documents demandé',
  'privacy.mask-all.off': 'Fin du masquage de tous les documents demandée',
  'privacy.mask-all.applied': 'Masquage de tous les documents effectué',
  'privacy.mask-all.removed': 'Fin du masquage de tous les documents effectuée',
  'privacy.mask-all': 'Masquage de tous les documents',
  'privacy.view': 'Consultation des réglages de confidentialité',
  'privacy.administrateur': 'Désignation du professionnel administrateur',
  'profile.export.code': 'Demande de code pour télécharger vos données',
  'profile.export.request': 'Demande de téléchargement de vos données',
  'profile.export.ready': 'Fichier de vos données prêt',
  'profile.export.download': 'Téléchargement de vos données',
  'profile.export.list': 'Consultation de vos demandes de téléchargement',
  'privacy.administrateur.remove': 'Retrait du professionnel administrateur',
  MODIF_PARAM_ACCESS_URGENCE: 'Modification des autorisations d’accès en urgence',
  'professional.search': 'Recherche d’un professionnel de santé',
  'professional.block': 'Blocage d’un professionnel de santé',
  'professional.unblock': 'Déblocage d’un professionnel de santé',
  'measure.add': 'Ajout d’une mesure',
  'measure.delete': 'Suppression d’une mesure',
  'measure.target.set': 'Objectif de mesure enregistré',
  'measure.target.remove': 'Objectif de mesure supprimé',
  'measure.read': 'Consultation des mesures',
  'measure.extract': 'Mesures récupérées automatiquement d’un document',
  'measure.extraction.on': 'Récupération automatique des données des documents activée',
  'measure.extraction.off': 'Récupération automatique des données des documents désactivée',
  'measure.push': 'Mesures transmises par un service connecté',
  'agenda.appointment.add': 'Ajout d’un rendez-vous à l’agenda',
  'agenda.appointment.edit': 'Modification d’un rendez-vous de l’agenda',
  'agenda.appointment.delete': 'Suppression d’un rendez-vous de l’agenda',
  'agenda.reminder.add': 'Ajout d’un rappel à l’agenda',
  'agenda.reminder.delete': 'Suppression d’un rappel de l’agenda',
  'agenda.read': 'Consultation de l’agenda',
  'agenda.export': 'Export de l’agenda (.ics)',
  'prevention.items.read': 'Consultation des examens médicaux et vaccinations à réaliser',
  'prevention.item.mark': 'Mise à jour d’un examen ou d’une vaccination à réaliser',
  'service.list': 'Consultation des services connectés',
  'service.connect': 'Synchronisation avec un service',
  'service.disconnect': 'Déconnexion d’un service',
  'medical.add': 'Ajout d’une information au profil médical',
  'medical.edit': 'Modification d’une information du profil médical',
  'medical.delete': 'Suppression d’une information du profil médical',
  'medical.read': 'Consultation du profil médical',
  'medical.directives': 'Dépôt des directives anticipées',
  'medical.synthesis': 'Création d’une synthèse médicale',
  'prevention.questionnaire.save': 'Questionnaire « Mon bilan prévention » enregistré',
  'prevention.questionnaire.edit': 'Réponses au questionnaire « Mon bilan prévention » modifiées',
  'prevention.questionnaire.delete': 'Questionnaire « Mon bilan prévention » supprimé',
  'notification.preferences': 'Modification des préférences de notification',
  'account.contact': 'Modification des coordonnées (adresse électronique ou mobile)', // NOT-4, FS-3
  'account.password.change': 'Modification du mot de passe', // ACT-7, NOT-4
  'account.identifiant.change': 'Modification de l’identifiant de connexion', // ACT-8, NOT-4
  'account.password.reset': 'Nouveau mot de passe choisi (« Mot de passe oublié »)', // ACT-14, NOT-4
  'account.identifiant.reminder': 'Envoi de l’identifiant de connexion par courriel (« Identifiant oublié »)', // ACT-14
  'notification.delete': 'Suppression d’une notification',
  'notification.list': 'Consultation des notifications',
  'notification.read': 'Notification marquée comme lue',
  'care-history.read': 'Consultation de Mon histoire de santé',
  // PRO-3..5, PRO-7, DOC-9..14, VIS-9, EMG-7: what professionals do on a profile, and the patient's answer.
  'professional.authorisation.list': 'Consultation des professionnels autorisés',
  'professional.authorisation.end': 'Retrait de l’autorisation d’un professionnel',
  'patient.check': 'Vérification de l’accès au profil (INS)',
  'patient.consent': 'Autorisation donnée au professionnel lors de la consultation',
  'patient.care-team': 'Accès d’un membre de l’équipe de soins (patient informé)',
  'document.deposit': 'Dépôt d’un document',
  'message.send': 'Envoi d’un message par un professionnel (messagerie)',
  'message.close': 'Fin des échanges par un professionnel (messagerie)',
  'message.list': 'Consultation de ses échanges avec vous par un professionnel (messagerie)',
  'message.reply': 'Réponse à un message (messagerie)',
  'message.start': 'Nouveau message à un professionnel (messagerie)',
  'message.delete': 'Suppression d’une conversation (messagerie)',
  'message.attachment.save': 'Pièce jointe enregistrée dans les documents (messagerie)',
  'message.attachment.read': 'Téléchargement d’une pièce jointe par un professionnel (messagerie)',
  'prevention.opt-out': 'Refus des messages de prévention',
  'prevention.opt-in': 'Messages de prévention à nouveau acceptés',
  'document.replace': 'Remplacement d’un document',
  'document.hide-from-patient': 'Document rendu invisible au patient',
  'document.show-to-patient': 'Document rendu visible au patient',
  'emergency.start': 'Accès en urgence',
  'patient.open': 'Ouverture du profil par un professionnel',
  'document.resubmit': 'Nouvel envoi d’un document déjà déposé',
  'pro-message.read': 'Lecture par un professionnel d’un message de sa messagerie sécurisée vous concernant',
};

export function describeTrace(e: Pick<AccessEvent, 'action' | 'outcome' | 'actor_type'>): string {
  const label = ACTION_LABELS[e.action] ?? e.action;
  if (e.outcome === 'OK') return label;
  return e.actor_type === 'HEALTHCARE_PROFESSIONAL' || e.actor_type === 'HEALTHCARE_FACILITY' ? 'Tentative d’accès refusée' : `${label} : tentative refusée`;
}

export const HISTORY_PAGE_SIZE = 20;

/**
 * One page of a profile's traces (AUD-4), filtered by tab and period, newest first, with keyset
 * cursors (the ids at both ends of the page). Access goes through the policy (AUD-6); a refusal is
 * traced. The patient side's own reads are not traced (its history would fill with them); any other
 * reader's read is, in the same transaction as the read (AUD-1).
 */
export async function listHistory(db: Db, actor: Actor,
  input: { profileId: string; tab: HistoryTab; from?: string; to?: string; before?: string; after?: string }, now: Date,
  pro?: { context: NonNullable<Target['pro']>; channel: TraceInput['channel'] }) {
  const filters: HistoryFilters = { tab: input.tab, from: input.from, to: input.to };
  const { profile, scope } = await openHistory(db, actor, input.profileId, filters, 'profile.history.read', now, pro?.context, pro?.channel);
  const cursor = (v?: string) => (v && /^\d{1,18}$/.test(v) ? v : undefined);
  const after = cursor(input.after);
  const before = after ? undefined : cursor(input.before);
  const read = async (trx: Db) => {
    const rows = await historyBatch(trx, scope, { before, after }, HISTORY_PAGE_SIZE + 1);
    if (actor.kind !== 'PATIENT') await recordAccess(trx, { actor, action: 'profile.history.read', profileId: profile.id, at: now, channel: pro?.channel });
    return rows;
  };
  const rows = actor.kind === 'PATIENT' ? await read(db) : await db.transaction().execute(read);
  const more = rows.length > HISTORY_PAGE_SIZE;
  // Going back towards the newest reads ascending past the cursor: the extra row is then the newest one.
  const page = after ? rows.slice(more ? 1 : 0) : rows.slice(0, HISTORY_PAGE_SIZE);
  const hasOlder = after ? true : more;
  const hasNewer = after ? more : !!before;
  return {
    profile,
    rows: page,
    olderCursor: hasOlder && page.length ? page[page.length - 1]!.id : undefined,
    newerCursor: hasNewer && page.length ? page[0]!.id : undefined,
  };
}
