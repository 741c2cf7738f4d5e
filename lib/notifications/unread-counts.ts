import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';

/**
 * NOT-6: unread notifications of this account, per profile it may read them on (its own, those it
 * represents) and in all, for the menu ("Notifications, 3 non lues") and the profile switcher. Counts
 * come with the page's profile list (no query of their own); the policy drops a profile it refuses.
 */
export async function unreadCounts(db: Db, actor: PatientActor): Promise<{ total: number; byProfile: Record<string, number> }> {
  const readable = (await listAccessibleProfiles(db, actor)).filter((p) => p.unread > 0
    && authorize(actor, 'notifications.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holderAccountId } }).allowed);
  return { total: readable.reduce((sum, p) => sum + p.unread, 0), byProfile: Object.fromEntries(readable.map((p) => [p.id, p.unread])) };
}
