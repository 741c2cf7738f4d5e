import type { EmergencyDetails, NotificationData, NotificationKind, SecurityEvent } from './kinds';

/**
 * The French wording of each kind, for the email (NOT-7: nothing medical, no names, no titles) and for
 * the in-app centre (may name who acted, as the history does). Pure.
 */

/** "votre profil" for the holder, "le profil de Léo" for a representative or an aidant. */
const whose = (profileFirstName: string | null) => (profileFirstName ? `le profil de ${profileFirstName}` : 'votre profil');
/** The same after « à » (« au profil de Léo », « à votre profil »). */
const toWhose = (profileFirstName: string | null) => (profileFirstName ? `au profil de ${profileFirstName}` : 'à votre profil');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SECURITY_SENTENCES: Record<SecurityEvent, string> = {
  credentials: 'Les identifiants de connexion de votre compte ont été modifiés.',
  password: 'Votre mot de passe a été modifié.',
  identifiant: 'Votre identifiant de connexion a été modifié.',
  contact: 'Les coordonnées de votre compte ont été modifiées.',
  lockout: 'La connexion à votre compte a été bloquée après plusieurs essais erronés.',
  'new-device': 'Une connexion à votre compte a eu lieu depuis un nouvel appareil.',
};
const securitySentence = (event?: SecurityEvent) => (event ? SECURITY_SENTENCES[event] : 'Un événement de sécurité concerne votre compte.');
/** After a password or identifiant change, someone else may hold the new one: calling is the advice, not « changez ». */
const securityAdvice = (event?: SecurityEvent) => (event === 'password' || event === 'identifiant'
  ? 'Si ce n’était pas vous, appelez sans attendre le 3422 pour protéger votre compte.'
  : 'Si ce n’était pas vous, changez votre mot de passe et appelez le 3422.');

export type EmailContent = {
  sentence: string; advice?: string; /** false when the profile can no longer be opened. */ link: boolean;
  /** The page the link opens (default: the notification centre); `?profil=` is added for a represented profile. */
  path?: string;
  /** EMG-5: the facts an emergency access email lists, label then value. */
  details?: { label: string; value: string }[];
};

/** EMG-5, EMG-7: the two emergency modes as patients read them. */
export const EMERGENCY_MODE_LABELS: Record<EmergencyDetails['mode'], string> = {
  EMERGENCY: 'Bris de glace',
  REGULATION: 'Régulation SAMU',
};

const PARIS_MOMENT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** EMG-5: professional, profession, date-time (Europe/Paris), mode and justification, in that order. */
export function emergencyDetails(e: EmergencyDetails): { label: string; value: string }[] {
  return [
    { label: 'Professionnel de santé', value: e.professional },
    { label: 'Profession', value: e.profession },
    { label: 'Date et heure', value: PARIS_MOMENT.format(new Date(e.at)) },
    { label: 'Mode d’accès', value: EMERGENCY_MODE_LABELS[e.mode] },
    { label: 'Justification', value: e.justification },
  ];
}

/** PRF-4: where the directives anticipées are read and replaced. */
const DIRECTIVES_PATH = '/espace/profil-medical/directives-anticipees';

/** The one sentence of the generic email "Du nouveau dans Mon espace santé", per kind. */
export function emailContent(kind: NotificationKind, input: { profileFirstName: string | null; securityEvent?: SecurityEvent; emergency?: EmergencyDetails }): EmailContent {
  const w = whose(input.profileFirstName);
  switch (kind) {
    case 'NOTIF_MESSAGE': return { sentence: `Un nouveau message est arrivé dans la messagerie de ${w}.`, link: true };
    case 'NOTIF_DOCUMENT': return { sentence: `Un professionnel de santé a ajouté ou modifié un document dans ${w}.`, link: true };
    case 'NOTIF_APPOINTMENT': return { sentence: `Un rendez-vous, un rappel, un examen ou une vaccination à réaliser est indiqué dans ${w}.`, link: true };
    case 'NOTIF_DEPISTAGE': return { sentence: `Une information sur les dépistages organisés des cancers est disponible dans ${w}.`, link: true };
    case 'NOTIF_SYNCHRONIZED_SERVICE': return { sentence: `Le récapitulatif des services synchronisés à ${w} depuis 90 jours est disponible.`, link: true };
    case 'PS_ACCESS': return { sentence: `Un professionnel de santé a accédé ${toWhose(input.profileFirstName)}.`, advice: 'Vous verrez qui et quand dans l’historique d’activité.', link: true };
    case 'EMERGENCY_ACCESS': return {
      sentence: `Un professionnel de santé a accédé ${toWhose(input.profileFirstName)} en situation d’urgence.`,
      // EMG-2: read-only for 2 hours; EMG-1: the holder's toggles decide whether it may happen again.
      advice: input.emergency
        ? 'Cet accès permet seulement de consulter le profil, pendant 2 heures. Vous le retrouvez dans l’historique d’activité, et vous pouvez régler les accès en urgence dans les paramètres de confidentialité.'
        : 'Vous verrez qui et quand dans l’historique d’activité.',
      link: true, details: input.emergency ? emergencyDetails(input.emergency) : undefined,
    };
    case 'SECURITY': return { sentence: securitySentence(input.securityEvent), advice: securityAdvice(input.securityEvent), link: true };
    case 'CLOSURE': return { sentence: `${capitalised(w)} Mon espace santé a été fermé.`, advice: 'Pour toute question, appelez le 3422.', link: false };
    case 'SUSPENSION': return { sentence: `${capitalised(w)} Mon espace santé a été suspendu par l’Assurance Maladie.`, advice: 'Pour contester, appelez le 3422.', link: false };
    case 'DELETION_DONE': return { sentence: `Les données de ${w} Mon espace santé ont été supprimées.`, link: false };
    case 'INVITATION': return { sentence: `Une invitation à gérer ${w} ou à aider son titulaire a été envoyée ou a reçu une réponse.`, link: true };
    case 'REVOCATION': return { sentence: `Un accès à ${w} a été retiré.`, link: true };
    case 'DIRECTIVES_REVIEW': return {
      sentence: input.profileFirstName ? `Pensez à relire les directives anticipées déposées dans ${w}.` : 'Pensez à relire vos directives anticipées.',
      advice: 'Vous pouvez les modifier à tout moment.', link: true, path: DIRECTIVES_PATH,
    };
  }
}

