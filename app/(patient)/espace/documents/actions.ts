'use server';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { editDocument, organizeDocument, setDocumentMask } from '@/lib/documents/change-document';
import { deleteDocuments } from '@/lib/documents/delete-documents';
import { createFolder, deleteFolder } from '@/lib/documents/folders';
import { runThenRedirect, text } from '../form-redirect';
import { withProfile } from '../selected-profile';

/** DOC-5: rename / re-categorise. */
export async function editDocumentAction(form: FormData) {
  const actor = await requireAudience('patient');
  const id = text(form, 'documentId');
  const page = withProfile(`/espace/documents/${id}`, text(form, 'profil') || undefined);
  await runThenRedirect(page, withProfile(page, undefined, { modifie: '1' }), () =>
    editDocument(getDb(), actor, { documentId: id, title: text(form, 'titre'), category: text(form, 'categorie') }, clock.now()));
}

/** DOC-5: pin / unpin, file in a folder. */
export async function organizeDocumentAction(form: FormData) {
  const actor = await requireAudience('patient');
  const id = text(form, 'documentId');
  const page = withProfile(`/espace/documents/${id}`, text(form, 'profil') || undefined);
  const pinned = form.has('epingle') ? text(form, 'epingle') === 'oui' : undefined;
  const folderId = form.has('dossier') ? (text(form, 'dossier') || null) : undefined;
  await runThenRedirect(page, withProfile(page, undefined, { classe: '1' }), () =>
    organizeDocument(getDb(), actor, { documentId: id, pinned, folderId }, clock.now()));
}

/** VIS-2: "Modifier la confidentialité" of one document. */
export async function maskDocumentAction(form: FormData) {
  const actor = await requireAudience('patient');
  const id = text(form, 'documentId');
  const masked = text(form, 'masque') === 'oui';
  const page = withProfile(`/espace/documents/${id}`, text(form, 'profil') || undefined);
  await runThenRedirect(page, withProfile(page, undefined, { confidentialite: masked ? 'masque' : 'visible' }), () =>
    setDocumentMask(getDb(), actor, { documentId: id, masked }, clock.now()));
}

/** DOC-7: delete one to ten documents (the list's checkboxes, or the confirmation on a document's page). */
export async function deleteDocumentsAction(form: FormData) {
  const actor = await requireAudience('patient');
  const ids = form.getAll('documents').filter((v): v is string => typeof v === 'string');
  const profil = text(form, 'profil') || undefined;
  const back = text(form, 'retour') === 'document' && ids[0] ? `/espace/documents/${ids[0]}` : '/espace/documents';
  await runThenRedirect(withProfile(back, profil), withProfile('/espace/documents', profil, { supprimes: String(ids.length) }), () =>
    deleteDocuments(getDb(), actor, ids, clock.now()));
}

/** DOC-5: folders. */
export async function createFolderAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil');
  const list = withProfile('/espace/documents', profil || undefined);
  await runThenRedirect(list, withProfile('/espace/documents', profil || undefined, { dossier_cree: '1' }), () =>
    createFolder(getDb(), actor, { profileId: profil || actor.ownProfileId || '', name: text(form, 'nom') }, clock.now()));
}

export async function deleteFolderAction(form: FormData) {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil');
  const list = withProfile('/espace/documents', profil || undefined);
  await runThenRedirect(list, list, () => deleteFolder(getDb(), actor, { profileId: profil || actor.ownProfileId || '', folderId: text(form, 'dossier') }, clock.now()));
}
