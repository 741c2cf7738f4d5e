import type { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import type { Channel } from '@/lib/professional-access/patient-gate';
import { blobStore } from '@/lib/storage/blob-store';
import { ensurePharmacyConversation } from './pharmacy-side';

/**
 * MSG-3(b), MSG-10: a pharmacist downloads an attachment (the prescription…) of a conversation of their
 * pharmacy, through the pharmacy gate, traced `message.attachment.read` on the patient's chain. An id
 * outside that conversation is "introuvable", the attempt traced too.
 */
export async function openPharmacyAttachment(db: Db, actor: ProfessionalActor, input: { conversationId: string; attachmentId: string }, now: Date,
  channel: Channel): Promise<{ name: string; mime: string; size: number; stream: Readable }> {
  const { conversation, mode } = await ensurePharmacyConversation(db, actor, input.conversationId, 'message.attachment.read', now, channel);
  const row = /^[0-9a-f-]{36}$/i.test(input.attachmentId)
    ? await db.selectFrom('message_attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id')
      .select(['a.name', 'a.mime_type', 'a.size_bytes', 'a.blob_key', 'a.wrapped_key'])
      .where('a.id', '=', input.attachmentId).where('m.conversation_id', '=', conversation.id).executeTakeFirst()
    : undefined;
  const target = { type: 'message-attachment', id: input.attachmentId.slice(0, 64) };
  const profileId = conversation.profile_id;
  if (!row) {
    await recordAccess(db, { actor, action: 'message.attachment.read', profileId, target, denied: 'no-target', mode, at: now, channel });
    throw new NotFoundError('Pièce jointe');
  }
  await recordAccess(db, { actor, action: 'message.attachment.read', profileId, target, mode, at: now, channel });
  return { name: row.name, mime: row.mime_type, size: row.size_bytes, stream: await blobStore().get({ key: row.blob_key, wrappedKey: row.wrapped_key }) };
}
