import type { Db } from '@/db/client';
import type { MessageAuthorKind, ReplyOption } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { NotFoundError } from '@/lib/errors';
import { conversationOf, ensurePatientSide, VISIBLE_MESSAGE } from './patient-side';
import { replyRefusal, type Counterpart } from './rules';

export type ConversationMessage = {
  id: string; authorKind: MessageAuthorKind; authorLabel: string; writtenBy: string | null; body: string; createdAt: Date;
  replyOption: ReplyOption | null; attachments: { id: string; name: string; mime: string; size: number }[];
};
export type OpenedConversation = {
  id: string; subject: string;
  /** The professional, or null for a pharmacy (MSG-3(b)) or an organisation's conversation. */
  professionalId: string | null;
  /** The other side as the patient reads it: a professional, a pharmacy and its city, « Assurance Maladie ». */
  professionalLabel: string; counterpart: Counterpart; closed: boolean;
  /** MSG-11: the professional no longer practises (the page warns). */
  professionalInactive: boolean;
  messages: ConversationMessage[];
  /** MSG-4, MSG-5: why the patient may not reply, in French (null: they may). */
  replyRefusal: string | null;
};

/** The messages of one conversation as the patient side sees them (oldest first), with their attachments. */
export async function loadVisibleMessages(db: Db, conversationId: string): Promise<ConversationMessage[]> {
  const rows = await db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['m.id', 'm.author_kind', 'm.author_label', 'm.written_by_label', 'm.body', 'm.created_at', 'm.reply_option'])
    .where('m.conversation_id', '=', conversationId).where(VISIBLE_MESSAGE).orderBy('m.created_at').orderBy('m.id').execute();
  const files = rows.length === 0 ? [] : await db.selectFrom('message_attachments').select(['id', 'message_id', 'name', 'mime_type', 'size_bytes'])
    .where('message_id', 'in', rows.map((r) => r.id)).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, authorKind: r.author_kind, authorLabel: r.author_label, writtenBy: r.written_by_label, body: r.body, createdAt: r.created_at,
    replyOption: r.reply_option,
    attachments: files.filter((f) => f.message_id === r.id).map((f) => ({ id: f.id, name: f.name, mime: f.mime_type, size: f.size_bytes })),
  }));
}

/** MSG-4, MSG-5: the patient opens a conversation (with a PS, a pharmacy or the insurer); it is marked read. */
export async function openConversation(db: Db, actor: Actor, input: { profileId: string; conversationId: string }, now: Date): Promise<OpenedConversation> {
  await ensurePatientSide(db, actor, 'message.read', input.profileId, 'message.read', now);
  const c = await conversationOf(db, input.profileId, input.conversationId);
  const messages = await loadVisibleMessages(db, c.id);
  if (messages.length === 0) throw new NotFoundError('Conversation');
  await db.updateTable('conversations').set({ patient_read_at: now }).where('id', '=', c.id).execute();
  const lastPs = messages.filter((m) => m.authorKind !== 'PATIENT').at(-1);
  return {
    id: c.id, subject: c.subject, professionalId: c.professional_id, professionalLabel: c.professional_label, counterpart: c.counterpart,
    closed: c.closed_at !== null, messages,
    professionalInactive: c.inactive_since !== null,
    replyRefusal: replyRefusal({ closed: c.closed_at !== null, professionalLabel: c.professional_label, lastOption: lastPs?.replyOption ?? null,
      inactive: c.inactive_since !== null, counterpart: c.counterpart }),
  };
}
