import { hash, verify } from '@node-rs/argon2';

/** Passwords are hashed with argon2id (library defaults: 19 MiB, 2 passes), never stored otherwise. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Checked against when the identifiant is unknown, so both paths take the same time. */
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash('mot-de-passe-factice');
  await verifyPassword(await dummy, password);
}
