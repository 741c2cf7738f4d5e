import { describe, test, expect } from 'vitest';
import {
  STATE_LABELS_FR,
  TRANSITIONS,
  TransitionRefusedError,
  can,
  messagePolicy,
  patientLoginMode,
  transition,
  type LifecycleActor,
  type LifecycleEvent,
  type ProfileState,
} from '@/lib/accounts/lifecycle';

function refusal(
  from: ProfileState | null,
  event: LifecycleEvent,
  actor: LifecycleActor,
  previous?: ProfileState,
): TransitionRefusedError {
  try {
    transition(from, event, actor, previous);
  } catch (e) {
    expect(e).toBeInstanceOf(TransitionRefusedError);
    return e as TransitionRefusedError;
  }
  throw new Error(`expected ${from} --${event}/${actor}--> to be refused`);
}

describe('ACC-2 allowed transitions', () => {
  test('ACC-2 T1: a sent notice creates a PENDING profile (SYSTEM)', () => {
    expect(transition(null, 'NOTICE_SENT', 'SYSTEM')).toEqual({ to: 'PENDING', transitionId: 'T1' });
  });

  test('ACC-2 T2: opposition moves PENDING to OPPOSED, by the patient or support', () => {
    expect(transition('PENDING', 'OPPOSITION', 'PATIENT')).toEqual({ to: 'OPPOSED', transitionId: 'T2' });
    expect(transition('PENDING', 'OPPOSITION', 'SUPPORT')).toEqual({ to: 'OPPOSED', transitionId: 'T2' });
  });

  test('ACC-2 T3: the end of the window without opposition moves PENDING to CREATED (SYSTEM)', () => {
    expect(transition('PENDING', 'WINDOW_OVER', 'SYSTEM')).toEqual({ to: 'CREATED', transitionId: 'T3' });
  });

  test('ACC-2 T4: activation moves PENDING (early) or CREATED to ACTIVE (ENROLMENT)', () => {
    expect(transition('PENDING', 'ACTIVATION', 'ENROLMENT')).toEqual({ to: 'ACTIVE', transitionId: 'T4' });
    expect(transition('CREATED', 'ACTIVATION', 'ENROLMENT')).toEqual({ to: 'ACTIVE', transitionId: 'T4' });
  });

  test('ACC-2 T5: closure moves CREATED or ACTIVE to CLOSED, by the patient or support', () => {
    expect(transition('CREATED', 'CLOSURE', 'SUPPORT')).toEqual({ to: 'CLOSED', transitionId: 'T5' });
    expect(transition('ACTIVE', 'CLOSURE', 'PATIENT')).toEqual({ to: 'CLOSED', transitionId: 'T5' });
  });

  test('ACC-2 T6: a CNAM suspension moves CREATED or ACTIVE to SUSPENDED (SUPPORT)', () => {
    expect(transition('CREATED', 'SUSPENSION', 'SUPPORT')).toEqual({ to: 'SUSPENDED', transitionId: 'T6' });
    expect(transition('ACTIVE', 'SUSPENSION', 'SUPPORT')).toEqual({ to: 'SUSPENDED', transitionId: 'T6' });
  });

  test('ACC-2 T7: lifting a suspension restores the previous state (SUPPORT)', () => {
    expect(transition('SUSPENDED', 'SUSPENSION_LIFTED', 'SUPPORT', 'ACTIVE')).toEqual({ to: 'ACTIVE', transitionId: 'T7' });
    expect(transition('SUSPENDED', 'SUSPENSION_LIFTED', 'SUPPORT', 'CREATED')).toEqual({ to: 'CREATED', transitionId: 'T7' });
  });

  test('ACC-2 T7: lifting without a suspendable previous state is refused', () => {
    expect(refusal('SUSPENDED', 'SUSPENSION_LIFTED', 'SUPPORT').reason).toBe('previous-state');
    expect(refusal('SUSPENDED', 'SUSPENSION_LIFTED', 'SUPPORT', 'CLOSED').reason).toBe('previous-state');
  });

  test('ACC-2 T8: 42 days of suspension without objection move SUSPENDED to CLOSED (SYSTEM)', () => {
    expect(transition('SUSPENDED', 'SUSPENSION_EXPIRED', 'SYSTEM')).toEqual({ to: 'CLOSED', transitionId: 'T8' });
  });

  test('ACC-2 T9: a deletion request moves CLOSED to DELETION_REQUESTED, by the patient or support', () => {
    expect(transition('CLOSED', 'DELETION_REQUEST', 'PATIENT')).toEqual({ to: 'DELETION_REQUESTED', transitionId: 'T9' });
    expect(transition('CLOSED', 'DELETION_REQUEST', 'SUPPORT')).toEqual({ to: 'DELETION_REQUESTED', transitionId: 'T9' });
  });

  test('ACC-2 T10: re-opening moves CLOSED to ACTIVE (ENROLMENT)', () => {
    expect(transition('CLOSED', 'REOPENING', 'ENROLMENT')).toEqual({ to: 'ACTIVE', transitionId: 'T10' });
  });

  test('ACC-2 T11: re-activation moves DELETION_REQUESTED to ACTIVE (ENROLMENT)', () => {
    expect(transition('DELETION_REQUESTED', 'REACTIVATION', 'ENROLMENT')).toEqual({ to: 'ACTIVE', transitionId: 'T11' });
  });

  test('ACC-2 T12: the purge moves DELETION_REQUESTED to PURGED (SYSTEM)', () => {
    expect(transition('DELETION_REQUESTED', 'PURGE', 'SYSTEM')).toEqual({ to: 'PURGED', transitionId: 'T12' });
  });

  test('ACC-2 T13: ten years of archive move CLOSED to PURGED (SYSTEM)', () => {
    expect(transition('CLOSED', 'ARCHIVE_EXPIRED', 'SYSTEM')).toEqual({ to: 'PURGED', transitionId: 'T13' });
  });

  test('ACC-2 T14: withdrawing an opposition moves OPPOSED to CREATED, by the patient or support', () => {
    expect(transition('OPPOSED', 'OPPOSITION_WITHDRAWN', 'PATIENT')).toEqual({ to: 'CREATED', transitionId: 'T14' });
    expect(transition('OPPOSED', 'OPPOSITION_WITHDRAWN', 'SUPPORT')).toEqual({ to: 'CREATED', transitionId: 'T14' });
  });

  test('ACC-2 T15: a recorded death moves CREATED or ACTIVE to CLOSED (SUPPORT or SYSTEM)', () => {
    expect(transition('CREATED', 'DEATH', 'SYSTEM')).toEqual({ to: 'CLOSED', transitionId: 'T15' });
    expect(transition('ACTIVE', 'DEATH', 'SUPPORT')).toEqual({ to: 'CLOSED', transitionId: 'T15' });
  });

  test('ACC-2: the table has exactly the rows T1..T15, in order, plus T16 for OPP-4', () => {
    expect(TRANSITIONS.map((t) => t.id)).toEqual(Array.from({ length: 16 }, (_, i) => `T${i + 1}`));
  });

  test('OPP-4 (T16): a late postmarked letter turns a CREATED profile OPPOSED — agents only, never after activation', () => {
    expect(transition('CREATED', 'LATE_POSTMARKED_OPPOSITION', 'SUPPORT')).toEqual({ to: 'OPPOSED', transitionId: 'T16' });
    expect(refusal('CREATED', 'LATE_POSTMARKED_OPPOSITION', 'PATIENT').reason).toBe('actor');
    expect(refusal('ACTIVE', 'LATE_POSTMARKED_OPPOSITION', 'SUPPORT').reason).toBe('state');
  });
});

