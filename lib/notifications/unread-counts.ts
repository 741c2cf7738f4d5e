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
  // One round trip (it runs on every page of the space): each profile's state and holder for the policy,
  // with its unread count; counts of profiles the policy refuses are dropped, never shown.
  const rows = await db.selectFrom('profiles as p').leftJoin('accounts as a', 'a.profile_id', 'p.id')
    .select(['p.id', 'p.state', 'a.id as holder'])
    .select(sql<string>`(select count(*) from notifications n where n.profile_id = p.id and n.deleted_at is null
      and not exists (select 1 from notification_reads r where r.account_id = ${actor.accountId} and r.notification_id = n.id))`.as('unread'))
    .where('p.id', 'in', ids).execute();
  const readable = rows.filter((p) => Number(p.unread) > 0
    && authorize(actor, 'notifications.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holder } }).allowed);
  const byProfile = Object.fromEntries(readable.map((r) => [r.id, Number(r.unread)]));
  return { total: readable.reduce((sum, r) => sum + Number(r.unread), 0), byProfile };
}
