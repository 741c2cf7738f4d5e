'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { CareTeamGround } from '@/db/schema';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { frenchDateToIso } from '@/lib/identity/dates';
import { attestCareTeam, declareConsent } from '@/lib/professional-access/authorise-patient';
import { checkAccess, insQuerySchema } from '@/lib/professional-access/check-access';
import { deleteProfessionalDocument, depositDocument, depositSchema, replaceDocument, setPatientVisibility } from '@/lib/professional-access/deposit-document';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** PRO-3: « Rechercher un patient » by INS; the answer (no medical data) is handed back to the form. */
export async function checkAccessAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('pro');
  const parsed = parseForm(insQuerySchema, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => checkAccess(getDb(), actor, parsed.data, clock.now(), 'PRO'));
  if (!result.ok) return result.state;
  const r = result.value;
  return {
    status: 'success', fieldErrors: {}, values: Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))) as Record<string, string>,
    version: Date.now(),
    data: {
      profileId: r.profileId, state: r.state, available: String(r.available), authorisation: r.authorisation, kind: r.kind,
      medecinTraitant: String(r.medecinTraitant), closedAt: r.closed?.at ? DATE_TIME.format(r.closed.at) : '',
      since: r.authorisationDetail ? DATE_TIME.format(r.authorisationDetail.grantedAt) : '',
      basis: r.authorisationDetail?.basis ?? '', emergencyUntil: r.emergencyUntil ? DATE_TIME.format(r.emergencyUntil) : '',
    },
  };
}

const consentSchema = insQuerySchema.extend({ accord: z.literal('on', { error: 'Cochez « Le patient m’a autorisé à accéder à son profil » : l’autorisation n’est jamais présumée.' }) });
const careTeamSchema = insQuerySchema.extend({
  informe: z.literal('on', { error: 'Cochez « Le patient a été informé » : l’équipe de soins n’accède qu’à un patient informé.' }),
  motif: z.enum(['NAMED', 'FACILITY', 'STRUCTURE'], { error: 'Choisissez à quel titre vous faites partie de l’équipe de soins.' }),
});

/** PRO-5: consent at the consultation, after the explicit checkbox; the INS is checked again. */
export async function declareConsentAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('pro');
  const parsed = parseForm(consentSchema, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => declareConsent(getDb(), actor, { ins: parsed.data, patientAgreed: true }, clock.now(), 'PRO'));
  if (!result.ok) return result.state;
  redirect(`/pro/patients/${result.value.profileId}?autorise=1`);
}

/** PRO-4: the care-team attestation « patient informé », on a ground that must hold. */
export async function attestCareTeamAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('pro');
  const parsed = parseForm(careTeamSchema, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => attestCareTeam(getDb(), actor,
    { ins: parsed.data, ground: parsed.data.motif as CareTeamGround, patientInformed: true }, clock.now(), 'PRO'));
  if (!result.ok) return result.state;
  redirect(`/pro/patients/${result.value.profileId}?autorise=1`);
}

const bool = (form: FormData, name: string) => form.get(name) === 'on';

/** PRO-8, DOC-11..14, VIS-9/10/15: « Déposer un document » (and « Remplacer » when `remplace` is set). */
export async function depositAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('pro');
  const file = form.get('fichier');
  const rawDate = String(form.get('documentDate') ?? '').trim();
  const documentDate = rawDate ? frenchDateToIso(rawDate) : null;
  const errors: Record<string, string> = {};
  if (!(file instanceof File) || file.size === 0) errors.fichier = 'Choisissez le fichier du document (PDF ou CDA XML).';
  if (rawDate && !documentDate) errors.documentDate = 'Saisissez la date du document au format JJ/MM/AAAA.';
  if (Object.keys(errors).length || !(file instanceof File)) return errorState(form, undefined, errors);
  const profileId = String(form.get('profileId') ?? '');
  const replaces = String(form.get('remplace') ?? '');
  const input = {
    profileId, title: String(form.get('title') ?? ''), typeCode: String(form.get('typeCode') ?? ''), documentDate: documentDate ?? null,
    masquePs: bool(form, 'masquePs'), invisiblePatient: bool(form, 'invisiblePatient'), invisibleRepresentatives: bool(form, 'invisibleRepresentatives'),
    secret: bool(form, 'secret'), file: { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
  };
  const parsed = depositSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return errorState(form, undefined, fieldErrors);
  }
  const result = await runUseCase(form, () => (replaces
    ? replaceDocument(getDb(), actor, replaces, input, clock.now(), 'PRO')
    : depositDocument(getDb(), actor, input, clock.now(), 'PRO')));
  if (!result.ok) return result.state;
  redirect(`/pro/documents/${result.value.documentId}?depose=1`);
}

/** DOC-9: the author deletes its document (logical). */
export async function deleteDocumentAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('pro');
  const documentId = String(form.get('documentId') ?? '');
  const profileId = String(form.get('profileId') ?? '');
  if (form.get('confirmation') !== 'on') return errorState(form, undefined, { confirmation: 'Cochez la case pour confirmer la suppression.' });
  const result = await runUseCase(form, () => deleteProfessionalDocument(getDb(), actor, documentId, clock.now(), 'PRO'));
  if (!result.ok) return result.state;
  redirect(`/pro/patients/${profileId}/documents?supprime=1`);
}

/** VIS-9, VIS-11: hide from / show to the patient. */
export async function patientVisibilityAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('pro');
  const documentId = String(form.get('documentId') ?? '');
  const visible = form.get('visible') === '1';
  const result = await runUseCase(form, () => setPatientVisibility(getDb(), actor, documentId, visible, clock.now(), 'PRO'));
  if (!result.ok) return result.state;
  revalidatePath(`/pro/documents/${documentId}`);
  return { status: 'success', message: visible ? 'Le document est maintenant visible du patient, qui en est informé.' : 'Le document n’est plus visible du patient.',
    fieldErrors: {}, values: {}, version: Date.now() };
}
