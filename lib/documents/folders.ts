import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';

/** DOC-5: a folder to file documents in; names are unique per profile. */
export async function createFolder(db: Db, actor: Actor, input: { profileId: string; name: string }, now: Date): Promise<{ folderId: string }> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new ValidationError('folder.name-missing', 'Donnez un nom au dossier.', 'nom');
  if (name.length > 80) throw new ValidationError('folder.name-long', 'Le nom du dossier ne doit pas dépasser 80 caractères.', 'nom');
  await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'folder.create', now);
  return db.transaction().execute(async (trx) => {
    const folder = await trx.insertInto('document_folders').values({ profile_id: input.profileId, name })
      .onConflict((oc) => oc.columns(['profile_id', 'name']).doNothing()).returning('id').executeTakeFirst();
    if (!folder) throw new ValidationError('folder.exists', `Un dossier « ${name} » existe déjà.`, 'nom');
    await recordAccess(trx, { actor, action: 'folder.create', profileId: input.profileId, target: { type: 'folder', id: folder.id }, at: now });
    return { folderId: folder.id };
  });
}

/** Deleting a folder keeps its documents, out of any folder. */
export async function deleteFolder(db: Db, actor: Actor, input: { profileId: string; folderId: string }, now: Date) {
  await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'folder.delete', now);
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('document_folders').where('id', '=', input.folderId).where('profile_id', '=', input.profileId)
      .returning('id').executeTakeFirst();
    if (!gone) throw new NotFoundError('Dossier');
    await recordAccess(trx, { actor, action: 'folder.delete', profileId: input.profileId, target: { type: 'folder', id: input.folderId }, at: now });
  });
}
