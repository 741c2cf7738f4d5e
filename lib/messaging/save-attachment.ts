import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { storeDocument } from '@/lib/documents/store-document';
import { blobStore } from '@/lib/storage/blob-store';
import { visibleAttachment } from './attachment-file';
import { ensurePatientSide } from './patient-side';

/**
 * MSG-10: « Enregistrer dans mes documents ». The copy is a document of its own, patient-authored,
 * naming the sender (« reçu de … »), in « Autres documents »; it stays when the conversation is
 * deleted (MSG-5). Needs the right to add a document (DOC-2, aidants included per AID-4).
 */
export async function saveAttachmentToDocuments(db: Db, actor: Actor, input: { profileId: string; attachmentId: string }, now: Date): Promise<{ documentId: string }> {
  await ensurePatientSide(db, actor, 'message.read', input.profileId, 'message.attachment.save', now);
  await ensureOnProfile(db, actor, 'document.add', input.profileId, 'message.attachment.save', now);
  const a = await visibleAttachment(db, input.profileId, input.attachmentId);
  const bytes = await blobStore().getBuffer({ key: a.blobKey, wrappedKey: a.wrappedKey });
  const title = a.name.replace(/\.[a-z0-9]{2,4}$/i, '').slice(0, 200) || 'Pièce jointe';
  const who = actor.kind === 'PATIENT' ? { id: actor.accountId, label: actor.name } : { id: 'inconnu', label: 'Inconnu' };
  return storeDocument(db, actor, {
    profileId: input.profileId, title, category: 'AUTR_DOC', documentDate: now.toISOString().slice(0, 10),
    content: { bytes, mime: a.mime },
    author: { type: 'PATIENT', id: who.id, label: `${who.label} — reçu de ${a.senderLabel} par la messagerie` },
    traceAction: 'message.attachment.save',
  }, now);
}
