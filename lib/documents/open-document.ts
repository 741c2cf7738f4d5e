import type { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { blobStore } from '@/lib/storage/blob-store';
import { ensureDocument } from './document-gate';

/** The page of one document: its metadata, after the policy (no trace: reading the file is what is traced). */
export async function documentDetails(db: Db, actor: Actor, documentId: string, now: Date) {
  const { row, profile } = await ensureDocument(db, actor, 'document.read', documentId, 'document.view', now);
  const replacedBy = await db.selectFrom('documents').select(['id', 'title']).where('replaces_id', '=', row.id).executeTakeFirst();
  return { document: row, profile, replacedBy };
}

/**
 * DOC-3: the file itself for preview or download, decrypted on the fly (DOC-13); traced (AUD-1).
 * A file erased after its deletion (DOC-10) no longer exists.
 */
export async function openDocumentFile(db: Db, actor: Actor, documentId: string, now: Date):
  Promise<{ stream: Readable; mime: string; size: number; title: string }> {
  const { row } = await ensureDocument(db, actor, 'document.read', documentId, 'document.read', now);
  if (!row.blob_key || !row.wrapped_key) throw new NotFoundError('Fichier');
  await recordAccess(db, { actor, action: 'document.read', profileId: row.profile_id, target: { type: 'document', id: row.id }, at: now });
  const stream = await blobStore().get({ key: row.blob_key, wrappedKey: row.wrapped_key });
  return { stream, mime: row.mime_type, size: row.size_bytes, title: row.title };
}
