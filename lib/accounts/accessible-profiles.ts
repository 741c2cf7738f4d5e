import { sql } from 'kysely';
import { cache } from 'react';
import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { UNREAD_MESSAGE, VISIBLE_MESSAGE } from '@/lib/messaging/patient-side';

/**
 * The profiles an account opens: its own, those it represents (REP-1..5) and those it helps (AID-4), oldest first, each
 * with what the menu and the policy need (its holder account, this account's unread notifications, the
 * profile's unread messages).
 * Read once per page: the layout's menu, the profile switcher and the page share it (React `cache`;
 * outside a request it simply runs).
 */
export const listAccessibleProfiles = cache(async (db: Db, actor: PatientActor) => {
  // AID-4: then the people this account helps as an aidant (relation 'AIDANT').
  const ids = [...(actor.ownProfileId ? [actor.ownProfileId] : []), ...actor.representedProfileIds, ...(actor.aidedProfileIds ?? [])];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('profiles as p').leftJoin('accounts as a', 'a.profile_id', 'p.id')
    .select(['p.id', 'p.first_names', 'p.birth_name', 'p.birth_date', 'p.state', 'a.id as holder_account_id'])
    .select(sql<string>`(select count(*) from notifications n where n.profile_id = p.id and n.deleted_at is null
      and not exists (select 1 from notification_reads r where r.account_id = ${actor.accountId} and r.notification_id = n.id))`.as('unread'))
    // MSG: the unread messages of the « Messagerie » menu line, in the same round trip.
    .select(sql<string>`(select count(*) from conversations c join messages m on m.conversation_id = c.id
      where c.profile_id = p.id and ${VISIBLE_MESSAGE} and ${UNREAD_MESSAGE})`.as('unread_messages'))
    .where('p.id', 'in', ids).orderBy('p.birth_date').execute();
  const fr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
  return rows.map((r) => ({
    id: r.id, firstName: r.first_names.split(' ')[0] ?? '', birthName: r.birth_name, state: r.state,
    birthDateFr: fr.format(new Date(`${r.birth_date}T00:00:00Z`)),
    relation: r.id === actor.ownProfileId ? ('HOLDER' as const)
      : actor.representedProfileIds.includes(r.id) ? ('REPRESENTATIVE' as const) : ('AIDANT' as const),
    holderAccountId: r.holder_account_id, unread: Number(r.unread), unreadMessages: Number(r.unread_messages),
  }));
});
