import { describe, test, expect } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_VALIDITY_DAYS,
  OTP_VALIDITY_MS,
  canSendOtp,
  codeExpiresAt,
  generateCodeProvisoire,
  generateOtp,
  isWellFormedCode,
  normalizeCode,
  otpDecision,
} from '@/lib/auth/codes';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('CMP-7 code provisoire', () => {
  test('CMP-7: the alphabet is upper-case letters and digits without 0 O 1 I L', () => {
    for (const c of '0O1IL') expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_ALPHABET).toHaveLength(31);
  });

  test('CMP-7: generated codes have 8 characters from the alphabet and are well-formed', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCodeProvisoire();
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
      expect(isWellFormedCode(code)).toBe(true);
    }
  });

  test('CMP-7: every alphabet position is reachable (random index maps to the alphabet)', () => {
    expect(generateCodeProvisoire(() => 0)).toBe('AAAAAAAA');
    expect(generateCodeProvisoire((max) => max - 1)).toBe('99999999');
  });

  test('CMP-7: input is normalized (trim, spaces, hyphens, lower-case) before checking', () => {
    expect(normalizeCode('  abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeCode('ab cd ef gh')).toBe('ABCDEFGH');
    expect(isWellFormedCode(normalizeCode('k7mp-3xq9'))).toBe(true);
  });

  test('CMP-7: ambiguous characters or a wrong length make a code malformed', () => {
    expect(isWellFormedCode('ABCDEFG0')).toBe(false);
    expect(isWellFormedCode('ABCDEFGO')).toBe(false);
    expect(isWellFormedCode('ABCDEFGI')).toBe(false);
    expect(isWellFormedCode('ABCDEFG')).toBe(false);
    expect(isWellFormedCode('ABCDEFGHJ')).toBe(false);
    expect(isWellFormedCode('abcdefgh')).toBe(false);
  });

  test('CMP-7: a code is valid 42 days; without DST change that is exactly 42 × 24 h', () => {
    expect(CODE_VALIDITY_DAYS).toBe(42);
    const issued = at('2024-05-01T08:15:30.250Z');
    expect(codeExpiresAt(issued).toISOString()).toBe('2024-06-12T08:15:30.250Z');
  });

  test('CMP-7 / section 0: across spring DST, same Paris wall-clock time 42 days later (one hour less elapsed)', () => {
    // 2024-03-01 11:00 Paris (UTC+1) → 2024-04-12 11:00 Paris (UTC+2)
    const exp = codeExpiresAt(at('2024-03-01T10:00:00Z'));
    expect(exp.toISOString()).toBe('2024-04-12T09:00:00.000Z');
    expect(exp.getTime() - at('2024-03-01T10:00:00Z').getTime()).toBe(42 * DAY - HOUR);
  });

  test('CMP-7 / section 0: across autumn DST, same Paris wall-clock time 42 days later (one hour more elapsed)', () => {
    // 2024-10-01 12:00 Paris (UTC+2) → 2024-11-12 12:00 Paris (UTC+1)
    expect(codeExpiresAt(at('2024-10-01T10:00:00Z')).toISOString()).toBe('2024-11-12T11:00:00.000Z');
  });

  test('CMP-7 / section 0: the Paris calendar day counts, not the UTC day (late evening issue)', () => {
    // 2024-01-31 23:30 UTC is already 2024-02-01 00:30 in Paris → 2024-03-14 00:30 Paris
    expect(codeExpiresAt(at('2024-01-31T23:30:00Z')).toISOString()).toBe('2024-03-13T23:30:00.000Z');
  });

  test('CMP-7: an expiry in the hour just before the spring change keeps winter time', () => {
    // 2024-02-18 01:30 Paris + 42 days = 2024-03-31 01:30 Paris, still UTC+1 → 00:30Z
    expect(codeExpiresAt(at('2024-02-18T00:30:00Z')).toISOString()).toBe('2024-03-31T00:30:00.000Z');
  });

  test('CMP-7: a Paris time that occurs twice on expiry day (autumn overlap) uses the later occurrence', () => {
    // 2024-09-15 02:30 Paris (UTC+2) + 42 days = 2024-10-27 02:30, seen at 00:30Z and 01:30Z → 01:30Z
    expect(codeExpiresAt(at('2024-09-15T00:30:00Z')).toISOString()).toBe('2024-10-27T01:30:00.000Z');
  });

  test('CMP-7: a Paris time that does not exist on expiry day (spring gap) shifts one hour forward', () => {
    // 2024-02-18 02:30 Paris + 42 days = 2024-03-31 02:30, which does not exist → 03:30 Paris = 01:30Z
    expect(codeExpiresAt(at('2024-02-18T01:30:00Z')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });
});

describe('ACT-11 one-time code', () => {
  test('ACT-11: an OTP is 6 digits, zero-padded', () => {
    for (let i = 0; i < 200; i++) expect(generateOtp()).toMatch(/^\d{6}$/);
    expect(generateOtp(() => 42)).toBe('000042');
    expect(generateOtp((max) => max - 1)).toBe('999999');
  });

  const issued = at('2024-05-01T10:00:00Z');
  const fresh = { expiresAt: new Date(issued.getTime() + OTP_VALIDITY_MS), usedAt: null, wrongCount: 0, voidedAt: null };

  test('ACT-11: an OTP is usable for 10 minutes and expired from the 10th minute on', () => {
    expect(OTP_VALIDITY_MS).toBe(600_000);
    expect(otpDecision(fresh, at('2024-05-01T10:09:59.999Z'))).toBe('usable');
    expect(otpDecision(fresh, at('2024-05-01T10:10:00Z'))).toBe('expired');
  });

  test('ACT-11: an OTP is single use', () => {
    expect(otpDecision({ ...fresh, usedAt: at('2024-05-01T10:01:00Z') }, at('2024-05-01T10:02:00Z'))).toBe('used');
  });

  test('ACT-11: an OTP is void after 5 wrong entries, still usable after 4', () => {
    const now = at('2024-05-01T10:01:00Z');
    expect(otpDecision({ ...fresh, wrongCount: 4 }, now)).toBe('usable');
    expect(otpDecision({ ...fresh, wrongCount: 5 }, now)).toBe('void');
    expect(otpDecision({ ...fresh, voidedAt: now }, now)).toBe('void');
  });

  test('ACT-11: the first send is always allowed', () => {
    expect(canSendOtp([], at('2024-05-01T10:00:00Z'))).toEqual({ ok: true });
  });

  test('ACT-11: a resend needs 60 s after the previous send', () => {
    const sent = [at('2024-05-01T10:00:00Z')];
    expect(canSendOtp(sent, at('2024-05-01T10:00:59Z'))).toEqual({
      ok: false,
      reason: 'too-soon',
      retryAt: at('2024-05-01T10:01:00Z'),
    });
    expect(canSendOtp(sent, at('2024-05-01T10:01:00Z'))).toEqual({ ok: true });
  });

  test('ACT-11: at most 5 sends in a rolling hour; the 6th waits for the oldest to leave the hour', () => {
    const sent = ['10:00', '10:05', '10:10', '10:15', '10:20'].map((t) => at(`2024-05-01T${t}:00Z`));
    expect(canSendOtp(sent.slice(0, 4), at('2024-05-01T10:30:00Z'))).toEqual({ ok: true });
    expect(canSendOtp(sent, at('2024-05-01T10:30:00Z'))).toEqual({
      ok: false,
      reason: 'hourly-cap',
      retryAt: at('2024-05-01T11:00:00Z'),
    });
    expect(canSendOtp(sent, at('2024-05-01T11:00:00Z'))).toEqual({ ok: true });
  });

  test('ACT-11: when both limits apply, the later retry time and its reason are given', () => {
    // Five sends; the oldest leaves the hour in 20 s but the last one was 10 s ago → wait 50 s (too-soon).
    const sent = ['10:00:30', '10:10:00', '10:20:00', '10:30:00', '11:00:00'].map((t) => at(`2024-05-01T${t}Z`));
    expect(canSendOtp(sent, at('2024-05-01T11:00:10Z'))).toEqual({
      ok: false,
      reason: 'too-soon',
      retryAt: at('2024-05-01T11:01:00Z'),
    });
  });
});
