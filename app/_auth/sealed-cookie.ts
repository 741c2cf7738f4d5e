import { seal, unseal } from '@/lib/auth/secrets';
import { readStepCookie, setStepCookie } from './challenge-cookie';

/** A step cookie whose content (here a NIR) is encrypted and authenticated, never readable by the browser. */
export async function setSealedCookie(name: string, value: unknown, maxAgeSeconds: number): Promise<void> {
  await setStepCookie(name, seal(JSON.stringify({ value, exp: Date.now() + maxAgeSeconds * 1000 })), maxAgeSeconds);
}

export async function readSealedCookie<T>(name: string): Promise<T | undefined> {
  const raw = await readStepCookie(name);
  if (!raw) return undefined;
  try {
    const { value, exp } = JSON.parse(unseal(raw)) as { value: T; exp: number };
    return exp > Date.now() ? value : undefined;
  } catch {
    return undefined;
  }
}
