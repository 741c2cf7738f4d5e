/**
 * Profile lifecycle state machine — ACC-1 (states), ACC-2 (transitions), ACC-3 (what each state allows).
 * Pure: the caller persists the new state and traces refusals (ACC-2 "refused and traced").
 */
import { DomainError } from '@/lib/errors';

export type ProfileState =
  | 'PENDING'
  | 'OPPOSED'
  | 'CREATED'
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'CLOSED'
  | 'DELETION_REQUESTED'
  | 'PURGED';

export type LifecycleEvent =
  | 'NOTICE_SENT'
  | 'OPPOSITION'
  | 'WINDOW_OVER'
  | 'ACTIVATION'
  | 'CLOSURE'
  | 'SUSPENSION'
  | 'SUSPENSION_LIFTED'
  | 'SUSPENSION_EXPIRED'
  | 'DELETION_REQUEST'
  | 'REOPENING'
  | 'REACTIVATION'
  | 'PURGE'
  | 'ARCHIVE_EXPIRED'
  | 'OPPOSITION_WITHDRAWN'
  | 'DEATH'
  | 'LATE_POSTMARKED_OPPOSITION';

export type LifecycleActor = 'SYSTEM' | 'PATIENT' | 'SUPPORT' | 'ENROLMENT';

export interface TransitionRule {
  id: `T${number}`;
  /** `null` = no profile yet (T1). */
  from: readonly ProfileState[] | null;
  event: LifecycleEvent;
  /** `PREVIOUS` = back to the state held before suspension (T7). */
  to: ProfileState | 'PREVIOUS';
  actors: readonly LifecycleActor[];
  rule: string;
}

/** ACC-2, row for row (plus T16 for OPP-4). Any (from, event, actor) not listed here is refused. */
export const TRANSITIONS: readonly TransitionRule[] = [
  { id: 'T1', from: null, event: 'NOTICE_SENT', to: 'PENDING', actors: ['SYSTEM'], rule: 'CMP-1..4' },
  { id: 'T2', from: ['PENDING'], event: 'OPPOSITION', to: 'OPPOSED', actors: ['PATIENT', 'SUPPORT'], rule: 'OPP-4' },
  { id: 'T3', from: ['PENDING'], event: 'WINDOW_OVER', to: 'CREATED', actors: ['SYSTEM'], rule: 'CMP-4' },
  { id: 'T4', from: ['PENDING', 'CREATED'], event: 'ACTIVATION', to: 'ACTIVE', actors: ['ENROLMENT'], rule: 'ACT-1..5' },
  { id: 'T5', from: ['CREATED', 'ACTIVE'], event: 'CLOSURE', to: 'CLOSED', actors: ['PATIENT', 'SUPPORT'], rule: 'CLO-1..3' },
  { id: 'T6', from: ['CREATED', 'ACTIVE'], event: 'SUSPENSION', to: 'SUSPENDED', actors: ['SUPPORT'], rule: 'CLO-9' },
  { id: 'T7', from: ['SUSPENDED'], event: 'SUSPENSION_LIFTED', to: 'PREVIOUS', actors: ['SUPPORT'], rule: 'CLO-10' },
  { id: 'T8', from: ['SUSPENDED'], event: 'SUSPENSION_EXPIRED', to: 'CLOSED', actors: ['SYSTEM'], rule: 'CLO-9' },
  { id: 'T9', from: ['CLOSED'], event: 'DELETION_REQUEST', to: 'DELETION_REQUESTED', actors: ['PATIENT', 'SUPPORT'], rule: 'CLO-5' },
  { id: 'T10', from: ['CLOSED'], event: 'REOPENING', to: 'ACTIVE', actors: ['ENROLMENT'], rule: 'CLO-6' },
  { id: 'T11', from: ['DELETION_REQUESTED'], event: 'REACTIVATION', to: 'ACTIVE', actors: ['ENROLMENT'], rule: 'CLO-7' },
  { id: 'T12', from: ['DELETION_REQUESTED'], event: 'PURGE', to: 'PURGED', actors: ['SYSTEM'], rule: 'CLO-5' },
  { id: 'T13', from: ['CLOSED'], event: 'ARCHIVE_EXPIRED', to: 'PURGED', actors: ['SYSTEM'], rule: 'CLO-4' },
  { id: 'T14', from: ['OPPOSED'], event: 'OPPOSITION_WITHDRAWN', to: 'CREATED', actors: ['PATIENT', 'SUPPORT'], rule: 'OPP-9' },
  { id: 'T15', from: ['CREATED', 'ACTIVE'], event: 'DEATH', to: 'CLOSED', actors: ['SUPPORT', 'SYSTEM'], rule: 'CLO-11' },
  // OPP-4 demands it though ACC-2 does not list it (proposed for DOMAIN.md): a letter postmarked inside
  // the window that arrives after creation still counts; only an agent keys it, only before activation.
  { id: 'T16', from: ['CREATED'], event: 'LATE_POSTMARKED_OPPOSITION', to: 'OPPOSED', actors: ['SUPPORT'], rule: 'OPP-4' },
];