describe('ACC-2 refused transitions', () => {
  test('ACC-2: an OPPOSED profile cannot be activated, with a French message naming the state', () => {
    const err = refusal('OPPOSED', 'ACTIVATION', 'ENROLMENT');
    expect(err.code).toBe('lifecycle.refused');
    expect(err.reason).toBe('state');
    expect(err.message).toBe('Cette opération n’est pas possible pour un profil dans l’état « opposé ».');
    expect({ from: err.from, event: err.event, actor: err.actor }).toEqual({
      from: 'OPPOSED',
      event: 'ACTIVATION',
      actor: 'ENROLMENT',
    });
  });

  test('ACC-2: a right event by a wrong actor is refused (patient cannot suspend, support cannot activate)', () => {
    expect(refusal('ACTIVE', 'SUSPENSION', 'PATIENT').reason).toBe('actor');
    expect(refusal('CREATED', 'ACTIVATION', 'SUPPORT').reason).toBe('actor');
    expect(refusal('PENDING', 'WINDOW_OVER', 'PATIENT').reason).toBe('actor');
  });

  test('ACC-2/OPP-4: opposition is only accepted in PENDING', () => {
    expect(refusal('CREATED', 'OPPOSITION', 'PATIENT').reason).toBe('state');
    expect(refusal('ACTIVE', 'OPPOSITION', 'SUPPORT').reason).toBe('state');
  });

  test('ACC-2: a CLOSED profile cannot be closed again, and its message says « fermé »', () => {
    expect(refusal('CLOSED', 'CLOSURE', 'PATIENT').message).toContain('« fermé »');
  });

  test('ACC-2: PURGED is terminal for every event', () => {
    const events = [...new Set(TRANSITIONS.map((t) => t.event))];
    for (const event of events) {
      for (const actor of ['SYSTEM', 'PATIENT', 'SUPPORT', 'ENROLMENT'] as const) {
        expect(() => transition('PURGED', event, actor, 'ACTIVE')).toThrow(TransitionRefusedError);
      }
    }
  });

  test('ACC-2: a notice cannot be sent for an existing profile, and only T1 starts from no profile', () => {
    expect(refusal('PENDING', 'NOTICE_SENT', 'SYSTEM').reason).toBe('state');
    expect(refusal(null, 'ACTIVATION', 'ENROLMENT').message).toContain('aucun profil');
  });
});

