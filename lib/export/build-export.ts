import { PassThrough, type Readable } from 'node:stream';
import { R4 } from '@ahryman40k/ts-fhir-types';
import { sql } from 'kysely';
import { ZipFile } from 'yazl';
import type { Db } from '@/db/client';
import { SYSTEM, type PatientActor } from '@/lib/access/actor';
import { patientDocumentScope } from '@/lib/access/document-access';
import { exportHistoryCsv } from '@/lib/audit/export-history';
import { DEFAULT_HISTORY_TAB } from '@/lib/audit/history-filters';
import { recordAccess } from '@/lib/audit/record-access';
import { blobStore } from '@/lib/storage/blob-store';
import { buildBundle, type ExportDocument } from './fhir-bundle';
import { medicalResources } from './medical-resources';
import { EXPORT_VALIDITY_DAYS } from './request-export';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'text/plain': 'txt', 'application/rtf': 'rtf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif',
};
const slug = (title: string) => title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'document';

const README = `Vos données de Mon espace santé
================================

- documents/ : les fichiers originaux de vos documents de santé.
- donnees-de-sante.fhir.json : vos données structurées (profil, documents, mesures, profil médical)
  au format international FHIR R4, lisible par d'autres services de santé.
- historique.csv : l'historique d'activité de votre profil (qui a fait quoi, et quand).

Ce fichier contient des données de santé : conservez-le en lieu sûr.
`;

/**
 * CLO-12, the job: one ZIP with the original files, ONE FHIR R4 Bundle (validated against the R4
 * types before anything is written) and the history as CSV, stored encrypted like documents and
 * downloadable for 7 days. What the requesting account may not see (VIS-9, VIS-14) is not in it.
 * Idempotent: an export that is not PENDING any more is left alone.
 */
export async function runDataExport(db: Db, exportId: string, now: Date): Promise<'ready' | 'failed' | 'skipped'> {
  const request = await db.selectFrom('data_exports').selectAll().where('id', '=', exportId).executeTakeFirst();
  if (!request || request.status !== 'PENDING') return 'skipped';
  const profileId = request.profile_id;
  const profile = await db.selectFrom('profiles').select(['id', 'nir', 'birth_name', 'first_names', 'birth_date', 'sex', 'email'])
    .where('id', '=', profileId).executeTakeFirstOrThrow();
  const holder = await db.selectFrom('accounts').select('id').where('id', '=', request.account_id).where('profile_id', '=', profileId).executeTakeFirst();
  const scope = patientDocumentScope(holder ? 'HOLDER' : 'REPRESENTATIVE');

  let documentsQuery = db.selectFrom('documents').selectAll().where('profile_id', '=', profileId).where('status', 'in', ['ACTIVE', 'OBSOLETE'])
    .where('invisible_patient', '=', false).orderBy('created_at');
  if (scope.hideInvisibleRepresentatives) documentsQuery = documentsQuery.where('invisible_representants_legaux', '=', false);
  const documents = await documentsQuery.execute();
  const measures = await db.selectFrom('measures').selectAll().where('profile_id', '=', profileId).orderBy('effective_at').execute();
  const extra = await medicalResources(db, profileId, `urn:uuid:${profileId}`);

  const files: (ExportDocument & { blob: { key: string; wrappedKey: string } | null })[] = documents.map((d, i) => ({
    id: d.id, uniqueId: d.unique_id, title: d.title, category: d.category, typeCode: d.type_code, documentDate: d.document_date,
    createdAt: d.created_at, status: d.status, mime: d.mime_type, size: d.size_bytes, sha1Hex: d.sha1, authorLabel: d.author_label,
    path: d.blob_key ? `documents/${String(i + 1).padStart(3, '0')}-${slug(d.title)}.${EXTENSIONS[d.mime_type] ?? 'bin'}` : null,
    blob: d.blob_key && d.wrapped_key ? { key: d.blob_key, wrappedKey: d.wrapped_key } : null,
  }));
  const bundle = buildBundle({
    patient: { id: profile.id, nir: profile.nir, birthName: profile.birth_name, firstNames: profile.first_names, birthDate: profile.birth_date, sex: profile.sex, email: profile.email },
    documents: files,
    measures: measures.map((m) => ({ id: m.id, type: m.type, value: Number(m.value), value2: m.value2 === null ? null : Number(m.value2), unit: m.unit, effectiveAt: m.effective_at, source: m.source })),
    resources: extra, at: now,
  });
  if (R4.RTTI_Bundle.decode(bundle)._tag === 'Left') return fail(db, exportId, 'Le lot FHIR produit n’est pas conforme à FHIR R4.');

  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(README), 'LISEZMOI.txt');
  zip.addBuffer(Buffer.from(JSON.stringify(bundle, null, 2)), 'donnees-de-sante.fhir.json');
  zip.addBuffer(await historyCsv(db, request.account_id, profileId, now), 'historique.csv');
  for (const file of files) {
    if (!file.blob || !file.path) continue;
    zip.addReadStream(lazyStream(() => blobStore().get(file.blob!)), file.path, { mtime: file.createdAt });
  }
  zip.end();
  try {
    const stored = await blobStore().put(zip.outputStream as unknown as Readable);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('data_exports').set({ status: 'READY', blob_key: stored.key, wrapped_key: stored.wrappedKey, size_bytes: stored.size,
        ready_at: now, expires_at: new Date(now.getTime() + EXPORT_VALIDITY_DAYS * 86_400_000) }).where('id', '=', exportId).execute();
      await recordAccess(trx, { actor: { ...SYSTEM, job: 'data-export' }, action: 'profile.export.ready', profileId, target: { type: 'export', id: exportId }, at: now, channel: 'WORKER' });
    });
    return 'ready';
  } catch (error) {
    return fail(db, exportId, (error as Error).message);
  }
}

