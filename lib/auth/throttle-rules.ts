/**
 * Brute-force throttling as pure decisions over failure history — ACT-5 (activation) and ACT-12 (password).
 * The caller loads the history, asks the gate before each try, and records failures.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const ACTIVATION_WAIT_FROM_CONSECUTIVE = 3;
export const ACTIVATION_WAIT_MS = 30 * SECOND_MS;
export const ACTIVATION_LOCK_AFTER_24H = 5;
export const ACTIVATION_LOCK_MS = 30 * MINUTE_MS;
export const ACTIVATION_INVALIDATE_CODES_AFTER_24H = 10;
export const IP_ACTIVATION_LIMIT_PER_HOUR = 20;
export const PASSWORD_LOCK_AFTER_CONSECUTIVE = 5;
export const PASSWORD_LOCK_MS = 15 * MINUTE_MS;

export type GateDecision = { allowed: true } | { allowed: false; reason: 'wait' | 'locked'; retryAt: Date };

export interface ActivationHistory {
  consecutiveFailures: number;
  lastFailureAt: Date | null;
  /**
   * Failure timestamps. Fetch the last 24 h 30 min: a lock set by a recent failure counts failures up to
   * 24 h before it. Older entries are ignored, so over-fetching is harmless.
   */
  failuresLast24h: Date[];
}

/**
 * ACT-5 lock: every failure that brings the rolling 24 h count to 5 or more locks activation for
 * 30 minutes from that failure. So after a lock, each further failure within the 24 h locks again.
 */
function activationLockedUntil(failures: Date[], now: Date): number | null {
  const t = now.getTime();
  const times = failures
    .map((d) => d.getTime())
    .filter((f) => f <= t && t - f < DAY_MS + ACTIVATION_LOCK_MS) // a lock can outlive its 24 h window
    .sort((a, b) => a - b);
  let until: number | null = null;
  times.forEach((f, i) => {
    const inWindow = times.slice(0, i + 1).filter((g) => f - g < DAY_MS).length;
    if (inWindow >= ACTIVATION_LOCK_AFTER_24H) until = f + ACTIVATION_LOCK_MS;
  });
  return until !== null && until > t ? until : null;
}

export function activationGate(h: ActivationHistory, now: Date): GateDecision {
  const t = now.getTime();
  const lockedUntil = activationLockedUntil(h.failuresLast24h, now);
  if (lockedUntil !== null) return { allowed: false, reason: 'locked', retryAt: new Date(lockedUntil) };
  // ACT-5 wait: from the 3rd consecutive failure, 30 s after the last failure before each new try.
  if (h.consecutiveFailures >= ACTIVATION_WAIT_FROM_CONSECUTIVE && h.lastFailureAt) {
    const waitUntil = h.lastFailureAt.getTime() + ACTIVATION_WAIT_MS;
    if (t < waitUntil) return { allowed: false, reason: 'wait', retryAt: new Date(waitUntil) };
  }
  return { allowed: true };
}

/** ACT-5: at 10 failures in 24 h every unused code provisoire is invalidated; a new one must be requested (CMP-8). */
export function afterActivationFailure(failuresLast24hIncludingThisOne: number): { invalidateCodes: boolean } {
  return { invalidateCodes: failuresLast24hIncludingThisOne >= ACTIVATION_INVALIDATE_CODES_AFTER_24H };
}

/** ACT-5 per IP: 20 tries per rolling hour; the gate reopens when the oldest counted try leaves the hour. */
export function ipActivationGate(triesLastHour: Date[], now: Date): GateDecision {
  const t = now.getTime();
  const recent = triesLastHour
    .map((d) => d.getTime())
    .filter((s) => s <= t && t - s < HOUR_MS)
    .sort((a, b) => a - b);
  if (recent.length < IP_ACTIVATION_LIMIT_PER_HOUR) return { allowed: true };
  const reopensAt = (recent[recent.length - IP_ACTIVATION_LIMIT_PER_HOUR] ?? t) + HOUR_MS;
  return { allowed: false, reason: 'locked', retryAt: new Date(reopensAt) };
}

/**
 * ACT-12: the lock is decided at failure time (afterPasswordFailure) and stored, so the gate only
 * reads `lockedUntil`; `consecutiveFailures` is part of the stored history but not needed here.
 */
export function passwordGate(h: { consecutiveFailures: number; lockedUntil: Date | null }, now: Date): GateDecision {
  if (h.lockedUntil && now.getTime() < h.lockedUntil.getTime()) {
    return { allowed: false, reason: 'locked', retryAt: h.lockedUntil };
  }
  return { allowed: true };
}

/**
 * ACT-12: the 5th consecutive wrong password locks 15 minutes and sends a security email (NOT-4).
 * Counting in multiples of 5 gives 5 fresh tries after each lock even if the caller keeps the counter.
 */
export function afterPasswordFailure(
  consecutiveFailures: number,
  now: Date,
): { lockedUntil: Date | null; sendSecurityEmail: boolean } {
  const lock = consecutiveFailures > 0 && consecutiveFailures % PASSWORD_LOCK_AFTER_CONSECUTIVE === 0;
  return {
    lockedUntil: lock ? new Date(now.getTime() + PASSWORD_LOCK_MS) : null,
    sendSecurityEmail: lock,
  };
}

/** "30 secondes", "1 minute", "15 minutes", "1 heure": rounded up so we never promise too early. */
export function formatRemainingFr(retryAt: Date, now: Date): string {
  const ms = Math.max(0, retryAt.getTime() - now.getTime());
  const plural = (n: number, unit: string) => `${n} ${unit}${n > 1 ? 's' : ''}`;
  if (ms <= MINUTE_MS) return plural(Math.max(1, Math.ceil(ms / SECOND_MS)), 'seconde');
  if (ms <= HOUR_MS) return plural(Math.ceil(ms / MINUTE_MS), 'minute');
  return plural(Math.ceil(ms / HOUR_MS), 'heure');
}

export const THROTTLE_MESSAGES_FR = {
  activationWait: (retryAt: Date, now: Date) =>
    `Trop de tentatives. Réessayez dans ${formatRemainingFr(retryAt, now)}.`,
  /** `what` is blocked: the activation, or a password reset (ACT-14 shares the ACT-5 counter). */
  activationLocked: (retryAt: Date, now: Date, what = 'l’activation') =>
    `Trop de tentatives infructueuses : ${what} est bloquée. Réessayez dans ${formatRemainingFr(retryAt, now)}.`,
  codesInvalidated:
    'Trop de tentatives infructueuses : vos codes provisoires ont été désactivés. Demandez un nouveau code provisoire.',
  ipLimit: (retryAt: Date, now: Date) =>
    `Trop de tentatives depuis cette connexion. Réessayez dans ${formatRemainingFr(retryAt, now)}.`,
  passwordLocked: (retryAt: Date, now: Date) =>
    `Après 5 mots de passe erronés, la connexion est bloquée. Réessayez dans ${formatRemainingFr(retryAt, now)}.`,
} as const;
