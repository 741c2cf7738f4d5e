import { sql, type Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import type { Db } from '@/db/client';
import { recordAccess, type TraceInput } from '@/lib/audit/record-access';
import { notify } from '@/lib/notifications/notify';

/** NOT-3: one PS-access email covers all accesses by the same PS to the same profile within 60 minutes. */
export const ACCESS_NOTICE_WINDOW_MS = 60 * 60_000;

/** How the patient reads who acted ("Dr Claire Martin, Médecin"; a facility names its user, PRO-2). */
export const professionalLabel = (actor: ProfessionalActor) =>
  actor.facility ? `${actor.facility.name} — ${actor.name}, ${actor.professionLabel}` : `${actor.name}, ${actor.professionLabel}`;

/**
 * This process's memory of the notices it knows were sent (profile:professional → instant), so that
 * the reads of the next hour skip the database check. Another process checks the database once, so
 * the rule holds across instances; the memory only saves work. Bounded: cleared when it grows large.
 */
const recentNotices = new Map<string, number>();
const MAX_REMEMBERED = 50_000;

/**
 * NOT-2, NOT-3: a professional's read in NORMAL mode tells the profile's people (mandatory, never
 * switchable), once per professional and profile per 60 minutes. Emergency reads are announced when the
 * grant starts (EMG-5), never grouped. NOT-5: nothing for a CREATED profile (notify() decides).
 * The window's check and the insert are serialised per (profile, professional) by an advisory lock.
 */
export async function noticeProfessionalAccess(trx: Transaction<DB>, actor: ProfessionalActor, profileId: string, now: Date): Promise<void> {
  const key = `${profileId}:${actor.professionalId}`;
  if (noticeKnown(key, now)) return;
  await sql`select pg_advisory_xact_lock(7302, hashtext(${key}))`.execute(trx);
  const recent = await trx.selectFrom('notifications').select('id')
    .where('profile_id', '=', profileId).where('deleted_at', 'is', null).where('kind', '=', 'PS_ACCESS')
    .where('created_at', '>', new Date(now.getTime() - ACCESS_NOTICE_WINDOW_MS))
    .where(sql<boolean>`data->>'professionalId' = ${actor.professionalId}`)
    .select('created_at').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (recent) return remember(key, recent.created_at.getTime());
  await notify(trx, { profileId, kind: 'PS_ACCESS', data: { actorLabel: professionalLabel(actor), professionalId: actor.professionalId }, at: now });
  // Not remembered yet: the transaction may still roll back; the next read finds the row and remembers it.
}

function noticeKnown(key: string, now: Date): boolean {
  const known = recentNotices.get(key);
  return known !== undefined && now.getTime() >= known && now.getTime() - known < ACCESS_NOTICE_WINDOW_MS;
}

/**
 * AUD-1 and NOT-2/NOT-3 for one read by a professional: the trace in the access's mode (EMG-7), and in
 * NORMAL mode the patient's notice when one may be due — then both in one transaction; otherwise the
 * trace alone, in one statement.
 */
export async function traceProfessionalRead(db: Db, input: Omit<TraceInput, 'actor' | 'profileId'> & { actor: ProfessionalActor; profileId: string }): Promise<void> {
  if (input.mode !== 'NORMAL' || noticeKnown(`${input.profileId}:${input.actor.professionalId}`, input.at)) return recordAccess(db, input);
  await db.transaction().execute(async (trx) => {
    await recordAccess(trx, input);
    await noticeProfessionalAccess(trx, input.actor, input.profileId, input.at);
  });
}

function remember(key: string, at: number): void {
  if (recentNotices.size >= MAX_REMEMBERED) recentNotices.clear();
  recentNotices.set(key, at);
}
