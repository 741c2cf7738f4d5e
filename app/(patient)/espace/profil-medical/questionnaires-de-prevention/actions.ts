'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';
import { medicalHref } from '@/components/medical-profile/links';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { deleteQuestionnaire } from '@/lib/prevention-questionnaire/delete-questionnaire';
import { QuestionnaireValidationError } from '@/lib/prevention-questionnaire/questionnaire-rows';
import { HIDE_FIELD, SECTIONS } from '@/lib/prevention-questionnaire/questions';
import { saveQuestionnaire } from '@/lib/prevention-questionnaire/save-questionnaire';
import { setQuestionnaireSharing } from '@/lib/prevention-questionnaire/set-sharing';
import { runThenRedirect, text } from '../../form-redirect';

const SLUG = 'questionnaires-de-prevention';
const QUESTION_IDS = SECTIONS.flatMap((s) => s.questions.map((q) => q.id));

/** PRV-10: saves (or saves again) the « Mon bilan prévention » answers; every error comes back to its question. */
export async function saveQuestionnaireAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const profileId = text(form, 'profileId');
  if (!/^[0-9a-f-]{36}$/i.test(profileId)) return errorState(form, 'Ce formulaire est incomplet : rechargez la page et recommencez.');
  const answers = Object.fromEntries(QUESTION_IDS.map((id) => [id, text(form, id)]));
  let fieldErrors: Record<string, string> | undefined;
  const result = await runUseCase(form, () => saveQuestionnaire(getDb(), actor, {
    profileId, answers, hideFromProfessionals: text(form, HIDE_FIELD) === 'oui',
  }, clock.now()).catch((e: unknown) => {
    if (e instanceof QuestionnaireValidationError) fieldErrors = { ...e.fieldErrors };
    throw e;
  }));
  if (!result.ok) return fieldErrors ? errorState(form, undefined, fieldErrors) : result.state;
  redirect(medicalHref(profileId, actor.ownProfileId === profileId, SLUG, { enregistre: result.value.replaced ? 'modifie' : 'nouveau' }));
}

/** PRV-10, VIS-2: shares the questionnaire with professionals again, or stops sharing it. */
export async function setSharingAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profileId = text(form, 'profileId');
  const hidden = text(form, 'masquer') === 'oui';
  const back = medicalHref(profileId, actor.ownProfileId === profileId, SLUG);
  await runThenRedirect(back, medicalHref(profileId, actor.ownProfileId === profileId, SLUG, { partage: hidden ? 'non' : 'oui' }), () =>
    setQuestionnaireSharing(getDb(), actor, { profileId, documentId: text(form, 'documentId'), hidden }, clock.now()));
}

/** PRV-10: deletes the answers after the confirmation page. */
export async function deleteQuestionnaireAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profileId = text(form, 'profileId');
  const own = actor.ownProfileId === profileId;
  await runThenRedirect(medicalHref(profileId, own, SLUG), medicalHref(profileId, own, SLUG, { supprime: '1' }), () =>
    deleteQuestionnaire(getDb(), actor, { profileId, documentId: text(form, 'documentId') }, clock.now()));
}
