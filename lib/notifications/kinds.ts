import type { ProfileState } from '@/lib/accounts/lifecycle';

/**
 * NOT-1..7 as pure rules (no I/O): the kinds of notification, which ones an account may switch off,
 * when a profile receives anything at all, and who gets an email.
 */

/** NOT-1: what the user may switch off, per channel (on by default), with the labels users see. */
export const SWITCHABLE_KINDS = {
  NOTIF_MESSAGE: 'Nouveau message reçu',
  NOTIF_DOCUMENT: 'Ajout ou modification d’un document par un professionnel',
  NOTIF_APPOINTMENT: 'Rendez-vous, rappels, examens et vaccinations à réaliser',
  NOTIF_DEPISTAGE: 'Dépistages organisés des cancers',
  NOTIF_SYNCHRONIZED_SERVICE: 'Récapitulatif des services synchronisés (90 jours)',
} as const;
export type SwitchableKind = keyof typeof SWITCHABLE_KINDS;

/** NOT-2 (each PS access, each emergency access) and NOT-4: always sent, never switchable. */
export const MANDATORY_KINDS = {
  PS_ACCESS: 'Accès d’un professionnel de santé à votre profil',
  EMERGENCY_ACCESS: 'Accès à votre profil en situation d’urgence',
  SECURITY: 'Sécurité de votre compte (identifiants, coordonnées, blocage, nouvel appareil)',
  CLOSURE: 'Fermeture du profil',
  SUSPENSION: 'Suspension du profil',
  DELETION_DONE: 'Suppression des données effectuée',
  INVITATION: 'Invitations à gérer un profil ou à devenir aidant',
  REVOCATION: 'Retrait d’un accès à un profil',
} as const;
export type MandatoryKind = keyof typeof MANDATORY_KINDS;

/**
 * Reminders that have no switch of their own: their emails follow the NOT-1 switch they belong to
 * (PRF-4: the yearly directives review is a reminder, « Rendez-vous, rappels… »).
 */
export const REMINDER_KINDS = {
  DIRECTIVES_REVIEW: { label: 'Relire vos directives anticipées', preference: 'NOTIF_APPOINTMENT' },
} as const satisfies Record<string, { label: string; preference: SwitchableKind }>;
export type ReminderKind = keyof typeof REMINDER_KINDS;

export type NotificationKind = SwitchableKind | MandatoryKind | ReminderKind;
export const NOTIFICATION_KINDS = [...Object.keys(SWITCHABLE_KINDS), ...Object.keys(MANDATORY_KINDS), ...Object.keys(REMINDER_KINDS)] as NotificationKind[];

/** NOT-1: the channels of a preference (SMS and push: lib/notifications/channels). */
export const CHANNELS = ['EMAIL', 'SMS', 'PUSH'] as const;
export type NotificationChannel = (typeof CHANNELS)[number];

export const isSwitchable = (kind: NotificationKind): kind is SwitchableKind => kind in SWITCHABLE_KINDS;
/** NOT-1: the switch that governs a kind's emails: its own, the one a reminder follows, or none (mandatory: NOT-2, NOT-4). */
export function preferenceOf(kind: NotificationKind): SwitchableKind | null {
  if (isSwitchable(kind)) return kind;
  return kind in REMINDER_KINDS ? REMINDER_KINDS[kind as ReminderKind].preference : null;
}
export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as string[]).includes(value);

export type SecurityEvent = 'credentials' | 'password' | 'identifiant' | 'contact' | 'lockout' | 'new-device';

/**
 * What a notification may carry. Nothing medical (no document title, no category): the row is shared
 * by every account of the profile and its email says even less (NOT-7).
 */
export type NotificationData = {
  /** Who acted, as the history shows it ("Dr Claire Martin, médecin généraliste"): in-app only, never emailed. */
  actorLabel?: string;
  /** PS_ACCESS: who, for NOT-3's 60-minute grouping (never shown). */
  professionalId?: string;
  /** NOTIF_DOCUMENT: the document concerned, for the in-app link only. */
  documentId?: string;
  /** SECURITY: which event (NOT-4). */
  securityEvent?: SecurityEvent;
  /** EMERGENCY_ACCESS: what EMG-5 requires the email to say (the one exception to NOT-7's "no names"). */
  emergency?: EmergencyDetails;
};

/** EMG-5: who accessed, their profession, when (ISO instant, shown in Europe/Paris), the mode and the justification. */
export type EmergencyDetails = {
  professional: string;
  profession: string;
  at: string;
  mode: 'EMERGENCY' | 'REGULATION';
  justification: string;
};

/** Kinds that concern a profile leaving the ACTIVE state, with the states they are still sent in. */
const LIFECYCLE_STATES: Partial<Record<NotificationKind, readonly ProfileState[]>> = {
  SUSPENSION: ['ACTIVE', 'SUSPENDED'],
  CLOSURE: ['ACTIVE', 'SUSPENDED', 'CLOSED', 'DELETION_REQUESTED'],
  DELETION_DONE: ['CLOSED', 'DELETION_REQUESTED', 'PURGED'],
};

/**
 * NOT-5: nothing for a CREATED profile (nor PENDING, OPPOSED...): only an ACTIVE profile is notified,
 * except closure, suspension and completed deletion, which concern profiles that were active and are
 * no longer. A profile closed or suspended straight from CREATED (T5, T6, T15) still gets nothing.
 */
export function isDeliverable(kind: NotificationKind, profile: { state: ProfileState; previousState: ProfileState | null }): boolean {
  if (profile.state === 'ACTIVE') return true;
  const states = LIFECYCLE_STATES[kind];
  if (!states?.includes(profile.state)) return false;
  return profile.previousState !== 'CREATED';
}

/** A purged profile keeps no data (CLO-4): its accounts are told by email only, no in-app row. */
export const keepsInAppRow = (state: ProfileState) => state !== 'PURGED';

/**
 * NOT-1, NOT-2, NOT-4: an account gets the email unless it switched this kind off (for a reminder, the
 * switch it follows: `emailEnabled` is that switch); mandatory kinds always go.
 */
export function wantsEmail(kind: NotificationKind, emailEnabled: boolean | null | undefined): boolean {
  if (preferenceOf(kind) === null) return true;
  return emailEnabled !== false;
}

export type Recipient = { accountId: string; email: string; relation: 'HOLDER' | 'REPRESENTATIVE' | 'AIDANT'; emailEnabled: boolean | null };

/**
 * NOT-7: the accounts that get an email for this kind, one each however they reach the profile. A
 * security event concerns the holder's own account: only the holder is emailed about it.
 */
export function emailRecipients(kind: NotificationKind, recipients: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    if (seen.has(r.accountId) || !wantsEmail(kind, r.emailEnabled)) return false;
    if (kind === 'SECURITY' && r.relation !== 'HOLDER') return false;
    seen.add(r.accountId);
    return true;
  });
}
