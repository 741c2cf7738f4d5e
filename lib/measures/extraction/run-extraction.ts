import type { Db } from '@/db/client';
import { SYSTEM } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { blobStore } from '@/lib/storage/blob-store';
import { extractMeasures } from './extract-measures';
import { placeInTime } from './rules';
import { measureExtractionOn } from './setting';

const EXTRACTOR = { ...SYSTEM, job: 'measure-extraction' };

/**
 * MEA-4, the job behind `storeDocument`: re-reads the document (nothing if it was deleted, replaced,
 * hidden from the patient side, or the setting was switched off since), decrypts its file, extracts
 * the values and stores those that pass MEA-1 and MEA-2 as DOCUMENT_EXTRACTION measures linked to
 * the document (`source_ref`), traced `measure.extract` by the system. Idempotent: a value already
 * stored for this document, type and time is not stored again (unique index), and a run that stores
 * nothing writes no trace.
 */
export async function runMeasureExtraction(db: Db, documentId: string, now: Date): Promise<string> {
  const doc = await db.selectFrom('documents').innerJoin('profiles', 'profiles.id', 'documents.profile_id')
    .select(['documents.id', 'documents.profile_id', 'documents.status', 'documents.blob_key', 'documents.wrapped_key', 'documents.mime_type',
      'documents.document_date', 'documents.created_at', 'documents.invisible_patient', 'documents.invisible_representants_legaux',
      'profiles.birth_date'])
    .where('documents.id', '=', documentId).executeTakeFirst();
  if (!doc || doc.status !== 'ACTIVE' || !doc.blob_key || !doc.wrapped_key) return 'document gone';
  // VIS-9, VIS-14: the values would tell the patient side what the document holds.
  if (doc.invisible_patient || doc.invisible_representants_legaux) return 'document hidden from the patient side';
  if (!(await measureExtractionOn(db, doc.profile_id))) return 'setting off';

  const bytes = await blobStore().getBuffer({ key: doc.blob_key, wrappedKey: doc.wrapped_key });
  const found = await extractMeasures(bytes, doc.mime_type);
  const values = found.flatMap((c) => {
    const at = placeInTime(c, { documentDate: doc.document_date, createdAt: doc.created_at }, { birthDate: doc.birth_date, now });
    return at ? [{ ...c, at }] : [];
  });
  if (values.length === 0) return 'nothing found';

  const stored = await db.transaction().execute(async (trx) => {
    // The document row locked: a deletion under way either finished first (seen here) or waits and then removes these values.
    const current = await trx.selectFrom('documents').select('status').where('id', '=', doc.id).forUpdate().executeTakeFirst();
    if (current?.status !== 'ACTIVE' || !(await measureExtractionOn(trx, doc.profile_id))) return 0;
    const rows = await trx.insertInto('measures').values(values.map((v) => ({
      profile_id: doc.profile_id, type: v.type, value: v.value, value2: null, unit: v.unit, effective_at: v.at,
      source: 'DOCUMENT_EXTRACTION' as const, source_ref: doc.id, created_by_account: null, created_at: now,
    }))).onConflict((oc) => oc.columns(['source_ref', 'type', 'effective_at']).where('source', '=', 'DOCUMENT_EXTRACTION').doNothing())
      .returning('id').execute();
    if (rows.length > 0) {
      await recordAccess(trx, { actor: EXTRACTOR, action: 'measure.extract', profileId: doc.profile_id, target: { type: 'document', id: doc.id },
        at: now, channel: 'WORKER' });
    }
    return rows.length;
  });
  return `extracted ${stored}`;
}
