import type { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { NotFoundError } from '@/lib/errors';
import { blobStore } from '@/lib/storage/blob-store';
import { ensurePatientSide, VISIBLE_MESSAGE } from './patient-side';

export type AttachmentRow = { id: string; name: string; mime: string; size: number; blobKey: string; wrappedKey: string; senderLabel: string };

/** One attachment of a message the patient side can see (MSG-10), or NotFoundError. */
export async function visibleAttachment(db: Db, profileId: string, attachmentId: string): Promise<AttachmentRow> {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) throw new NotFoundError('Pièce jointe');
  const row = await db.selectFrom('message_attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['a.id', 'a.name', 'a.mime_type', 'a.size_bytes', 'a.blob_key', 'a.wrapped_key', 'm.author_label'])
    .where('a.id', '=', attachmentId).where('c.profile_id', '=', profileId).where(VISIBLE_MESSAGE).executeTakeFirst();
  if (!row) throw new NotFoundError('Pièce jointe');
  return { id: row.id, name: row.name, mime: row.mime_type, size: row.size_bytes, blobKey: row.blob_key, wrappedKey: row.wrapped_key, senderLabel: row.author_label };
}

/** MSG-10: download an attachment (decrypted on the fly). */
export async function openAttachment(db: Db, actor: Actor, input: { profileId: string; attachmentId: string }, now: Date):
  Promise<{ name: string; mime: string; size: number; stream: Readable }> {
  await ensurePatientSide(db, actor, 'message.read', input.profileId, 'message.read', now);
  const a = await visibleAttachment(db, input.profileId, input.attachmentId);
  return { name: a.name, mime: a.mime, size: a.size, stream: await blobStore().get({ key: a.blobKey, wrappedKey: a.wrappedKey }) };
}
