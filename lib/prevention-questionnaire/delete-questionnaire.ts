import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ensureDocument } from '@/lib/documents/document-gate';
import { NotFoundError } from '@/lib/errors';
import { deleteEntriesLinkedToDocuments } from '@/lib/medical-profile/linked-entries';
import { deleteQuestionnaireMeasures } from './profile-feed';
import { ensureQuestionnaireWriter, TRACE, versionChain } from './questionnaire-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PRV-10: the holder deletes their answers, after the page's confirmation. In one transaction: every
 * version of the QUEST_SANTE document is deleted (logically, DOC-5; the file goes 30 days later, DOC-10),
 * the « Habitudes de vie » entries it created go with it (DOC-8), so do the measures it entered, and the
 * answers themselves. Entries the holder had before are kept. Each step traced (AUD-1).
 */
export async function deleteQuestionnaire(db: Db, actor: Actor, input: { profileId: string; documentId: string }, now: Date):
  Promise<{ entries: number }> {
  const profile = await ensureQuestionnaireWriter(db, actor, input.profileId, TRACE.delete, now);
  const row = UUID.test(input.documentId)
    ? await db.selectFrom('prevention_questionnaires').select(['id', 'document_id']).where('profile_id', '=', profile.id)
      .where('document_id', '=', input.documentId).executeTakeFirst()
    : undefined;
  if (!row) throw new NotFoundError('Questionnaire');
  // The document policy decides too (DOC-5: a patient-authored document), outside the transaction so a refusal's trace stays.
  await ensureDocument(db, actor, 'document.delete', row.document_id, TRACE.delete, now);
  const by = profile.patientActor.name;
  return db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('prevention_questionnaires').select(['id', 'measure_ids']).where('id', '=', row.id)
      .where('document_id', '=', row.document_id).forUpdate().executeTakeFirst();
    if (!locked) throw new NotFoundError('Questionnaire'); // replaced or deleted meanwhile
    const versions = await versionChain(trx, row.document_id);
    const gone = await trx.updateTable('documents').set({ status: 'DELETED', deleted_at: now, deleted_by_label: by, pinned: false, updated_at: now })
      .where('id', 'in', versions).where('status', '!=', 'DELETED').returning('id').execute();
    for (const doc of gone) {
      await recordAccess(trx, { actor, action: TRACE.delete, profileId: profile.id, target: { type: 'document', id: doc.id }, at: now });
    }
    const entries = await deleteEntriesLinkedToDocuments(trx, actor, versions, now);
    await deleteQuestionnaireMeasures(trx, actor, profile.id, locked.measure_ids, now);
    await trx.deleteFrom('prevention_questionnaires').where('id', '=', locked.id).execute();
    return { entries };
  });
}
