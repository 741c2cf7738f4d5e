import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { checkDocumentFile } from '@/lib/documents/file-rules';
import { storeDocument } from '@/lib/documents/store-document';
import { ValidationError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { blobStore } from '@/lib/storage/blob-store';
import { frenchDate } from './describe-entry';
import { entryContext } from './entry-rows';

export type DirectivesUpload = {
  profileId: string;
  file: { name: string; bytes: Buffer } | undefined;
  /** PRF-4: ticked on the form that says the current version will not be kept. */
  confirmReplace: boolean;
};

/** The profile's current directives anticipées (PRF-4: one at most), or undefined. */
export async function currentDirectives(db: Db, profileId: string) {
  return db.selectFrom('documents').select(['id', 'title', 'created_at', 'masque_ps', 'blob_key'])
    .where('profile_id', '=', profileId).where('category', '=', 'DIR_ANT').where('status', '=', 'ACTIVE').executeTakeFirst();
}

/**
 * PRF-4: files the holder's directives anticipées, one PDF, as the profile's only DIR_ANT document.
 * When one exists, the form must have confirmed that the new file replaces it; the old one is then not
 * kept: marked deleted and its key dropped in the same transaction (the file becomes unreadable at once,
 * DOC-13), the file itself erased right after. Under mask-all the new one arrives masked (VIS-3).
 */
export async function replaceDirectives(db: Db, actor: Actor, input: DirectivesUpload, now: Date): Promise<{ documentId: string; replaced: boolean }> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'medical.directives', now);
  if (!input.file) throw new ValidationError('directives.no-file', 'Choisissez le fichier PDF de vos directives anticipées.', 'fichier');
  const file = await checkDocumentFile(input.file.name, input.file.bytes);
  if (file.mime !== 'application/pdf') {
    throw new ValidationError('directives.not-pdf', 'Les directives anticipées s’ajoutent en PDF. Enregistrez ou scannez votre document au format PDF.', 'fichier');
  }
  const before = await currentDirectives(db, profile.id);
  if (before && !input.confirmReplace) {
    throw new ValidationError('directives.confirm',
      'Cochez la case pour confirmer : vos directives anticipées actuelles seront remplacées et ne seront pas conservées.', 'confirmation');
  }
  const by = actor.kind === 'PATIENT' ? actor.name : 'Inconnu';
  const replacedBlobs: string[] = [];
  const { documentId } = await storeDocument(db, actor, {
    profileId: profile.id, title: 'Directives anticipées', category: 'DIR_ANT', documentDate: entryContext(now, profile.birth_date).today,
    content: { bytes: file.bytes, mime: file.mime }, author: { type: 'PATIENT', id: actor.kind === 'PATIENT' ? actor.accountId : 'inconnu', label: by },
    traceAction: 'medical.directives',
  }, now, async (trx) => {
    // Serialises two uploads for one profile; the unique index keeps one current version whatever happens.
    await trx.selectFrom('profiles').select('id').where('id', '=', profile.id).forUpdate().execute();
    const old = await trx.selectFrom('documents').select(['id', 'blob_key']).where('profile_id', '=', profile.id)
      .where('category', '=', 'DIR_ANT').where('status', '=', 'ACTIVE').execute();
    for (const doc of old) {
      await trx.updateTable('documents').set({ status: 'DELETED', deleted_at: now, deleted_by_label: by, pinned: false, updated_at: now,
        blob_key: null, wrapped_key: null, erased_at: now }).where('id', '=', doc.id).execute();
      await recordAccess(trx, { actor, action: 'document.delete', profileId: profile.id, target: { type: 'document', id: doc.id }, at: now });
      if (doc.blob_key) replacedBlobs.push(doc.blob_key);
    }
  });
  for (const key of replacedBlobs) {
    // Its key is gone with the row's: the file is unreadable already; a failure here leaves only ciphertext.
    await blobStore().delete(key).catch((error: unknown) => logger.warn({ err: error }, 'replaced directives file not erased'));
  }
  return { documentId, replaced: replacedBlobs.length > 0 };
}

/** « Déposées le 03/03/2026 ». */
export const directivesDate = (createdAt: Date) => frenchDate(parisIsoDay(createdAt));
