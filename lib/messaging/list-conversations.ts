import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { counterpartLabelSql, counterpartSql, ensurePatientSide, UNREAD_MESSAGE, VISIBLE_MESSAGE } from './patient-side';
import type { Counterpart } from './rules';

export const INBOX_PAGE_SIZE = 20;

export type InboxItem = {
  /** professionalLabel: the other side — a professional, a pharmacy and its city (MSG-3(b)), « Assurance Maladie ». */
  id: string; subject: string; professionalLabel: string; counterpart: Counterpart; lastMessageAt: Date; closed: boolean; unread: number;
};
export type InboxPage = { items: InboxItem[]; next: string | null; unreadTotal: number };

/** The keyset cursor: the last row's instant and id. */
const encode = (at: Date, id: string) => `${at.toISOString()}_${id}`;
function decode(cursor: string | undefined): { at: Date; id: string } | null {
  const m = cursor?.match(/^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/i);
  return m ? { at: new Date(m[1]!), id: m[2]! } : null;
}

/**
 * The patient inbox (MSG-4, MSG-5): the profile's conversations — with professionals, pharmacies (MSG-3(b))
 * and the insurer (MSG-2) —, latest activity first, with a keyset
 * cursor, each with its unread count, and the profile's total of unread messages.
 */
export async function listConversations(db: Db, actor: Actor, input: { profileId: string; before?: string }, now: Date): Promise<InboxPage> {
  await ensurePatientSide(db, actor, 'message.read', input.profileId, 'message.read', now);
  const cursor = decode(input.before);
  let query = db.selectFrom('conversations as c').leftJoin('professionals as pr', 'pr.id', 'c.professional_id')
    .leftJoin('pharmacies as ph', 'ph.finess', 'c.pharmacy_finess')
    .select(['c.id', 'c.subject', 'c.closed_at'])
    .select(counterpartLabelSql.as('professional_label')).select(counterpartSql.as('counterpart'))
    .select(sql<Date>`(select max(m.created_at) from messages m where m.conversation_id = c.id and ${VISIBLE_MESSAGE})`.as('last_at'))
    .select(sql<number>`(select count(*)::int from messages m where m.conversation_id = c.id and ${VISIBLE_MESSAGE} and ${UNREAD_MESSAGE})`.as('unread'))
    .where('c.profile_id', '=', input.profileId)
    .where(sql<boolean>`exists (select 1 from messages m where m.conversation_id = c.id and ${VISIBLE_MESSAGE})`);
  if (cursor) query = query.where(sql<boolean>`(c.last_message_at, c.id) < (${cursor.at}, ${cursor.id}::uuid)`);
  const rows = await query.select('c.last_message_at').orderBy('c.last_message_at', 'desc').orderBy('c.id', 'desc').limit(INBOX_PAGE_SIZE + 1).execute();
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ id: r.id, subject: r.subject, professionalLabel: r.professional_label, counterpart: r.counterpart, lastMessageAt: r.last_at ?? r.last_message_at,
      closed: r.closed_at !== null, unread: r.unread })),
    next: rows.length > INBOX_PAGE_SIZE && last ? encode(last.last_message_at, last.id) : null,
    unreadTotal: await unreadTotal(db, input.profileId),
  };
}

/** The profile's unread messages (the inbox header and the « Messagerie » nav line). No gate: callers passed one. */
export async function unreadTotal(db: Db, profileId: string): Promise<number> {
  const row = await db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('c.profile_id', '=', profileId).where(VISIBLE_MESSAGE).where(UNREAD_MESSAGE).executeTakeFirstOrThrow();
  return row.n;
}
