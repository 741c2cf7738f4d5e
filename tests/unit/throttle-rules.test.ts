import { describe, test, expect } from 'vitest';
import {
  IP_ACTIVATION_LIMIT_PER_HOUR,
  THROTTLE_MESSAGES_FR,
  activationGate,
  afterActivationFailure,
  afterPasswordFailure,
  formatRemainingFr,
  ipActivationGate,
  passwordGate,
} from '@/lib/auth/throttle-rules';

const T0 = new Date('2024-05-01T10:00:00Z').getTime();
const at = (secondsAfterT0: number) => new Date(T0 + secondsAfterT0 * 1000);
const MIN = 60;

/** Failures at the given offsets (seconds), as the caller would load them. */
function history(offsets: number[], consecutive = offsets.length) {
  const failures = offsets.map(at);
  return { consecutiveFailures: consecutive, lastFailureAt: failures[failures.length - 1] ?? null, failuresLast24h: failures };
}

describe('ACT-5 activation throttling', () => {
  test('ACT-5: after 2 consecutive failures the next try is immediate', () => {
    expect(activationGate(history([0, 1]), at(2))).toEqual({ allowed: true });
  });

  test('ACT-5: from the 3rd consecutive failure, each try waits 30 s after the last failure', () => {
    const h = history([0, 1, 2]);
    expect(activationGate(h, at(31))).toEqual({ allowed: false, reason: 'wait', retryAt: at(32) });
    expect(activationGate(h, at(32))).toEqual({ allowed: true });
  });

  test('ACT-5: a success resets the consecutive count, so no wait even with recent failures', () => {
    expect(activationGate(history([0, 1, 2], 0), at(3))).toEqual({ allowed: true });
  });

  test('ACT-5: 5 failures within 24 h lock activation for 30 minutes from the 5th failure', () => {
    const h = history([0, 40, 80, 120, 160]);
    expect(activationGate(h, at(200))).toEqual({ allowed: false, reason: 'locked', retryAt: at(160 + 30 * MIN) });
    expect(activationGate(h, at(160 + 30 * MIN - 1)).allowed).toBe(false);
    expect(activationGate(h, at(160 + 30 * MIN))).toEqual({ allowed: true });
  });

  test('ACT-5: 5 failures spread over more than 24 h do not lock', () => {
    const h = history([0, 6 * 3600, 12 * 3600, 18 * 3600, 24 * 3600], 1);
    expect(activationGate(h, at(24 * 3600 + 1))).toEqual({ allowed: true });
  });

  test('ACT-5: the lock holds even when the 1st of the 5 failures is now more than 24 h old', () => {
    // Failures at 0 and 23 h 50 → 23 h 59; the lock from the 5th (23 h 59) runs past the 24 h mark.
    const fifth = 23 * 3600 + 59 * MIN;
    const h = history([0, 23 * 3600 + 50 * MIN, 23 * 3600 + 55 * MIN, 23 * 3600 + 57 * MIN, fifth], 1);
    expect(activationGate(h, at(24 * 3600 + 5 * MIN))).toEqual({ allowed: false, reason: 'locked', retryAt: at(fifth + 30 * MIN) });
  });

  test('ACT-5: a failure after the lock ends, still 5+ in 24 h, locks again for 30 minutes', () => {
    const sixth = 160 + 30 * MIN + 10;
    const h = history([0, 40, 80, 120, 160, sixth]);
    expect(activationGate(h, at(sixth + 60))).toEqual({ allowed: false, reason: 'locked', retryAt: at(sixth + 30 * MIN) });
  });

  test('ACT-5: 10 failures in 24 h invalidate all unused codes, 9 do not', () => {
    expect(afterActivationFailure(9)).toEqual({ invalidateCodes: false });
    expect(afterActivationFailure(10)).toEqual({ invalidateCodes: true });
  });

  test('ACT-5: per IP, 20 tries per rolling hour; the 21st waits for the oldest to leave the hour', () => {
    expect(IP_ACTIVATION_LIMIT_PER_HOUR).toBe(20);
    const tries = Array.from({ length: 20 }, (_, i) => at(i * MIN));
    expect(ipActivationGate(tries.slice(0, 19), at(30 * MIN))).toEqual({ allowed: true });
    expect(ipActivationGate(tries, at(30 * MIN))).toEqual({ allowed: false, reason: 'locked', retryAt: at(60 * MIN) });
    expect(ipActivationGate(tries, at(60 * MIN))).toEqual({ allowed: true });
  });
});

describe('ACT-12 password throttling', () => {
  test('ACT-12: 4 consecutive wrong passwords neither lock nor email', () => {
    expect(afterPasswordFailure(4, at(0))).toEqual({ lockedUntil: null, sendSecurityEmail: false });
  });

  test('ACT-12: the 5th consecutive wrong password locks 15 minutes and triggers a security email', () => {
    expect(afterPasswordFailure(5, at(0))).toEqual({ lockedUntil: at(15 * MIN), sendSecurityEmail: true });
  });

  test('ACT-12: after a lock, 5 more wrong passwords lock again (counter not reset by the caller)', () => {
    expect(afterPasswordFailure(6, at(0)).lockedUntil).toBeNull();
    expect(afterPasswordFailure(10, at(0))).toEqual({ lockedUntil: at(15 * MIN), sendSecurityEmail: true });
  });

  test('ACT-12: login is refused until the lock ends, then allowed', () => {
    const h = { consecutiveFailures: 5, lockedUntil: at(15 * MIN) };
    expect(passwordGate(h, at(15 * MIN - 1))).toEqual({ allowed: false, reason: 'locked', retryAt: at(15 * MIN) });
    expect(passwordGate(h, at(15 * MIN))).toEqual({ allowed: true });
    expect(passwordGate({ consecutiveFailures: 2, lockedUntil: null }, at(0))).toEqual({ allowed: true });
  });
});

describe('ACT-5 / ACT-12 French messages', () => {
  test('ACT-5: the wait message gives the remaining seconds', () => {
    expect(THROTTLE_MESSAGES_FR.activationWait(at(30), at(0))).toBe('Trop de tentatives. Réessayez dans 30 secondes.');
    expect(THROTTLE_MESSAGES_FR.activationWait(at(1), at(0.2))).toBe('Trop de tentatives. Réessayez dans 1 seconde.');
  });

  test('ACT-5 / ACT-12: lock messages round the remaining time up to minutes', () => {
    expect(THROTTLE_MESSAGES_FR.activationLocked(at(30 * MIN), at(0))).toMatch(/Réessayez dans 30 minutes\.$/);
    expect(THROTTLE_MESSAGES_FR.passwordLocked(at(15 * MIN), at(3 * MIN + 30))).toMatch(/Réessayez dans 12 minutes\.$/);
    expect(formatRemainingFr(at(61), at(0))).toBe('2 minutes');
    expect(formatRemainingFr(at(90 * MIN), at(0))).toBe('2 heures');
  });
});
