import type { Db } from '@/db/client';
import type { AccessEvent } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { recordAccess } from './record-access';

/** AUD-4: the tabs of "Historique d’activité", by actor type. */
export const HISTORY_TABS = {
  'mes-actions': { label: 'Mes actions', actorTypes: ['PATIENT', 'ENROLMENT'] },
  professionnels: { label: 'Professionnels', actorTypes: ['HEALTHCARE_PROFESSIONAL', 'HEALTHCARE_FACILITY'] },
  'services-synchronises': { label: 'Services synchronisés', actorTypes: ['SERVICE_TIERS'] },
  'assurance-maladie': { label: 'Assurance Maladie et accompagnement', actorTypes: ['SUPPORT', 'SYSTEM'] },
} as const;
export type HistoryTab = keyof typeof HISTORY_TABS;

const ACTION_LABELS: Record<string, string> = {
  'profile.create': 'Création du profil et envoi du code provisoire',
  'profile.activate': 'Activation du profil',
  'account.login': 'Connexion à Mon espace santé',
  'profile.admin.read': 'Consultation de vos informations administratives (sans contenu médical)',
  'profile.history.read': 'Consultation de l’historique d’activité',
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
  'profile.merge': 'Fusion d’un profil en double',
  'profile.heir-request': 'Demande d’accès d’un ayant droit',
  'profile.heir-decision': 'Décision sur une demande d’ayant droit',
  'profile.heir-export': 'Export remis à un ayant droit',
  'document.add': 'Ajout d’un document',
  'document.read': 'Consultation d’un document',
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
  MODIF_PARAM_ACCESS_URGENCE: 'Modification des autorisations d’accès en urgence',
  'professional.search': 'Recherche d’un professionnel de santé',
  'professional.block': 'Blocage d’un professionnel de santé',
  'professional.unblock': 'Déblocage d’un professionnel de santé',
  'measure.add': 'Ajout d’une mesure',
  'measure.delete': 'Suppression d’une mesure',
  'measure.target.set': 'Objectif de mesure enregistré',
  'measure.target.remove': 'Objectif de mesure supprimé',
  'measure.read': 'Consultation des mesures',
};

export function describeTrace(e: Pick<AccessEvent, 'action' | 'outcome' | 'actor_type'>): string {
  const label = ACTION_LABELS[e.action] ?? e.action;
  if (e.outcome === 'OK') return label;
  return e.actor_type === 'HEALTHCARE_PROFESSIONAL' ? 'Tentative d’accès refusée' : `${label} : tentative refusée`;
}

export const HISTORY_PAGE_SIZE = 20;

/**
 * One page of a profile's traces, newest first, with a keyset cursor (the last id shown).
 * Access goes through the policy (AUD-6); a refusal is itself traced.
 */
export async function listHistory(db: Db, actor: Actor, input: { profileId: string; tab: HistoryTab; before?: string; after?: string }, now: Date) {
  const profile = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.first_names', 'profiles.birth_name', 'accounts.id as holder'])
    .where('profiles.id', '=', input.profileId).executeTakeFirst();
  if (!profile) throw new NotFoundError('Profil');
  const decision = authorize(actor, 'profile.history.read', { profile: { id: profile.id, state: profile.state, holderAccountId: profile.holder } });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'profile.history.read', profileId: profile.id, decision, at: now });
    throw new AccessDeniedError(decision.reason);
  }
  const base = db.selectFrom('access_events').selectAll().where('profile_id', '=', profile.id)
    .where('actor_type', 'in', [...HISTORY_TABS[input.tab].actorTypes]);
  const cursor = (v?: string) => (v && /^\d+$/.test(v) ? v : undefined);
  const after = cursor(input.after);
  const before = cursor(input.before);
  let page: AccessEvent[];
  let hasOlder: boolean;
  let hasNewer: boolean;
  if (after) {
    // Going back towards the newest: read ascending past the cursor, then show newest first.
    const rows = await base.where('id', '>', after).orderBy('id', 'asc').limit(HISTORY_PAGE_SIZE + 1).execute();
    hasNewer = rows.length > HISTORY_PAGE_SIZE;
    page = rows.slice(0, HISTORY_PAGE_SIZE).reverse();
    hasOlder = true;
  } else {
    const rows = await (before ? base.where('id', '<', before) : base).orderBy('id', 'desc').limit(HISTORY_PAGE_SIZE + 1).execute();
    hasOlder = rows.length > HISTORY_PAGE_SIZE;
    page = rows.slice(0, HISTORY_PAGE_SIZE);
    hasNewer = !!before;
  }
  return {
    profile: { id: profile.id, name: `${profile.first_names.split(' ')[0]} ${profile.birth_name}` },
    rows: page,
    olderCursor: hasOlder && page.length ? page[page.length - 1]!.id : undefined,
    newerCursor: hasNewer && page.length ? page[0]!.id : undefined,
  };
}
