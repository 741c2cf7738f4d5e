import type { Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { checkDocumentFile, type CheckedFile } from '@/lib/documents/file-rules';
import { ValidationError } from '@/lib/errors';
import { blobStore, type StoredBlob } from '@/lib/storage/blob-store';
import { attachmentsTooLarge } from './rules';

export type IncomingFile = { name: string; bytes: Buffer };

/** MSG-10: 10 MB per message in total; each file passes the DOC-2 checks (type read from the content, 5 MB). */
export async function checkAttachments(files: readonly IncomingFile[], field = 'pieces'): Promise<CheckedFile[]> {
  const present = files.filter((f) => f.name && f.bytes.length > 0);
  if (attachmentsTooLarge(present.map((f) => f.bytes.length))) {
    throw new ValidationError('message.attachments-too-large', 'Les pièces jointes d’un message ne doivent pas dépasser 10 Mo au total.', field);
  }
  return Promise.all(present.map((f) => checkDocumentFile(f.name, f.bytes, field)));
}

export type StoredAttachment = { file: CheckedFile; blob: StoredBlob };

/** DOC-13: each file encrypted in the blob store before the transaction; `discard` removes them if it fails. */
export async function putAttachments(files: readonly CheckedFile[]): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  try {
    for (const file of files) stored.push({ file, blob: await blobStore().put(file.bytes) });
  } catch (error) {
    await discardAttachments(stored);
    throw error;
  }
  return stored;
}

export async function discardAttachments(stored: readonly StoredAttachment[]): Promise<void> {
  await Promise.all(stored.map((s) => blobStore().delete(s.blob.key)));
}

export async function insertAttachments(trx: Transaction<DB>, messageId: string, stored: readonly StoredAttachment[], now: Date): Promise<void> {
  if (stored.length === 0) return;
  await trx.insertInto('message_attachments').values(stored.map((s) => ({
    message_id: messageId, blob_key: s.blob.key, wrapped_key: s.blob.wrappedKey, name: s.file.name, mime_type: s.file.mime,
    size_bytes: s.blob.size, sha256: s.blob.sha256, created_at: now,
  }))).execute();
}
