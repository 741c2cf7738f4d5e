import { cache } from 'react';
import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';

/**
 * MSG-4: unread messages for the « Messagerie » menu line, over the profiles the account opens (its own,
 * those it represents) that the policy lets it read messages on — like the notifications count (NOT-6).
 * The counts come with the page's profile list (React `cache`): no query of their own.
 */
export const unreadMessagesForNav = cache(async (db: Db, actor: PatientActor): Promise<number> =>
  (await listAccessibleProfiles(db, actor))
    .filter((p) => p.unreadMessages > 0
      && authorize(actor, 'message.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holderAccountId } }).allowed)
    .reduce((sum, p) => sum + p.unreadMessages, 0));
