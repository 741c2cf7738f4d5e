import { encode } from 'next-auth/jwt';
import { describe, expect, test } from 'vitest';
import { decodeSession } from '@/lib/auth/read-session';
import { MAX_SESSION_MS } from '@/lib/auth/session-limits';

const SECRET = 'unit-secret-for-session-cookies-0123456789';
const COOKIE = 'authjs.session-token';
const now = Date.now(); // next-auth stamps `exp` from the real clock

/** What next-auth itself writes into the cookie after a sign-in (lib/auth/nextauth.ts callbacks). */
const cookieFor = (claims: Record<string, unknown>, opts: { salt?: string; secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: opts.secret ?? SECRET, salt: opts.salt ?? COOKIE, maxAge: opts.maxAge ?? 1800 });

describe('ACT-15: the session read by pages', () => {
  test('a cookie next-auth issued gives its audience and subject', async () => {
    const token = await cookieFor({ audience: 'patient', subjectId: 'a1', loginAt: now - 60_000 });
    expect(await decodeSession(token, COOKIE, SECRET, now)).toEqual({ audience: 'patient', subjectId: 'a1', loginAt: now - 60_000 });
  });

  test('the __Secure- cookie of an HTTPS site is keyed by its own name', async () => {
    const token = await cookieFor({ audience: 'staff', subjectId: 's1', loginAt: now }, { salt: `__Secure-${COOKIE}` });
    expect(await decodeSession(token, `__Secure-${COOKIE}`, SECRET, now)).toEqual({ audience: 'staff', subjectId: 's1', loginAt: now });
    expect(await decodeSession(token, COOKIE, SECRET, now)).toBeNull();
  });

  test('an idle session (cookie expired 30 minutes after its last roll) signs out', async () => {
    const token = await cookieFor({ audience: 'patient', subjectId: 'a1', loginAt: Date.now() }, { maxAge: 1800 });
    expect(await decodeSession(token, COOKIE, SECRET, Date.now() + 1800_000 + 16_000)).toBeNull();
    expect(await decodeSession(token, COOKIE, SECRET, Date.now() + 1700_000)).not.toBeNull();
    // Once decrypted (and remembered), the same cookie still expires on time.
    expect(await decodeSession(token, COOKIE, SECRET, Date.now() + 1800_000 + 16_000)).toBeNull();
  });

  test('12 hours after login the session ends even if it kept rolling', async () => {
    const token = await cookieFor({ audience: 'patient', subjectId: 'a1', loginAt: now - MAX_SESSION_MS - 1 });
    expect(await decodeSession(token, COOKIE, SECRET, now)).toBeNull();
  });

  test('a cookie from another secret, a tampered one, or one without a subject is refused', async () => {
    const token = await cookieFor({ audience: 'patient', subjectId: 'a1', loginAt: now });
    expect(await decodeSession(await cookieFor({ audience: 'patient', subjectId: 'a1', loginAt: now }, { secret: `${SECRET}-other` }), COOKIE, SECRET, now)).toBeNull();
    const parts = token.split('.');
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await decodeSession(parts.join('.'), COOKIE, SECRET, now)).toBeNull();
    expect(await decodeSession(await cookieFor({ audience: 'patient', loginAt: now }), COOKIE, SECRET, now)).toBeNull();
  });
});
