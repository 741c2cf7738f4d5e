import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Selectable } from 'kysely';
import type { DocumentsTable } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { professionalReadScope, type DocumentTarget } from '@/lib/access/document-access';
import { authorize, type Action, type Decision } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { blobStore } from '@/lib/storage/blob-store';
import { traceProfessionalRead } from './access-notice';
import { openingWarnings, stateLabels } from './document-labels';
import { ensurePatient, refuse, type Channel, type PatientAccess } from './patient-gate';

export type ProDocumentFilters = {
  category?: string;
  typeCode?: string;
  /** ISO dates, inclusive, on the document's date (its creation date when it has none). */
  from?: string;
  to?: string;
  /** VIS-13: current versions only (default), or obsolete ones too. */
  status?: 'current' | 'all';
  /** Keyset cursor from the previous page. */
  after?: string;
  limit?: number;
};

export const PRO_DOCUMENTS_PAGE = 50;

const COLUMNS = ['id', 'profile_id', 'unique_id', 'title', 'category', 'type_code', 'document_date', 'mime_type', 'size_bytes', 'sha256', 'sha1',
  'author_type', 'author_label', 'author_professional_id', 'status', 'replaces_id', 'masque_ps', 'invisible_patient',
  'invisible_representants_legaux', 'created_at', 'updated_at'] as const;
type Row = Pick<Selectable<DocumentsTable>, (typeof COLUMNS)[number]>;

const targetOf = (r: Pick<Row, 'id' | 'profile_id' | 'status' | 'author_type' | 'author_professional_id' | 'masque_ps' | 'invisible_patient' | 'invisible_representants_legaux'>): DocumentTarget => ({
  id: r.id, profileId: r.profile_id, status: r.status, authorType: r.author_type, authorProfessionalId: r.author_professional_id,
  masquePs: r.masque_ps, invisiblePatient: r.invisible_patient, invisibleRepresentatives: r.invisible_representants_legaux,
});

/** The policy on one document for this professional, with the matrix's answer for its type and category (PRO-9). */
export function decideOnDocument(actor: ProfessionalActor, action: Action, access: PatientAccess, row: Parameters<typeof targetOf>[0] & Pick<Row, 'type_code' | 'category'>): Decision {
  return authorize(actor, action, {
    profile: access.profile, document: targetOf(row), privacy: access.privacy,
    pro: { ...access.pro, matrixAllows: access.matrixAllows({ typeCode: row.type_code, category: row.category }) },
  });
}

/** A document as professional lists show it (VIS-13 labels; never a document this professional may not read). */
export type ProDocument = Row & { labels: string[] };

/** Keyset cursor: the creation instant to the microsecond (as the database orders it) and the id. */
const encode = (key: string, id: string) => Buffer.from(`${key}|${id}`).toString('base64url');
function decode(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(at) && id && /^[0-9a-f-]{36}$/i.test(id) ? { at, id } : undefined;
}
const SORT_KEY = sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/**
 * A patient's documents for a professional (pages and FHIR search alike): the gate (PRO-3..6, PRO-12,
 * emergency grant), then the policy on every document (VIS-6..10, VIS-14, PRO-9 per type, EMG-1 toggle 3):
 * what is refused is absent from the list and its count (no existence leak). Newest first, keyset pages.
 * One trace `document.list` per call, in the mode of the access (EMG-7); NOT-2/NOT-3 notice in NORMAL mode.
 */
export async function listPatientDocuments(db: Db, actor: ProfessionalActor, profileId: string, filters: ProDocumentFilters, now: Date,
  channel: Channel, options: { skipTrace?: boolean } = {}) {
  const access = await ensurePatient(db, actor, profileId, 'patient.open', 'document.list', now, channel);
  // The policy's read scope as a filter (professionalReadScope, matrixScope: unit-tested equal to the
  // per-document decision), so counts and pages never include what this professional may not see and
  // only the page's rows are read; each row of the page is decided again below.
  const scope = professionalReadScope(actor, access.pro, access.privacy);
  const m = access.matrixScope;
  let query = db.selectFrom('documents').where('profile_id', '=', profileId)
    .where('status', 'in', filters.status === 'all' ? ['ACTIVE', 'OBSOLETE'] : ['ACTIVE']);
  if (scope.blocked) query = query.where(sql<boolean>`false`);
  query = query.where((eb) => eb.or([
    eb('author_professional_id', '=', scope.authorId),
    eb.and([
      sql<boolean>`${scope.othersVisible}`,
      ...(scope.hideMasked ? [eb('masque_ps', '=', false)] : []),
      eb.or([
        eb('type_code', '=', sql<string>`any(${m.allowTypes}::text[])`),
        eb.and([eb.or([eb('type_code', 'is', null), eb('type_code', '!=', sql<string>`all(${m.listedTypes}::text[])`)]),
          eb('category', '=', sql<string>`any(${m.allowCategories}::text[])`)]),
      ]),
    ]),
  ]));
  if (filters.category) query = query.where('category', '=', filters.category);
  if (filters.typeCode) query = query.where('type_code', '=', filters.typeCode);
  if (filters.from) query = query.where((eb) => eb(eb.fn.coalesce('document_date', eb.cast('created_at', 'date')), '>=', filters.from!));
  if (filters.to) query = query.where((eb) => eb(eb.fn.coalesce('document_date', eb.cast('created_at', 'date')), '<=', filters.to!));
  const cursor = decode(filters.after);
  const limit = Math.min(Math.max(filters.limit ?? PRO_DOCUMENTS_PAGE, 1), 200);
  const [counted, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    (cursor ? query.where(sql<boolean>`(created_at, id) < ((${cursor.at} || 'Z')::timestamptz, ${cursor.id}::uuid)`) : query)
      .select(COLUMNS).select(SORT_KEY.as('sort_key')).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute(),
  ]);
  const page = rows.slice(0, limit).filter((r) => decideOnDocument(actor, 'document.read', access, r).allowed);
  const lastKey = rows[Math.min(rows.length, limit) - 1];
  if (!options.skipTrace) {
    await traceProfessionalRead(db, { actor, action: 'document.list', profileId, at: now, mode: access.mode, channel });
  }
  return {
    access,
    total: Number(counted.n),
    documents: page.map((r): ProDocument => ({ ...r, labels: stateLabels(labelled(r)) })),
    next: lastKey && rows.length > limit ? encode(lastKey.sort_key, lastKey.id) : undefined,
  };
}