describe('ACC-3 what each state allows', () => {
  const rows: [ProfileState, string, boolean, boolean, string][] = [
    // state, login mode, PS read & deposit, emergency, messages
    ['PENDING', 'activation', false, false, 'refuse'],
    ['OPPOSED', 'none', false, false, 'refuse'],
    ['CREATED', 'activation-or-closure', true, true, 'refuse'],
    ['ACTIVE', 'full', true, true, 'deliver'],
    ['SUSPENDED', 'objection-only', true, true, 'hold'],
    ['CLOSED', 'reopening-only', false, false, 'refuse'],
    ['DELETION_REQUESTED', 'reopening-only', false, false, 'refuse'],
    ['PURGED', 'none', false, false, 'refuse'],
  ];
  test.each(rows)('ACC-3: %s → login %s, PS %s, emergency %s, messages %s', (state, login, pro, emergency, msg) => {
    expect(patientLoginMode(state)).toBe(login);
    expect(can(state, 'patientLogin')).toBe(login === 'full');
    expect(can(state, 'proReadDeposit')).toBe(pro);
    expect(can(state, 'emergency')).toBe(emergency);
    expect(messagePolicy(state)).toBe(msg);
    expect(can(state, 'messagesToPatient')).toBe(msg !== 'refuse');
  });

  test('ACC-1: every state has a French label', () => {
    expect(STATE_LABELS_FR.CREATED).toBe('créé, non activé');
    expect(STATE_LABELS_FR.DELETION_REQUESTED).toBe('suppression demandée');
    expect(Object.keys(STATE_LABELS_FR)).toHaveLength(8);
  });
});
