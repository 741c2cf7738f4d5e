import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { patientDocumentScope, patientRole } from '@/lib/access/document-access';
import { ensureMayOnProfile } from '@/lib/access/profile-guard';

export type DocumentFilters = {
  category?: string;
  folderId?: string;
  /** Search in titles, case- and accent-insensitive enough for "compte rendu" vs "Compte-rendu". */
  q?: string;
  sort?: 'recent' | 'title';
  /** Keyset cursor from the previous page's `next`. */
  after?: string;
};

/** Documents per page: a screenful to scan; « Documents suivants » reads the next keyset page. */
export const DOCUMENTS_PAGE = 25;
type Cursor = { p: boolean; k: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString()) as Cursor;
    return typeof c.p === 'boolean' && typeof c.k === 'string' && typeof c.id === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * DOC-1, DOC-5: the patient side's "Documents" of one profile, pinned first, then by date added or
 * title, filtered by category, folder and title; what VIS-9/VIS-14 hide from this account never
 * leaves the database (the scope comes from the policy). Keyset pages of `DOCUMENTS_PAGE`.
 */
export async function listDocuments(db: Db, actor: Actor, profileId: string, filters: DocumentFilters, now: Date) {
  await ensureMayOnProfile(db, actor, 'profile.medical.read', profileId, 'document.list', now);
  const role = actor.kind === 'PATIENT' ? patientRole(actor, profileId) : null;
  const scope = patientDocumentScope(role ?? 'AIDANT');
  const byTitle = filters.sort === 'title';
  // The cursor carries the key as text (microseconds kept); comparisons use the indexed expressions.
  const key = byTitle ? sql`lower(d.title)` : sql`to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  const cursor = decode(filters.after);
  // Folder names come from `listFolders`, which the page reads anyway: no join here.
  let query = db.selectFrom('documents as d')
    .select(['d.id', 'd.title', 'd.category', 'd.document_date', 'd.created_at', 'd.mime_type', 'd.size_bytes', 'd.author_type',
      'd.author_label', 'd.masque_ps', 'd.pinned', 'd.folder_id', 'd.invisible_representants_legaux'])
    .select(sql<string>`${key}`.as('sort_key'))
    .where('d.profile_id', '=', profileId).where('d.status', '=', 'ACTIVE');
  if (scope.hideInvisiblePatient) query = query.where('d.invisible_patient', '=', false);
  if (scope.hideInvisibleRepresentatives) query = query.where('d.invisible_representants_legaux', '=', false);
  if (filters.category) query = query.where('d.category', '=', filters.category);
  if (filters.folderId) query = query.where('d.folder_id', '=', filters.folderId);
  if (filters.q?.trim()) query = query.where(sql<boolean>`d.title ilike ${`%${filters.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (cursor) {
    // Pinned first, then the key (ascending for titles, newest first for dates), then id.
    const keyAfter = byTitle ? sql`(lower(d.title), d.id) > (${cursor.k}, ${cursor.id}::uuid)`
      : sql`(d.created_at, d.id) < ((${cursor.k} || 'Z')::timestamptz, ${cursor.id}::uuid)`;
    query = query.where(sql<boolean>`(d.pinned < ${cursor.p} or (d.pinned = ${cursor.p} and ${keyAfter}))`);
  }
  query = query.orderBy('d.pinned', 'desc'); // indexes documents_profile and documents_profile_title
  query = byTitle ? query.orderBy(sql`lower(d.title)`, 'asc').orderBy('d.id', 'asc') : query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc');
  const rows = await query.limit(DOCUMENTS_PAGE + 1).execute();
  const page = rows.slice(0, DOCUMENTS_PAGE);
  const last = page[page.length - 1];
  return { documents: page, next: rows.length > DOCUMENTS_PAGE && last ? encode({ p: last.pinned, k: last.sort_key, id: last.id }) : undefined };
}

/** The folders of a profile (DOC-5), for the filters and the "Classer" form; the caller has passed the gate. */
export async function listFolders(db: Db, profileId: string) {
  return db.selectFrom('document_folders').select(['id', 'name']).where('profile_id', '=', profileId).orderBy('name').execute();
}
