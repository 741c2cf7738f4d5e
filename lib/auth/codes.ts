/**
 * Code provisoire (CMP-7) and one-time login codes (ACT-11): generation, normalization and
 * pure validity decisions. Storage and hashing belong to the caller.
 */
import { randomInt as cryptoRandomInt } from 'node:crypto';

/** CMP-7: no 0/O, 1/I/L so that a code read from a letter cannot be mistyped. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
export const CODE_VALIDITY_DAYS = 42;

export const OTP_VALIDITY_MS = 10 * 60 * 1000;
export const OTP_MAX_WRONG = 5;
export const OTP_RESEND_AFTER_MS = 60_000;
export const OTP_MAX_SENDS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/** `max` exclusive, like crypto.randomInt; injectable so tests can drive the output. */
export type RandomInt = (max: number) => number;
const defaultRandom: RandomInt = (max) => cryptoRandomInt(max);

export function generateCodeProvisoire(random: RandomInt = defaultRandom): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** People copy codes as "ABCD-EFGH" or "abcd efgh"; compare on the canonical form only. */
export function normalizeCode(input: string): string {
  return input.trim().replace(/[\s-]/g, '').toUpperCase();
}

const WELL_FORMED = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
export function isWellFormedCode(code: string): boolean {
  return WELL_FORMED.test(code);
}

export function generateOtp(random: RandomInt = defaultRandom): string {
  return random(1_000_000).toString().padStart(6, '0');
}

// ---------------------------------------------------------------------------------------------
// CMP-7 validity: 42 Europe/Paris calendar days (section 0), i.e. the same Paris wall-clock time
// 42 days later — across a DST change that is 42 days ± 1 hour of elapsed time.

const parisParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris wall-clock time of an instant, encoded as if it were UTC (ms precision kept). */
function parisWall(instantMs: number): number {
  const p: Record<string, number> = {};
  for (const part of parisParts.formatToParts(new Date(instantMs))) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall + (((instantMs % 1000) + 1000) % 1000);
}

/** Instant showing the given Paris wall-clock time (wall encoded as UTC). */
function parisWallToInstant(wallMs: number): number {
  const offsetAt = (instant: number) => parisWall(instant) - instant;
  // The true instant lies 1–2 h before wallMs, so these two probes see the offsets on both sides of any nearby change.
  const before = wallMs - offsetAt(wallMs - 3 * HOUR_MS);
  const after = wallMs - offsetAt(wallMs);
  const valid = [before, after].filter((instant) => parisWall(instant) === wallMs);
  // Autumn overlap: both exist, keep the later (more generous). Spring gap: none exists, keep the
  // offset from before the change, which moves the time one hour forward.
  return valid.length > 0 ? Math.max(...valid) : before;
}

export function codeExpiresAt(issuedAt: Date): Date {
  const wall = parisWall(issuedAt.getTime()) + CODE_VALIDITY_DAYS * 24 * HOUR_MS;
  return new Date(parisWallToInstant(wall));
}

// ---------------------------------------------------------------------------------------------
// ACT-11: OTP lifecycle and resend rules.

export interface OtpChallenge {
  expiresAt: Date;
  usedAt: Date | null;
  wrongCount: number;
  voidedAt: Date | null;
}

export type OtpState = 'usable' | 'expired' | 'used' | 'void';

/** Single use first, then void (5 wrong entries or replaced), then the 10-minute expiry (exclusive). */
export function otpDecision(ch: OtpChallenge, now: Date): OtpState {
  if (ch.usedAt !== null) return 'used';
  if (ch.voidedAt !== null || ch.wrongCount >= OTP_MAX_WRONG) return 'void';
  if (now.getTime() >= ch.expiresAt.getTime()) return 'expired';
  return 'usable';
}

export type SendDecision = { ok: true } | { ok: false; retryAt: Date; reason: 'too-soon' | 'hourly-cap' };

/**
 * ACT-11: 60 s between sends and at most 5 sends in any rolling hour (the first send counts).
 * When both limits bite, the later retry time is reported, with the reason that causes it.
 */
export function canSendOtp(sentAts: Date[], now: Date): SendDecision {
  const t = now.getTime();
  const recent = sentAts
    .map((d) => d.getTime())
    .filter((s) => s <= t && t - s < HOUR_MS)
    .sort((a, b) => a - b);
  const last = recent[recent.length - 1];
  const tooSoonAt = last !== undefined && t - last < OTP_RESEND_AFTER_MS ? last + OTP_RESEND_AFTER_MS : null;
  // The cap lifts when enough old sends leave the window to fall back under the limit.
  const capAt =
    recent.length >= OTP_MAX_SENDS_PER_HOUR
      ? (recent[recent.length - OTP_MAX_SENDS_PER_HOUR] ?? t) + HOUR_MS
      : null;
  if (capAt !== null && (tooSoonAt === null || capAt >= tooSoonAt)) {
    return { ok: false, retryAt: new Date(capAt), reason: 'hourly-cap' };
  }
  if (tooSoonAt !== null) return { ok: false, retryAt: new Date(tooSoonAt), reason: 'too-soon' };
  return { ok: true };
}
