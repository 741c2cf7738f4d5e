import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import { cookies } from 'next/headers';
import type { Audience } from '@/db/schema';
import { config } from '@/lib/config';
import { MAX_SESSION_MS } from './session-limits';

export type SessionClaims = { audience: Audience; subjectId: string; loginAt: number };
type Decrypted = SessionClaims & { expiresAt: number };

const COOKIE = 'authjs.session-token';
const keys = new Map<string, Uint8Array>();

/** next-auth's key for its `dir` + A256CBC-HS512 session JWTs: HKDF-SHA256(secret, salt = cookie name), 64 bytes. */
function sessionKey(secret: string, salt: string): Uint8Array {
  const id = `${salt}\0${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    keys.set(id, key);
  }
  return key;
}

/**
 * The signed-in subject of this request, read from next-auth's session cookie: decrypted and its
 * expiry checked, like next-auth does, but without `auth()`'s re-encryption of the cookie, which a
 * server component cannot send anyway (the proxy rolls the session, ACT-15). One key derivation per
 * process, and one decryption per cookie value.
 */
export async function readSession(): Promise<SessionClaims | null> {
  const all = (await cookies()).getAll();
  // next-auth names the cookie by the request's scheme (`__Secure-` over HTTPS), and splits a large
  // token into name.0, name.1…; ours fit in one cookie, but every form is read.
  const cookieOf = (name: string) => all.filter((c) => c.name === name || c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1) || 0) - Number(b.name.slice(name.length + 1) || 0))
    .map((c) => c.value).join('');
  const name = [`__Secure-${COOKIE}`, COOKIE].find((n) => cookieOf(n));
  if (!name) return null;
  return decodeSession(cookieOf(name), name, config().AUTH_SECRET);
}

/**
 * Cookie values already decrypted, by exact value (a browser sends the same one for a minute, until the
 * proxy rolls it): the same ciphertext always decrypts to the same claims, and their time limits are
 * checked again at each use. Bounded; the oldest entry leaves first.
 */
const decrypted = new Map<string, Decrypted>();
const CACHE_SIZE = 10_000;

async function decrypt(token: string, cookieName: string, secret: string, now: number): Promise<Decrypted | null> {
  const id = `${cookieName}\0${secret}\0${token}`;
  const known = decrypted.get(id);
  if (known) return known;
  const { payload } = await jwtDecrypt(token, sessionKey(secret, cookieName), {
    currentDate: new Date(now),
    clockTolerance: 15, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256CBC-HS512', 'A256GCM'],
  });
  const { audience, subjectId, loginAt, exp } = payload as { audience?: Audience; subjectId?: string; loginAt?: number; exp?: number };
  if (!audience || !subjectId || typeof loginAt !== 'number' || typeof exp !== 'number') return null;
  const claims = { audience, subjectId, loginAt, expiresAt: exp * 1000 };
  if (decrypted.size >= CACHE_SIZE) decrypted.delete(decrypted.keys().next().value!);
  decrypted.set(id, claims);
  return claims;
}

/** A session cookie's claims (the cookie name is next-auth's key salt), or null when it must not be trusted. */
export async function decodeSession(token: string, cookieName: string, secret: string, now = Date.now()): Promise<SessionClaims | null> {
  try {
    const claims = await decrypt(token, cookieName, secret, now);
    // 15 s of tolerance on expiry, like next-auth's own check.
    if (!claims || now > claims.expiresAt + 15_000 || now - claims.loginAt > MAX_SESSION_MS) return null;
    return { audience: claims.audience, subjectId: claims.subjectId, loginAt: claims.loginAt };
  } catch {
    return null; // expired, tampered with, or from another secret: signed out
  }
}
