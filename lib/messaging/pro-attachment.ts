import type { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { ensurePatient, type Channel } from '@/lib/professional-access/patient-gate';
import { blobStore } from '@/lib/storage/blob-store';

/**
 * MSG-10, PRO-6: the professional downloads an attachment of one of their own conversations with the
 * patient (theirs or the patient's), through the gate (`message.send`: authorised, NORMAL mode, not
 * blocked) and traced on the patient's chain. Another professional's conversation, or an unknown id,
 * is "introuvable" and the attempt is traced too.
 */
export async function openProAttachment(db: Db, actor: ProfessionalActor, input: { profileId: string; attachmentId: string }, now: Date,
  channel: Channel): Promise<{ name: string; mime: string; size: number; stream: Readable }> {
  const access = await ensurePatient(db, actor, input.profileId, 'message.send', 'message.attachment.read', now, channel);
  const row = /^[0-9a-f-]{36}$/i.test(input.attachmentId)
    ? await db.selectFrom('message_attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['a.id', 'a.name', 'a.mime_type', 'a.size_bytes', 'a.blob_key', 'a.wrapped_key'])
      .where('a.id', '=', input.attachmentId).where('c.profile_id', '=', input.profileId)
      .where('c.professional_id', '=', actor.professionalId).executeTakeFirst()
    : undefined;
  const target = { type: 'message-attachment', id: input.attachmentId.slice(0, 64) };
  if (!row) {
    await recordAccess(db, { actor, action: 'message.attachment.read', profileId: input.profileId, target, denied: 'no-target', mode: access.mode, at: now, channel });
    throw new NotFoundError('Pièce jointe');
  }
  await recordAccess(db, { actor, action: 'message.attachment.read', profileId: input.profileId, target, mode: access.mode, at: now, channel });
  return { name: row.name, mime: row.mime_type, size: row.size_bytes, stream: await blobStore().get({ key: row.blob_key, wrappedKey: row.wrapped_key }) };
}
