import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';

/**
 * NOT-6: unread notifications of this account, per profile it may read them on (its own, those it
 * represents or helps) and in all, for the menu ("Notifications, 3 non lues") and the profile switcher.
 */
export async function unreadCounts(db: Db, actor: PatientActor): Promise<{ total: number; byProfile: Record<string, number> }> {
  const ids = [...new Set([...(actor.ownProfileId ? [actor.ownProfileId] : []), ...actor.representedProfileIds, ...(actor.aidedProfileIds ?? [])])];
  if (ids.length === 0) return { total: 0, byProfile: {} };
  const profiles = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'accounts.id as holder']).where('profiles.id', 'in', ids).execute();
  const readable = profiles.filter((p) => authorize(actor, 'notifications.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holder } }).allowed)
    .map((p) => p.id);
  if (readable.length === 0) return { total: 0, byProfile: {} };
  const rows = await db.selectFrom('notifications as n').select(['n.profile_id', sql<string>`count(*)`.as('unread')])
    .where('n.profile_id', 'in', readable).where('n.deleted_at', 'is', null)
    .where(sql<boolean>`not exists (select 1 from notification_reads r where r.account_id = ${actor.accountId} and r.notification_id = n.id)`)
    .groupBy('n.profile_id').execute();
  const byProfile = Object.fromEntries(rows.map((r) => [r.profile_id, Number(r.unread)]));
  return { total: rows.reduce((sum, r) => sum + Number(r.unread), 0), byProfile };
}
