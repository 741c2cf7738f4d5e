import { sql } from 'kysely';
import { cache } from 'react';
import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';
import { UNREAD_MESSAGE, VISIBLE_MESSAGE } from './patient-side';

/**
 * MSG-4: unread messages for the « Messagerie » menu line, over the profiles the account opens (its own,
 * those it represents) that the policy lets it read messages on — like the notifications count (NOT-6).
 * The profile list is the page's (React `cache`), so this is one count query per page.
 */
export const unreadMessagesForNav = cache(async (db: Db, actor: PatientActor): Promise<number> => {
  const ids = (await listAccessibleProfiles(db, actor))
    .filter((p) => authorize(actor, 'message.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holderAccountId } }).allowed)
    .map((p) => p.id);
  if (ids.length === 0) return 0;
  const row = await db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('c.profile_id', 'in', ids).where(VISIBLE_MESSAGE).where(UNREAD_MESSAGE).executeTakeFirstOrThrow();
  return row.n;
});