export type InAppContent = {
  title: string;
  body: string;
  /** A page of the patient's space; `profileScoped` links take `?profil=` for a represented profile. */
  link?: { href: string; label: string; profileScoped: boolean };
};

/** What the in-app centre shows: the same facts, with who acted when the caller recorded it. */
export function inAppContent(kind: NotificationKind, data: NotificationData): InAppContent {
  const pro = data.actorLabel ?? 'Un professionnel de santé';
  const history = { href: '/espace/historique?onglet=professionnels', label: 'Voir l’historique d’activité', profileScoped: true };
  switch (kind) {
    case 'NOTIF_MESSAGE': return { title: 'Nouveau message', body: 'Un nouveau message est arrivé dans la messagerie.' };
    case 'NOTIF_DOCUMENT': return {
      title: 'Nouveau document', body: `${pro} a ajouté ou modifié un document.`,
      link: data.documentId
        ? { href: `/espace/documents/${data.documentId}`, label: 'Voir le document', profileScoped: false }
        : { href: '/espace/documents', label: 'Voir les documents', profileScoped: true },
    };
    case 'NOTIF_APPOINTMENT': return { title: 'Rendez-vous et rappels', body: 'Un rendez-vous, un rappel, un examen ou une vaccination à réaliser est indiqué.' };
    case 'NOTIF_DEPISTAGE': return { title: 'Dépistages organisés des cancers', body: 'Une information sur les dépistages organisés des cancers est disponible.' };
    case 'NOTIF_SYNCHRONIZED_SERVICE': return { title: 'Services synchronisés', body: 'Le récapitulatif des services synchronisés depuis 90 jours est disponible.' };
    case 'PS_ACCESS': return { title: 'Accès d’un professionnel de santé', body: `${pro} a accédé au profil.`, link: history };
    case 'EMERGENCY_ACCESS': return {
      title: 'Accès en situation d’urgence',
      body: data.emergency
        ? `${pro} a accédé au profil en situation d’urgence (${EMERGENCY_MODE_LABELS[data.emergency.mode]}). Justification : « ${data.emergency.justification} »`
        : `${pro} a accédé au profil en situation d’urgence.`,
      link: history,
    };
    case 'SECURITY': return { title: 'Sécurité du compte', body: securitySentence(data.securityEvent) };
    case 'CLOSURE': return { title: 'Fermeture du profil', body: 'Le profil a été fermé.' };
    case 'SUSPENSION': return { title: 'Suspension du profil', body: 'Le profil a été suspendu par l’Assurance Maladie.' };
    case 'DELETION_DONE': return { title: 'Données supprimées', body: 'Les données du profil ont été supprimées.' };
    case 'INVITATION': return {
      title: 'Invitation', body: 'Une invitation à gérer le profil ou à aider son titulaire a été envoyée ou a reçu une réponse.',
      link: { href: '/espace/invitations', label: 'Voir les invitations', profileScoped: false },
    };
    case 'REVOCATION': return { title: 'Accès retiré', body: 'Un accès au profil a été retiré.' };
    case 'DIRECTIVES_REVIEW': return {
      title: 'Relire vos directives anticipées',
      body: 'Vos directives anticipées ont été déposées il y a un an ou plus. Pensez à les relire : si vos volontés ont changé, déposez une nouvelle version.',
      link: { href: DIRECTIVES_PATH, label: 'Voir les directives anticipées', profileScoped: true },
    };
  }
}