export const STATE_LABELS_FR: Record<ProfileState, string> = {
  PENDING: 'invité',
  OPPOSED: 'opposé',
  CREATED: 'créé, non activé',
  ACTIVE: 'activé',
  SUSPENDED: 'suspendu',
  CLOSED: 'fermé',
  DELETION_REQUESTED: 'suppression demandée',
  PURGED: 'supprimé',
};

export type RefusalReason = 'state' | 'actor' | 'previous-state';

export class TransitionRefusedError extends DomainError {
  readonly from: ProfileState | null;
  readonly event: LifecycleEvent;
  readonly actor: LifecycleActor;
  readonly reason: RefusalReason;
  constructor(from: ProfileState | null, event: LifecycleEvent, actor: LifecycleActor, reason: RefusalReason) {
    const message =
      from === null
        ? 'Cette opération n’est pas possible : aucun profil n’existe encore.'
        : reason === 'actor'
          ? 'Vous n’êtes pas autorisé à effectuer cette opération sur ce profil.'
          : `Cette opération n’est pas possible pour un profil dans l’état « ${STATE_LABELS_FR[from]} ».`;
    super('lifecycle.refused', message);
    this.from = from;
    this.event = event;
    this.actor = actor;
    this.reason = reason;
  }
}

/** States a suspension can come from (T6), hence the only valid targets when it is lifted (T7). */
const SUSPENDABLE: readonly ProfileState[] = ['CREATED', 'ACTIVE'];

export function transition(
  from: ProfileState | null,
  event: LifecycleEvent,
  actor: LifecycleActor,
  previousState?: ProfileState,
): { to: ProfileState; transitionId: string } {
  const matching = TRANSITIONS.filter(
    (t) => t.event === event && (t.from === null ? from === null : from !== null && t.from.includes(from)),
  );
  const rule = matching.find((t) => t.actors.includes(actor));
  if (!rule) throw new TransitionRefusedError(from, event, actor, matching.length > 0 ? 'actor' : 'state');
  if (rule.to !== 'PREVIOUS') return { to: rule.to, transitionId: rule.id };
  // T7: lifting must restore exactly what was suspended; without a valid previous state we refuse rather than guess.
  if (!previousState || !SUSPENDABLE.includes(previousState)) {
    throw new TransitionRefusedError(from, event, actor, 'previous-state');
  }
  return { to: previousState, transitionId: rule.id };
}

// ---------------------------------------------------------------------------------------------
// ACC-3: what each state allows.

export type Capability = 'patientLogin' | 'proReadDeposit' | 'emergency' | 'messagesToPatient';
export type PatientLoginMode = 'full' | 'activation' | 'activation-or-closure' | 'objection-only' | 'reopening-only' | 'none';
export type MessagePolicy = 'deliver' | 'hold' | 'refuse';

const LOGIN_MODE: Record<ProfileState, PatientLoginMode> = {
  PENDING: 'activation',
  OPPOSED: 'none',
  CREATED: 'activation-or-closure',
  ACTIVE: 'full',
  SUSPENDED: 'objection-only',
  CLOSED: 'reopening-only',
  DELETION_REQUESTED: 'reopening-only',
  PURGED: 'none',
};

const MESSAGE_POLICY: Record<ProfileState, MessagePolicy> = {
  PENDING: 'refuse',
  OPPOSED: 'refuse',
  CREATED: 'refuse',
  ACTIVE: 'deliver',
  SUSPENDED: 'hold',
  CLOSED: 'refuse',
  DELETION_REQUESTED: 'refuse',
  PURGED: 'refuse',
};

/** ACC-4: PS access and emergency depend on the profile existing and being open, never on activation. */
const PRO_AND_EMERGENCY: readonly ProfileState[] = ['CREATED', 'ACTIVE', 'SUSPENDED'];

export function patientLoginMode(state: ProfileState): PatientLoginMode {
  return LOGIN_MODE[state];
}

export function messagePolicy(state: ProfileState): MessagePolicy {
  return MESSAGE_POLICY[state];
}

/**
 * ACC-3 as booleans. `patientLogin` is true only for a full login (see patientLoginMode for the
 * restricted flows); `messagesToPatient` is true when a message is accepted, delivered or held
 * (see messagePolicy to tell them apart).
 */
export function can(state: ProfileState, capability: Capability): boolean {
  switch (capability) {
    case 'patientLogin':
      return LOGIN_MODE[state] === 'full';
    case 'proReadDeposit':
    case 'emergency':
      return PRO_AND_EMERGENCY.includes(state);
    case 'messagesToPatient':
      return MESSAGE_POLICY[state] !== 'refuse';
  }
}
