import type { Db } from '@/db/client';
import type { DocumentTarget } from '@/lib/access/document-access';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { NotFoundError } from '@/lib/errors';

/** One document with the policy's view of it and of its profile. Unknown id → NotFoundError. */
export async function findDocument(db: Db, documentId: string) {
  const row = /^[0-9a-f-]{36}$/i.test(documentId)
    ? await db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst()
    : undefined;
  if (!row) throw new NotFoundError('Document');
  const profile = await findProfileTarget(db, row.profile_id);
  const document: DocumentTarget = {
    id: row.id, profileId: row.profile_id, status: row.status, authorType: row.author_type,
    authorProfessionalId: row.author_professional_id, masquePs: row.masque_ps, invisiblePatient: row.invisible_patient,
    invisibleRepresentatives: row.invisible_representants_legaux,
  };
  return { row, profile, document };
}
