import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess, type TraceMode } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { ensurePatient, type Channel } from '@/lib/professional-access/patient-gate';
import { blobStore } from '@/lib/storage/blob-store';
import type { ProMessage } from './list-pro-messages';
import { ensurePharmacyConversation } from './pharmacy-side';

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The professional's way to one message (MSG-2, MSG-3(b), PRO-6): a message of one of their own
 * conversations (through the patient gate, `message.send`) or of a conversation of the pharmacy they act
 * at (through the pharmacy gate). Anything else — another PS's conversation, another pharmacy's, the
 * insurer's, an unknown id — is NotFoundError (never a leak), the attempt traced (on the patient's chain
 * when the message exists).
 */
async function reachMessage(db: Db, actor: ProfessionalActor, messageId: string, traceAction: string, now: Date, channel: Channel):
  Promise<{ profileId: string; conversationId: string; mode: TraceMode }> {
  const row = UUID.test(messageId)
    ? await db.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['c.id', 'c.profile_id', 'c.professional_id', 'c.pharmacy_finess']).where('m.id', '=', messageId).executeTakeFirst()
    : undefined;
  const target = { type: 'message', id: messageId.slice(0, 64) };
  if (row?.pharmacy_finess) {
    const { mode } = await ensurePharmacyConversation(db, actor, row.id, traceAction, now, channel);
    return { profileId: row.profile_id, conversationId: row.id, mode };
  }
  if (!row || row.professional_id !== actor.professionalId) {
    await recordAccess(db, { actor, action: traceAction, profileId: row?.profile_id ?? null, target, denied: 'no-target', at: now, channel });
    throw new NotFoundError('Message');
  }
  const access = await ensurePatient(db, actor, row.profile_id, 'message.send', traceAction, now, channel);
  return { profileId: row.profile_id, conversationId: row.id, mode: access.mode };
}

/** MSG-2, MSG-3(b): one message as the professional API reads it (`Communication/{id}`), traced `message.read`. */
export async function readProMessage(db: Db, actor: ProfessionalActor, messageId: string, now: Date, channel: Channel): Promise<{ profileId: string; message: ProMessage }> {
  const { profileId, mode } = await reachMessage(db, actor, messageId, 'message.read', now, channel);
  return db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['m.id', 'm.conversation_id', 'c.subject', 'c.closed_at', 'm.author_kind', 'm.author_label', 'm.written_by_label', 'm.body',
        'm.created_at', 'm.status', 'm.reply_option'])
      .select((eb) => eb.selectFrom('messages as p').select('p.id').whereRef('p.conversation_id', '=', 'm.conversation_id')
        .where(sql<boolean>`(p.created_at, p.id) < (m.created_at, m.id)`).orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(1).as('previous_id'))
      .where('m.id', '=', messageId).executeTakeFirstOrThrow();
    const files = await trx.selectFrom('message_attachments').select(['id', 'name', 'mime_type', 'size_bytes', 'sha256'])
      .where('message_id', '=', messageId).orderBy('created_at').orderBy('id').execute();
    await recordAccess(trx, { actor, action: 'message.read', profileId, target: { type: 'message', id: messageId }, mode, at: now, channel });
    return {
      profileId,
      message: {
        id: m.id, conversationId: m.conversation_id, subject: m.subject, conversationClosedAt: m.closed_at, authorKind: m.author_kind,
        authorLabel: m.author_label, writtenBy: m.written_by_label, body: m.body, createdAt: m.created_at, status: m.status,
        replyOption: m.reply_option, previousId: m.previous_id ?? null,
        attachments: files.map((f) => ({ id: f.id, name: f.name, mimeType: f.mime_type, size: f.size_bytes, sha256: f.sha256 })),
      },
    };
  });
}

/** MSG-10: the bytes of one attachment of a message the professional reaches (as above), traced `message.attachment.read`. */
export async function readProMessageAttachment(db: Db, actor: ProfessionalActor, input: { messageId: string; attachmentId: string }, now: Date,
  channel: Channel): Promise<{ name: string; mime: string; size: number; stream: Readable }> {
  const { profileId, mode } = await reachMessage(db, actor, input.messageId, 'message.attachment.read', now, channel);
  const row = UUID.test(input.attachmentId)
    ? await db.selectFrom('message_attachments').select(['name', 'mime_type', 'size_bytes', 'blob_key', 'wrapped_key'])
      .where('id', '=', input.attachmentId).where('message_id', '=', input.messageId).executeTakeFirst()
    : undefined;
  const target = { type: 'message-attachment', id: input.attachmentId.slice(0, 64) };
  if (!row) {
    await recordAccess(db, { actor, action: 'message.attachment.read', profileId, target, denied: 'no-target', mode, at: now, channel });
    throw new NotFoundError('Pièce jointe');
  }
  await recordAccess(db, { actor, action: 'message.attachment.read', profileId, target, mode, at: now, channel });
  return { name: row.name, mime: row.mime_type, size: row.size_bytes, stream: await blobStore().get({ key: row.blob_key, wrappedKey: row.wrapped_key }) };
}
