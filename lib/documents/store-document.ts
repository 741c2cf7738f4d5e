import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB, DocumentAuthorType, MaskOrigin } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { recordAccess, type TraceInput } from '@/lib/audit/record-access';
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
  /** DOC-12, DOC-14: a professional's deposit gives its global unique id and LOINC type code. */
  uniqueId?: string;
  typeCode?: string | null;
  /** VIS-6, DOC-9: the professional behind a professional or facility deposit. */
  authorProfessionalId?: string | null;
  /** VIS-1, VIS-9, VIS-10, VIS-14: flags set at deposit (a PS only); mask-all still applies (VIS-3). */
  flags?: { masquePs: boolean; invisiblePatient: boolean; invisibleRepresentatives: boolean };
  /** DOC-11: the version this one replaces. */
  replacesId?: string | null;
  trace?: Pick<TraceInput, 'mode' | 'channel'>;
};

/**
 * VIS-3, VIS-4, VIS-10: the mask a new document gets. A PS may deposit it masked (AT_DEPOSIT); under
 * mask-all every new document arrives masked (BULK) — except an `invisible_patient` one, stored unmasked.
 */
export function maskAtDeposit(flags: DocumentToStore['flags'], maskAll: boolean): { masque_ps: boolean; mask_origin: MaskOrigin | null } {
  if (flags?.invisiblePatient) return { masque_ps: false, mask_origin: null };
  if (flags?.masquePs) return { masque_ps: true, mask_origin: 'AT_DEPOSIT' };
  return maskAll ? { masque_ps: true, mask_origin: 'BULK' } : { masque_ps: false, mask_origin: null };
}

/**
 * Files one checked document on a profile: the content is stored encrypted (DOC-13), the row written
 * under mask-all as masked (VIS-3), the trace and (MEA-4) the measure extraction job in the same
 * transaction. `beforeInsert` runs in that transaction first (PRF-4 removes the version being
 * replaced). Nothing stays when a step fails: the blob is deleted if the row could not be written.
 * The caller has passed the policy.
 */
export async function storeDocument(db: Db, actor: Actor, doc: DocumentToStore, now: Date,
  beforeInsert?: (trx: Transaction<DB>) => Promise<void>, afterInsert?: (trx: Transaction<DB>, documentId: string) => Promise<void>): Promise<{ documentId: string }> {
  const stored = await blobStore().put(doc.content.bytes);
  try {
    return await db.transaction().execute(async (trx) => {
      await beforeInsert?.(trx);
      const privacy = await privacyOf(trx, doc.profileId);
      const row = await trx.insertInto('documents').values({
        profile_id: doc.profileId, unique_id: doc.uniqueId ?? `urn:uuid:${randomUUID()}`, title: doc.title, category: doc.category,
        type_code: doc.typeCode ?? null, document_date: doc.documentDate, mime_type: doc.content.mime, size_bytes: stored.size,
        sha256: stored.sha256, sha1: stored.sha1, blob_key: stored.key, wrapped_key: stored.wrappedKey,
        author_type: doc.author.type, author_id: doc.author.id, author_label: doc.author.label, author_professional_id: doc.authorProfessionalId ?? null,
        replaces_id: doc.replacesId ?? null, ...maskAtDeposit(doc.flags, privacy.maskAll), folder_id: null,
        invisible_patient: doc.flags?.invisiblePatient ?? false, invisible_representants_legaux: doc.flags?.invisibleRepresentatives ?? false,
        created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await recordAccess(trx, { actor, action: doc.traceAction, profileId: doc.profileId, target: { type: 'document', id: row.id }, at: now, ...doc.trace });
      await afterInsert?.(trx, row.id);
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
