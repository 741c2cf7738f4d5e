import { cookies } from 'next/headers';

/** The id of a step in progress (login code, activation), kept in an httpOnly cookie between pages. */
export async function setStepCookie(name: string, value: string, maxAgeSeconds: number): Promise<void> {
  (await cookies()).set(name, value, {
    httpOnly: true, sameSite: 'lax', secure: process.env.APP_URL?.startsWith('https:') ?? false, path: '/', maxAge: maxAgeSeconds,
  });
}

export async function readStepCookie(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value;
}

export async function clearStepCookie(name: string): Promise<void> {
  (await cookies()).delete(name);
}