const labelled = (r: Pick<Row, 'status' | 'masque_ps' | 'invisible_patient' | 'invisible_representants_legaux'>) =>
  ({ status: r.status, masquePs: r.masque_ps, invisiblePatient: r.invisible_patient, invisibleRepresentatives: r.invisible_representants_legaux });

/**
 * One document for a professional: the gate on its profile, then the policy on the document. A document
 * this professional may not read (masked, matrix, deleted) answers 404 like an unknown id (its existence
 * never leaks) and the refusal is traced; other refusals (not the author...) carry their French reason.
 */
export async function findPatientDocument(db: Db, actor: ProfessionalActor, documentId: string, action: Action, traceAction: string,
  now: Date, channel: Channel) {
  const row = /^[0-9a-f-]{36}$/i.test(documentId)
    ? await db.selectFrom('documents').select(COLUMNS).select(['blob_key', 'wrapped_key']).where('id', '=', documentId).executeTakeFirst()
    : undefined;
  if (!row) {
    await recordAccess(db, { actor, action: traceAction, profileId: null, target: { type: 'document', id: documentId.slice(0, 64) }, denied: 'no-target', at: now, channel });
    throw new NotFoundError('Document');
  }
  // Refused on the patient (not authorised, blocked, profile closed): traced by the gate, answered as an
  // unknown id so that a document id never tells whose it is.
  const access = await ensurePatient(db, actor, row.profile_id, 'patient.open', traceAction, now, channel).catch((e: unknown) => {
    throw e instanceof AccessDeniedError ? new NotFoundError('Document') : e;
  });
  // What this professional may not read answers 404 whatever was asked (a write must not reveal it either).
  const read = decideOnDocument(actor, 'document.read', access, row);
  const decision = read.allowed ? decideOnDocument(actor, action, access, row) : read;
  if (!decision.allowed) {
    const hide = decision.code === 'pro-matrix' || decision.code === 'pro-masked' || decision.code === 'document-deleted';
    if (hide) {
      await recordAccess(db, { actor, action: traceAction, profileId: row.profile_id, target: { type: 'document', id: row.id }, decision, mode: access.mode, at: now, channel });
      throw new NotFoundError('Document');
    }
    await refuse(db, actor, row.profile_id, traceAction, decision, access.mode, now, channel, { type: 'document', id: row.id });
  }
  return { row, access, labels: stateLabels(labelled(row)), warnings: openingWarnings(labelled(row)) };
}

/** The page of one document: metadata, VIS-12 warnings, its versions (DOC-11); traced `document.view`. */
export async function viewPatientDocument(db: Db, actor: ProfessionalActor, documentId: string, now: Date, channel: Channel) {
  const found = await findPatientDocument(db, actor, documentId, 'document.read', 'document.view', now, channel);
  const replacedBy = await db.selectFrom('documents').select(['id', 'title', 'status']).where('replaces_id', '=', found.row.id)
    .where('status', '!=', 'DELETED').executeTakeFirst();
  await traceProfessionalRead(db, { actor, action: 'document.view', profileId: found.row.profile_id, target: { type: 'document', id: found.row.id }, mode: found.access.mode, at: now, channel });
  const document: Row = Object.fromEntries(COLUMNS.map((c) => [c, found.row[c]])) as Row; // never the storage keys
  return { document, labels: found.labels, warnings: found.warnings, replacedBy, access: found.access };
}

/** DOC-3, DOC-13: the file, decrypted on the fly; traced `document.read` (AUD-1). */
export async function openPatientDocumentFile(db: Db, actor: ProfessionalActor, documentId: string, now: Date, channel: Channel):
  Promise<{ stream: Readable; mime: string; size: number; title: string; sha1: string }> {
  const found = await findPatientDocument(db, actor, documentId, 'document.read', 'document.read', now, channel);
  const { row } = found;
  if (!row.blob_key || !row.wrapped_key) throw new NotFoundError('Fichier');
  await traceProfessionalRead(db, { actor, action: 'document.read', profileId: row.profile_id, target: { type: 'document', id: row.id }, mode: found.access.mode, at: now, channel });
  const stream = await blobStore().get({ key: row.blob_key, wrappedKey: row.wrapped_key });
  return { stream, mime: row.mime_type, size: row.size_bytes, title: row.title, sha1: row.sha1 };
}
