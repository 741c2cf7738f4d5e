import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { MessageAuthorKind, MessageStatus, ReplyOption } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ensurePatient, type Channel } from '@/lib/professional-access/patient-gate';

export type ProMessage = {
  id: string; conversationId: string; subject: string; conversationClosedAt: Date | null;
  authorKind: MessageAuthorKind; authorLabel: string; writtenBy: string | null; body: string; createdAt: Date;
  status: MessageStatus; replyOption: ReplyOption | null; previousId: string | null;
  attachments: { id: string; name: string; mimeType: string; size: number; sha256: string }[];
};

export const PRO_MESSAGES_PAGE = 50;

/** Keyset cursor: the creation instant to the microsecond (as the database orders it) and the id. */
const encode = (key: string, id: string) => Buffer.from(`${key}|${id}`).toString('base64url');
function decode(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(at) && id && /^[0-9a-f-]{36}$/i.test(id) ? { at, id } : undefined;
}
const SORT_KEY = sql<string>`to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/**
 * The messages of this professional's own conversations with one patient (MSG-2: one professional per
 * conversation; never another PS's), newest first, keyset pages — the professional API's list. Through
 * the gate (`message.send`: authorised, NORMAL mode, not blocked — PRO-6), one trace `message.list` per
 * call. A conversation the patient deleted (MSG-5) stays in the professional's copy. `only`: that one
 * message, read back as the answer to a send (not traced again: the send was).
 */
export async function listProMessages(db: Db, actor: ProfessionalActor, profileId: string,
  page: { limit?: number; after?: string; only?: string }, now: Date, channel: Channel): Promise<{ total: number; messages: ProMessage[]; next?: string }> {
  const access = await ensurePatient(db, actor, profileId, 'message.send', 'message.list', now, channel);
  let base = db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .where('c.profile_id', '=', profileId).where('c.professional_id', '=', actor.professionalId);
  if (page.only) base = base.where('m.id', '=', page.only);
  const cursor = decode(page.after);
  const limit = Math.min(Math.max(page.limit ?? PRO_MESSAGES_PAGE, 1), 200);
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    (cursor ? base.where(sql<boolean>`(m.created_at, m.id) < ((${cursor.at} || 'Z')::timestamptz, ${cursor.id}::uuid)`) : base)
      .select(['m.id', 'm.conversation_id', 'c.subject', 'c.closed_at', 'm.author_kind', 'm.author_label', 'm.written_by_label', 'm.body',
        'm.created_at', 'm.status', 'm.reply_option'])
      .select((eb) => eb.selectFrom('messages as p').select('p.id').whereRef('p.conversation_id', '=', 'm.conversation_id')
        .where(sql<boolean>`(p.created_at, p.id) < (m.created_at, m.id)`).orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(1).as('previous_id'))
      .select(SORT_KEY.as('sort_key'))
      .orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(limit + 1).execute(),
  ]);
  const shown = rows.slice(0, limit);
  const files = shown.length === 0 ? [] : await db.selectFrom('message_attachments').select(['id', 'message_id', 'name', 'mime_type', 'size_bytes', 'sha256'])
    .where('message_id', 'in', shown.map((m) => m.id)).orderBy('created_at').orderBy('id').execute();
  if (!page.only) await recordAccess(db, { actor, action: 'message.list', profileId, mode: access.mode, at: now, channel });
  const last = shown.at(-1);
  return {
    total: Number(counted.n),
    next: last && rows.length > limit ? encode(last.sort_key, last.id) : undefined,
    messages: shown.map((m) => ({
      id: m.id, conversationId: m.conversation_id, subject: m.subject, conversationClosedAt: m.closed_at, authorKind: m.author_kind,
      authorLabel: m.author_label, writtenBy: m.written_by_label, body: m.body, createdAt: m.created_at, status: m.status,
      replyOption: m.reply_option, previousId: m.previous_id ?? null,
      attachments: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, name: f.name, mimeType: f.mime_type, size: f.size_bytes, sha256: f.sha256 })),
    })),
  };
}

/**
 * The conversation a message belongs to, among this professional's conversations with this profile
 * (a reply through the API names the message it answers); undefined otherwise — never another PS's.
 */
export async function proConversationOfMessage(db: Db, actor: ProfessionalActor, profileId: string, messageId: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(messageId)) return undefined;
  const row = await db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id').select('c.id')
    .where('m.id', '=', messageId).where('c.profile_id', '=', profileId).where('c.professional_id', '=', actor.professionalId).executeTakeFirst();
  return row?.id;
}
