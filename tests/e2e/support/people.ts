import { randomInt } from 'node:crypto';
import type { Db } from '@/db/client';
import { hashPassword } from '@/lib/auth/passwords';
import { aPendingPerson, type PendingPerson } from '../../factories';

export { aPendingPerson, type PendingPerson };

/** "21/03/1985" from "1985-03-21", as a person types it. */
export const typed = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** An ACTIVE person with an account, set up directly (the browser part under test starts at login). */
export async function anActivePatient(db: Db) {
  const person = await aPendingPerson(db);
  const identifiant = `patient.${randomInt(1e9)}`;
  const password = 'Riviere-Calme-2026!';
  await db.updateTable('profiles').set({ state: 'ACTIVE', previous_state: 'PENDING', state_changed_at: new Date() }).where('id', '=', person.profileId).execute();
  await db.insertInto('accounts').values({
    profile_id: person.profileId, identifiant, password_hash: await hashPassword(password), email: person.email,
    email_verified_at: new Date(), locked_until: null, last_login_at: null,
  }).execute();
  return { ...person, identifiant, password };
}
