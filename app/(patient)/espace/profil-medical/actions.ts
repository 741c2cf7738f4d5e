'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { medicalHref } from '@/components/medical-profile/links';
import { addEntry } from '@/lib/medical-profile/add-entry';
import { deleteEntry } from '@/lib/medical-profile/delete-entry';
import { editEntry } from '@/lib/medical-profile/edit-entry';
import { FORM_FIELDS } from '@/lib/medical-profile/entry-schemas';
import { MedicalEntryValidationError } from '@/lib/medical-profile/entry-rows';
import { generateSynthesis } from '@/lib/medical-profile/generate-synthesis';
import { sectionOfKind } from '@/lib/medical-profile/sections';
import { ENTRY_KINDS } from '@/lib/medical-profile/vocabulary';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';
import { DomainError } from '@/lib/errors';
import { runThenRedirect, text } from '../form-redirect';
import { withProfile } from '../selected-profile';

const target = z.object({ profileId: z.uuid(), kind: z.enum(ENTRY_KINDS), entryId: z.uuid().optional() });

/** PRF-1..5: adds an entry, or edits one (`entryId`); every field error comes back to the form at once. */
export async function saveEntryAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const parsed = target.safeParse({ profileId: text(form, 'profileId'), kind: text(form, 'kind'), entryId: text(form, 'entryId') || undefined });
  if (!parsed.success) return errorState(form, 'Ce formulaire est incomplet : rechargez la page et recommencez.');
  const { profileId, kind, entryId } = parsed.data;
  const fields = Object.fromEntries(FORM_FIELDS[kind].map((name) => [name, text(form, name)]));
  let fieldErrors: Record<string, string> | undefined;
  const save = async () => {
    if (entryId) await editEntry(getDb(), actor, { profileId, entryId, fields }, clock.now());
    else await addEntry(getDb(), actor, { profileId, kind, fields }, clock.now());
  };
  const result = await runUseCase(form, () => save().catch((e: unknown) => {
    if (e instanceof MedicalEntryValidationError) fieldErrors = { ...e.fieldErrors };
    throw e;
  }));
  if (!result.ok) return fieldErrors ? errorState(form, undefined, fieldErrors) : result.state;
  // A fresh value each time: the page re-mounts its forms empty and says what was saved.
  redirect(medicalHref(profileId, actor.ownProfileId === profileId, sectionOfKind(kind).slug, { enregistre: Date.now().toString(36) }));
}

/** PRF-1: deletes an entry after the page's confirmation step. */
export async function deleteEntryAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profileId = text(form, 'profileId');
  const entryId = text(form, 'entryId');
  const slug = /^[a-z-]+$/.test(text(form, 'section')) ? text(form, 'section') : '';
  const own = actor.ownProfileId === profileId;
  await runThenRedirect(medicalHref(profileId, own, slug), medicalHref(profileId, own, slug, { supprime: '1' }), () =>
    deleteEntry(getDb(), actor, { profileId, entryId }, clock.now()));
}

/** PRF-6: generates the Synthèse médicale of the ticked sections and opens it in Documents. */
export async function generateSynthesisAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profileId = text(form, 'profileId');
  const own = actor.ownProfileId === profileId;
  const sections = form.getAll('rubriques').filter((v): v is string => typeof v === 'string');
  let documentId: string;
  try {
    ({ documentId } = await generateSynthesis(getDb(), actor, { profileId, sections }, clock.now()));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    redirect(medicalHref(profileId, own, 'synthese', { erreur: error.message, champ: error.field ?? '' }));
  }
  redirect(withProfile(`/espace/documents/${documentId}`, own ? undefined : profileId, { ajoute: '1' }));
}
