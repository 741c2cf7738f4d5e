'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { deleteConversation } from '@/lib/messaging/delete-conversation';
import { replyAsPatient } from '@/lib/messaging/reply-as-patient';
import { saveAttachmentToDocuments } from '@/lib/messaging/save-attachment';
import { startPatientConversation } from '@/lib/messaging/start-patient-conversation';
import { startPharmacyConversation } from '@/lib/messaging/start-pharmacy-conversation';
import { ValidationError } from '@/lib/errors';
import { uploadedFiles } from '@/app/_forms/fields';
import { runThenRedirect, text } from '../form-redirect';
import { withProfile } from '../selected-profile';

const PAGE = '/espace/messagerie';

async function context(form: FormData) {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil') || undefined;
  return { actor, profil, profileId: text(form, 'profileId'), conversationId: text(form, 'conversationId') };
}

/** MSG-4, MSG-5: reply in a conversation. */
export async function replyAction(form: FormData) {
  const { actor, profil, profileId, conversationId } = await context(form);
  const page = withProfile(`${PAGE}/${encodeURIComponent(conversationId)}`, profil);
  const files = await uploadedFiles(form);
  await runThenRedirect(page, withProfile(`${PAGE}/${encodeURIComponent(conversationId)}`, profil, { envoye: '1' }),
    () => replyAsPatient(getDb(), actor, { profileId, conversationId, body: text(form, 'message'), files }, clock.now()));
}

/** MSG-10: « Enregistrer dans mes documents ». */
export async function saveAttachmentAction(form: FormData) {
  const { actor, profil, profileId, conversationId } = await context(form);
  const page = withProfile(`${PAGE}/${encodeURIComponent(conversationId)}`, profil);
  await runThenRedirect(page, withProfile(`${PAGE}/${encodeURIComponent(conversationId)}`, profil, { enregistre: '1' }),
    () => saveAttachmentToDocuments(getDb(), actor, { profileId, attachmentId: text(form, 'attachmentId') }, clock.now()));
}

/** MSG-5: « Supprimer la conversation » (after the confirmation checkbox). */
export async function deleteConversationAction(form: FormData) {
  const { actor, profil, profileId, conversationId } = await context(form);
  const page = withProfile(`${PAGE}/${encodeURIComponent(conversationId)}`, profil, { supprimer: '1' });
  if (text(form, 'confirmer') !== 'oui') {
    await runThenRedirect(page, page, async () => {
      throw new ValidationError('message.confirm', 'Cochez la case pour confirmer la suppression.', 'confirmer');
    });
  }
  await runThenRedirect(page, withProfile(PAGE, profil, { supprimee: '1' }), async () => {
    await deleteConversation(getDb(), actor, { profileId, conversationId }, clock.now());
    revalidatePath('/espace', 'layout');
  });
}

/** MSG-3(a): « Nouveau message » to a contactable professional. */
export async function startConversationAction(form: FormData) {
  const { actor, profil, profileId } = await context(form);
  const files = await uploadedFiles(form);
  await runThenRedirect(withProfile(`${PAGE}/ecrire`, profil), (r: { conversationId: string }) => withProfile(`${PAGE}/${r.conversationId}`, profil, { envoye: '1' }),
    () => startPatientConversation(getDb(), actor, {
      profileId, professionalId: text(form, 'professionnel'), subject: text(form, 'sujet'), body: text(form, 'message'), files,
    }, clock.now()));
}

/** MSG-3(b): « Pharmacies déjà fréquentées » (at least one attachment: the prescription). */
export async function startPharmacyConversationAction(form: FormData) {
  const { actor, profil, profileId } = await context(form);
  const files = await uploadedFiles(form);
  await runThenRedirect(withProfile(`${PAGE}/ecrire`, profil, { formulaire: 'pharmacie' }),
    (r: { conversationId: string }) => withProfile(`${PAGE}/${r.conversationId}`, profil, { envoye: '1' }),
    () => startPharmacyConversation(getDb(), actor, {
      profileId, finess: text(form, 'pharmacie'), subject: text(form, 'sujet'), body: text(form, 'message'), files,
    }, clock.now()));
}
