import { sql, type Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { notify } from '@/lib/notifications/notify';

/** NOT-3: one PS-access email covers all accesses by the same PS to the same profile within 60 minutes. */
export const ACCESS_NOTICE_WINDOW_MS = 60 * 60_000;

/** How the patient reads who acted ("Dr Claire Martin, Médecin"; a facility names its user, PRO-2). */
export const professionalLabel = (actor: ProfessionalActor) =>
  actor.facility ? `${actor.facility.name} — ${actor.name}, ${actor.professionLabel}` : `${actor.name}, ${actor.professionLabel}`;

/**
 * NOT-2, NOT-3: a professional's read in NORMAL mode tells the profile's people (mandatory, never
 * switchable), once per professional and profile per 60 minutes. Emergency reads are announced when the
 * grant starts (EMG-5), never grouped. NOT-5: nothing for a CREATED profile (notify() decides).
 * The window's check and the insert are serialised per (profile, professional) by an advisory lock.
 */
export async function noticeProfessionalAccess(trx: Transaction<DB>, actor: ProfessionalActor, profileId: string, now: Date): Promise<void> {
  await sql`select pg_advisory_xact_lock(7302, hashtext(${`${profileId}:${actor.professionalId}`}))`.execute(trx);
  const recent = await trx.selectFrom('notifications').select('id')
    .where('profile_id', '=', profileId).where('deleted_at', 'is', null).where('kind', '=', 'PS_ACCESS')
    .where('created_at', '>', new Date(now.getTime() - ACCESS_NOTICE_WINDOW_MS))
    .where(sql<boolean>`data->>'professionalId' = ${actor.professionalId}`).limit(1).executeTakeFirst();
  if (recent) return;
  await notify(trx, { profileId, kind: 'PS_ACCESS', data: { actorLabel: professionalLabel(actor), professionalId: actor.professionalId }, at: now });
}
