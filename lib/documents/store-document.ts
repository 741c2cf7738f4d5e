import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB, DocumentAuthorType } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { privacyOf } from '@/lib/confidentiality/settings';
import { isExtractable } from '@/lib/measures/extraction/rules';
import { measureExtractionOn } from '@/lib/measures/extraction/setting';
import { enqueue } from '@/lib/queue/outbox';
import { blobStore } from '@/lib/storage/blob-store';

export type DocumentToStore = {
  profileId: string;
  title: string;
  category: string;
  documentDate: string | null;
  content: { bytes: Buffer; mime: string };
  author: { type: DocumentAuthorType; id: string; label: string };
  /** The trace of the filing (AUD-1): `document.add` for an upload, the generating action otherwise. */
  traceAction: string;
};

/**
 * Files one checked document on a profile: the content is stored encrypted (DOC-13), the row written
 * under mask-all as masked (VIS-3), the trace and (MEA-4) the measure extraction job in the same
 * transaction. `beforeInsert` runs in that transaction first (PRF-4 removes the version being
 * replaced). Nothing stays when a step fails: the blob is deleted if the row could not be written.
 * The caller has passed the policy.
 */
export async function storeDocument(db: Db, actor: Actor, doc: DocumentToStore, now: Date,
  beforeInsert?: (trx: Transaction<DB>) => Promise<void>): Promise<{ documentId: string }> {
  const stored = await blobStore().put(doc.content.bytes);
  try {
    return await db.transaction().execute(async (trx) => {
      await beforeInsert?.(trx);
      const privacy = await privacyOf(trx, doc.profileId);
      const row = await trx.insertInto('documents').values({
        profile_id: doc.profileId, unique_id: `urn:uuid:${randomUUID()}`, title: doc.title, category: doc.category,
        type_code: null, document_date: doc.documentDate, mime_type: doc.content.mime, size_bytes: stored.size,
        sha256: stored.sha256, sha1: stored.sha1, blob_key: stored.key, wrapped_key: stored.wrappedKey,
        author_type: doc.author.type, author_id: doc.author.id, author_label: doc.author.label, author_professional_id: null,
        replaces_id: null, masque_ps: privacy.maskAll, mask_origin: privacy.maskAll ? 'BULK' : null, folder_id: null,
        created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await recordAccess(trx, { actor, action: doc.traceAction, profileId: doc.profileId, target: { type: 'document', id: row.id }, at: now });
      // MEA-4: the values it gives are read after commit, unless the profile switched that off.
      if (isExtractable({ mime: doc.content.mime, category: doc.category }) && await measureExtractionOn(trx, doc.profileId)) {
        await enqueue(trx, { kind: 'measure-extraction', documentId: row.id });
      }
      return { documentId: row.id };
    });
  } catch (error) {
    await blobStore().delete(stored.key); // no orphan file when the row could not be written
    throw error;
  }
}
