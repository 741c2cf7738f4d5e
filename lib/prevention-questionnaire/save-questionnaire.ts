import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { storeDocument } from '@/lib/documents/store-document';
import { ValidationError } from '@/lib/errors';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { renderSynthesisPdf } from '@/lib/medical-profile/synthesis-pdf';
import { bandOn, OUT_OF_BAND_MESSAGE } from './bands';
import { feedProfile } from './profile-feed';
import { bandLabel, QUESTIONNAIRE_EDITION, QUESTIONNAIRE_TITLE } from './questions';
import { ensureQuestionnaireWriter, findQuestionnaire, QuestionnaireValidationError, TRACE, versionChain } from './questionnaire-rows';
import { alignSharing } from './set-sharing';
import { questionnaireContent } from './summary';
import { validateAnswers } from './validate-answers';

export type QuestionnaireInput = {
  profileId: string;
  /** The form's fields, as typed. */
  answers: Record<string, string | undefined>;
  /** « Ne pas partager ce questionnaire avec les professionnels de santé » (VIS-1 masque_ps). */
  hideFromProfessionals: boolean;
};

/**
 * PRV-4, PRV-10: the holder (or a legal representative) saves the « Mon bilan prévention »
 * self-questionnaire of the profile's current age band. Out of every band, or with an invalid answer,
 * nothing is written. Otherwise, in one transaction: a QUEST_SANTE PDF summing up the answers is filed,
 * patient-authored (DOC-4), traced `prevention.questionnaire.save` (`.edit` for a new version); the
 * answers feed the profil médical (profile-feed.ts); an edit files a new version that replaces the
 * current one, which becomes OBSOLETE (DOC-11). Professionals see it (PRO-9 matrix) unless the box asks
 * to mask it (VIS-1, VIS-6); older versions follow the new one's sharing.
 */
export async function saveQuestionnaire(db: Db, actor: Actor, input: QuestionnaireInput, now: Date): Promise<{ documentId: string; replaced: boolean }> {
  const profile = await ensureQuestionnaireWriter(db, actor, input.profileId, TRACE.save, now);
  const today = parisIsoDay(now);
  const band = bandOn(profile.birth_date, today);
  if (!band) {
    await recordAccess(db, { actor, action: TRACE.save, profileId: profile.id, denied: 'out-of-band', at: now });
    throw new ValidationError('prevention-questionnaire.out-of-band', OUT_OF_BAND_MESSAGE);
  }
  const checked = validateAnswers(band, input.answers);
  if (!checked.ok) throw new QuestionnaireValidationError(checked.errors);
  const answers = checked.answers;
  const existing = await findQuestionnaire(db, profile.id, band);
  const previous = existing?.active ? existing : undefined;
  const previousVersions = previous ? await versionChain(db, previous.document_id) : [];
  const person = await db.selectFrom('profiles').select(['first_names', 'birth_name']).where('id', '=', profile.id).executeTakeFirstOrThrow();
  const patient = profile.patientActor;
  const bytes = await renderSynthesisPdf(questionnaireContent(answers, {
    person: { name: `${person.first_names} ${person.birth_name}`, birthDate: profile.birth_date }, filledBy: patient.name, today, band,
  }));
  const { documentId } = await storeDocument(db, actor, {
    profileId: profile.id, title: `${QUESTIONNAIRE_TITLE} – questionnaire (${bandLabel(band)})`, category: 'QUEST_SANTE', documentDate: today,
    content: { bytes, mime: 'application/pdf' }, author: { type: 'PATIENT', id: patient.accountId, label: patient.name },
    traceAction: previous ? TRACE.edit : TRACE.save, replacesId: previous?.document_id ?? null,
    // VIS-1, VIS-4: masked from professionals from the start when the holder objects (mask-all still applies, VIS-3).
    flags: input.hideFromProfessionals ? { masquePs: true, invisiblePatient: false, invisibleRepresentatives: false } : undefined,
  }, now, async (trx) => {
    // One save at a time per profile: the current version read above must still be the current one.
    await trx.selectFrom('profiles').select('id').where('id', '=', profile.id).forUpdate().execute();
    const current = await findQuestionnaire(trx, profile.id, band);
    if ((current?.active ? current.document_id : undefined) !== previous?.document_id) {
      throw new ValidationError('prevention-questionnaire.changed', 'Ce questionnaire vient d’être enregistré depuis une autre fenêtre : rechargez la page.');
    }
  }, async (trx, newId) => {
    if (previous) {
      // DOC-11: the old version becomes OBSOLETE, reachable from the new one only.
      await trx.updateTable('documents').set({ status: 'OBSOLETE', updated_at: now }).where('id', '=', previous.document_id).where('status', '=', 'ACTIVE').execute();
    }
    const measureIds = await feedProfile(trx, actor, {
      profileId: profile.id, band, answers, documentId: newId, previousVersions, previousMeasureIds: existing?.measure_ids ?? [],
    }, now);
    await trx.insertInto('prevention_questionnaires').values({
      profile_id: profile.id, band, edition: QUESTIONNAIRE_EDITION, document_id: newId, answers: JSON.stringify(answers), measure_ids: measureIds,
      created_by_account: patient.accountId, created_at: now, updated_at: now,
    }).onConflict((oc) => oc.columns(['profile_id', 'band']).doUpdateSet({
      document_id: newId, edition: QUESTIONNAIRE_EDITION, answers: JSON.stringify(answers), measure_ids: measureIds, updated_at: now,
    })).execute();
  });
  // DOC-11: the older versions share (or not) like the new one, each change traced by the mask use case.
  if (previousVersions.length > 0) await alignSharing(db, actor, documentId, previousVersions, now);
  return { documentId, replaced: previous !== undefined };
}
