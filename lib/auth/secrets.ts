import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '@/lib/config';

/** Codes provisoires, OTPs and tickets are stored only as keyed hashes (DESIGN.md "Secrets"). */
export function hashSecret(value: string): string {
  return createHmac('sha256', config().CODE_PEPPER).update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const sealKey = () => createHash('sha256').update(`seal:${config().AUTH_SECRET}`).digest();

/** Seals a secret that a worker must read once (the code in a notice), AES-256-GCM. */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function unseal(sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) throw new Error('sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