async function fail(db: Db, exportId: string, error: string): Promise<'failed'> {
  await db.updateTable('data_exports').set({ status: 'FAILED', error }).where('id', '=', exportId).execute();
  return 'failed';
}

/** A stream opened only when the ZIP writer reaches this entry (one decrypting stream at a time). */
function lazyStream(open: () => Promise<Readable>): Readable {
  const out = new PassThrough();
  let started = false;
  out.on('resume', () => {
    if (started) return;
    started = true;
    open().then((s) => { s.on('error', (e) => out.destroy(e)); s.pipe(out); }, (e: Error) => out.destroy(e));
  });
  return out;
}

/**
 * AUD-5: the whole history as the requesting account reads it (same CSV as its download: French
 * labels, held-back lines, formula-safe), read through the history module under that account.
 */
async function historyCsv(db: Db, accountId: string, profileId: string, now: Date): Promise<Buffer> {
  const account = await db.selectFrom('accounts').select(['id', 'profile_id', 'identifiant']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const represented = await db.selectFrom('representations').select('profile_id').where('account_id', '=', accountId).where('revoked_at', 'is', null).execute();
  const actor: PatientActor = { kind: 'PATIENT', accountId, name: account.identifiant, ownProfileId: account.profile_id,
    representedProfileIds: represented.map((r) => r.profile_id) };
  const { stream } = await exportHistoryCsv(db, actor, { profileId, filters: { tab: DEFAULT_HISTORY_TAB } }, now);
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** CLO-12: an export's file is kept 7 days; afterwards it is erased (the request row and its traces stay). */
export async function eraseExpiredExports(db: Db, now: Date): Promise<number> {
  const expired = await db.selectFrom('data_exports').select(['id', 'blob_key']).where('blob_key', 'is not', null)
    .where('expires_at', '<=', sql<Date>`${now}::timestamptz`).execute();
  for (const e of expired) {
    await blobStore().delete(e.blob_key!);
    await db.updateTable('data_exports').set({ blob_key: null, wrapped_key: null }).where('id', '=', e.id).execute();
  }
  return expired.length;
}
