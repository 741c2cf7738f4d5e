import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { CATEGORIES, isCategory } from './categories';
import { ensureDocument } from './document-gate';

/** DOC-5: rename and re-categorise a document the patient side added (others are refused by the policy). */
export async function editDocument(db: Db, actor: Actor, input: { documentId: string; title: string; category: string }, now: Date) {
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (!title) throw new ValidationError('document.title-missing', 'Donnez un titre au document.', 'titre');
  if (title.length > 200) throw new ValidationError('document.title-long', 'Le titre ne doit pas dépasser 200 caractères.', 'titre');
  if (!isCategory(input.category) || !CATEGORIES[input.category].pickable) {
    throw new ValidationError('document.category', 'Choisissez une catégorie dans la liste.', 'categorie');
  }
  // The gate runs outside the transaction: a refusal's trace must survive the refusal.
  const { row } = await ensureDocument(db, actor, 'document.edit', input.documentId, 'document.edit', now);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('documents').set({ title, category: input.category, updated_at: now }).where('id', '=', row.id).execute();
    await recordAccess(trx, { actor, action: 'document.edit', profileId: row.profile_id, target: { type: 'document', id: row.id }, at: now });
  });
}

/** DOC-5: pin a document, or file it in one of the profile's folders (null: out of any folder). */
export async function organizeDocument(db: Db, actor: Actor, input: { documentId: string; pinned?: boolean; folderId?: string | null }, now: Date) {
  const { row } = await ensureDocument(db, actor, 'document.organize', input.documentId, 'document.organize', now);
  await db.transaction().execute(async (trx) => {
    if (input.folderId) {
      const folder = await trx.selectFrom('document_folders').select('id')
        .where('id', '=', input.folderId).where('profile_id', '=', row.profile_id).executeTakeFirst();
      if (!folder) throw new NotFoundError('Dossier');
    }
    await trx.updateTable('documents').set({
      ...(input.pinned !== undefined && { pinned: input.pinned }),
      ...(input.folderId !== undefined && { folder_id: input.folderId }),
      updated_at: now,
    }).where('id', '=', row.id).execute();
    await recordAccess(trx, { actor, action: 'document.organize', profileId: row.profile_id, target: { type: 'document', id: row.id }, at: now });
  });
}

/**
 * VIS-2, VIS-4: mask or unmask one document for professionals ("Modifier la confidentialité"); an
 * individual mask is recorded as such, so turning mask-all off later keeps it.
 */
export async function setDocumentMask(db: Db, actor: Actor, input: { documentId: string; masked: boolean }, now: Date) {
  const { row } = await ensureDocument(db, actor, 'document.mask', input.documentId, 'document.mask', now);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('documents')
      .set({ masque_ps: input.masked, mask_origin: input.masked ? 'INDIVIDUAL' : null, updated_at: now })
      .where('id', '=', row.id).execute();
    await recordAccess(trx, { actor, action: input.masked ? 'document.mask' : 'document.unmask', profileId: row.profile_id,
      target: { type: 'document', id: row.id }, at: now });
  });
}
