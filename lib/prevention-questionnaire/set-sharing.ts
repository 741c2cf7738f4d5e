import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { setDocumentMask } from '@/lib/documents/change-document';
import { NotFoundError } from '@/lib/errors';
import { versionChain } from './questionnaire-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PRV-10, VIS-2: the holder shares the questionnaire with professionals again, or stops sharing it
 * (« Ne pas partager ce questionnaire avec les professionnels de santé »), for every version (DOC-11),
 * through the document mask use case (policy: never an aidant; each change traced).
 */
export async function setQuestionnaireSharing(db: Db, actor: Actor, input: { profileId: string; documentId: string; hidden: boolean }, now: Date): Promise<void> {
  const row = UUID.test(input.documentId) && UUID.test(input.profileId)
    ? await db.selectFrom('prevention_questionnaires').select('document_id').where('profile_id', '=', input.profileId)
      .where('document_id', '=', input.documentId).executeTakeFirst()
    : undefined;
  if (!row) throw new NotFoundError('Questionnaire');
  await setMasks(db, actor, await versionChain(db, row.document_id), input.hidden, now);
}

/** DOC-11: older versions take the mask of the current one. */
export async function alignSharing(db: Db, actor: Actor, currentId: string, olderIds: readonly string[], now: Date): Promise<void> {
  const current = await db.selectFrom('documents').select('masque_ps').where('id', '=', currentId).executeTakeFirstOrThrow();
  await setMasks(db, actor, olderIds, current.masque_ps, now);
}

async function setMasks(db: Db, actor: Actor, ids: readonly string[], hidden: boolean, now: Date): Promise<void> {
  if (ids.length === 0) return;
  const docs = await db.selectFrom('documents').select(['id', 'masque_ps']).where('id', 'in', [...ids]).where('status', '!=', 'DELETED').execute();
  for (const doc of docs) {
    if (doc.masque_ps !== hidden) await setDocumentMask(db, actor, { documentId: doc.id, masked: hidden }, now);
  }
}
