import type { Db } from '@/db/client';
import type { MessageAuthorKind, ReplyOption } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ensurePatient, type Channel } from '@/lib/professional-access/patient-gate';

export type ProConversation = {
  id: string; subject: string; openedAt: Date; closedAt: Date | null; deletedByPatient: boolean;
  messages: { id: string; authorKind: MessageAuthorKind; authorLabel: string; writtenBy: string | null; body: string; createdAt: Date;
    status: 'DELIVERED' | 'HELD'; replyOption: ReplyOption | null; attachments: { id: string; name: string; size: number }[] }[];
};

/**
 * The professional's own conversations with one patient (newest first), through the gate (`message.send`:
 * authorised, NORMAL mode, not blocked — PRO-6) and traced; opening marks them read for the PS.
 */
export async function listProConversations(db: Db, actor: ProfessionalActor, profileId: string, now: Date, channel: Channel): Promise<ProConversation[]> {
  const access = await ensurePatient(db, actor, profileId, 'message.send', 'message.list', now, channel);
  const convs = await db.selectFrom('conversations').select(['id', 'subject', 'opened_at', 'closed_at', 'deleted_by_patient_at'])
    .where('profile_id', '=', profileId).where('professional_id', '=', actor.professionalId)
    .orderBy('last_message_at', 'desc').orderBy('id', 'desc').limit(50).execute();
  const ids = convs.map((c) => c.id);
  const msgs = ids.length === 0 ? [] : await db.selectFrom('messages')
    .select(['id', 'conversation_id', 'author_kind', 'author_label', 'written_by_label', 'body', 'created_at', 'status', 'reply_option'])
    .where('conversation_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
  const files = msgs.length === 0 ? [] : await db.selectFrom('message_attachments').select(['id', 'message_id', 'name', 'size_bytes'])
    .where('message_id', 'in', msgs.map((m) => m.id)).execute();
  await db.transaction().execute(async (trx) => {
    if (ids.length > 0) await trx.updateTable('conversations').set({ pro_read_at: now }).where('id', 'in', ids).execute();
    await recordAccess(trx, { actor, action: 'message.list', profileId, mode: access.mode, at: now, channel });
  });
  return convs.map((c) => ({
    id: c.id, subject: c.subject, openedAt: c.opened_at, closedAt: c.closed_at, deletedByPatient: c.deleted_by_patient_at !== null,
    messages: msgs.filter((m) => m.conversation_id === c.id).map((m) => ({
      id: m.id, authorKind: m.author_kind, authorLabel: m.author_label, writtenBy: m.written_by_label, body: m.body, createdAt: m.created_at,
      status: m.status, replyOption: m.reply_option,
      attachments: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, name: f.name, size: f.size_bytes })),
    })),
  }));
}
