import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { recordAccess } from '@/lib/audit/record-access';

const SYSTEM_ACTOR = { kind: 'SYSTEM' as const, job: 'aidants' };

/**
 * AID-3, AID-6 — the daily job, idempotent: invitations past their 30 days become EXPIRED; the links
 * (invitations and delegations) of an aidé whose profile was closed since — closed, deletion requested,
 * purged, or closed then re-opened — end as REVOKED by SYSTEM, each traced in the aidé's history. The
 * access itself already stopped at the closure (the session reads the profile's state); a suspension
 * changes nothing here: the links resume when it is lifted.
 */
export async function expireAidantInvitations(db: Db, now: Date): Promise<{ expired: number; ended: number }> {
  const expired = await db.updateTable('aidant_links').set({ status: 'EXPIRED' })
    .where('status', '=', 'PENDING').where('expires_at', '<=', now).executeTakeFirst();
  const ended = await db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('aidant_links as l').set({ status: 'REVOKED', revoked_at: now, revoked_by: 'SYSTEM' })
      .from('profiles as ap').whereRef('ap.id', '=', 'l.aided_profile_id')
      .where('l.status', 'in', ['PENDING', 'ACCEPTED'])
      .where((eb) => eb.or([
        eb('ap.state', 'in', ['CLOSED', 'DELETION_REQUESTED', 'PURGED']),
        eb.and([eb('l.status', '=', 'ACCEPTED'), eb(sql<Date>`coalesce(ap.activated_at, '-infinity'::timestamptz)`, '>', eb.ref('l.responded_at'))]),
        eb.and([eb('l.status', '=', 'PENDING'), eb(sql<Date>`coalesce(ap.activated_at, '-infinity'::timestamptz)`, '>', eb.ref('l.invited_at'))]),
      ]))
      .returning(['l.id', 'l.aided_profile_id']).execute();
    for (const r of rows) {
      await recordAccess(trx, { actor: SYSTEM_ACTOR, action: 'profile.aidants.end', profileId: r.aided_profile_id, at: now, channel: 'WORKER',
        target: { type: 'aidant-link', id: r.id } });
    }
    return rows.length;
  });
  return { expired: Number(expired.numUpdatedRows), ended };
}
