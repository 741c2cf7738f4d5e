import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { ValidationError } from '@/lib/errors';
import { isCategory, CATEGORIES } from './categories';
import { checkDocumentFile, isPhoto } from './file-rules';
import { mergePhotosIntoPdf } from './merge-photos';
import { storeDocument } from './store-document';

export type NewDocument = {
  profileId: string;
  title: string;
  category: string;
  /** The date of the care the document is about, 'YYYY-MM-DD', optional. */
  documentDate: string | null;
  files: { name: string; bytes: Buffer }[];
};

/** Fields first (all errors at once would need a form-level list; the first is enough to fix). */
function checkFields(input: NewDocument, today: string) {
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (!title) throw new ValidationError('document.title-missing', 'Donnez un titre au document.', 'titre');
  if (title.length > 200) throw new ValidationError('document.title-long', 'Le titre ne doit pas dépasser 200 caractères.', 'titre');
  if (!isCategory(input.category) || !CATEGORIES[input.category].pickable) {
    throw new ValidationError('document.category', 'Choisissez une catégorie dans la liste.', 'categorie');
  }
  if (input.documentDate && input.documentDate > today) {
    throw new ValidationError('document.date-future', 'La date du document ne peut pas être dans le futur.', 'date');
  }
  if (input.files.length === 0) throw new ValidationError('document.no-file', 'Choisissez un fichier à ajouter.', 'fichier');
  if (input.files.length > 10) throw new ValidationError('document.too-many', 'Vous pouvez réunir 10 photos au plus.', 'fichier');
  return { title, category: input.category };
}

/**
 * DOC-2: "Ajouter un document de santé" for the holder, a representative or an aidant. The type is
 * sniffed from the content; several photos become one PDF; the file is stored encrypted (DOC-13),
 * and under mask-all the document arrives masked (VIS-3). Nothing is stored when a check fails.
 */
export async function addDocument(db: Db, actor: Actor, input: NewDocument, now: Date): Promise<{ documentId: string }> {
  const today = now.toISOString().slice(0, 10);
  const fields = checkFields(input, today);
  const profile = await ensureOnProfile(db, actor, 'document.add', input.profileId, 'document.add', now);
  if (input.documentDate && input.documentDate < profile.birth_date) {
    throw new ValidationError('document.date-before-birth', 'La date du document ne peut pas précéder la date de naissance.', 'date');
  }
  const files = await Promise.all(input.files.map((f) => checkDocumentFile(f.name, f.bytes)));
  let content: { bytes: Buffer; mime: string };
  if (files.length === 1) content = { bytes: files[0]!.bytes, mime: files[0]!.mime };
  else if (files.every(isPhoto)) content = { bytes: await mergePhotosIntoPdf(files, fields.title), mime: 'application/pdf' };
  else throw new ValidationError('document.merge-photos-only', 'Seules des photos JPEG ou PNG peuvent être réunies en un document ; ajoutez les autres fichiers un par un.', 'fichier');

  const author = actor.kind === 'PATIENT' ? { id: actor.accountId, label: actor.name } : { id: 'inconnu', label: 'Inconnu' };
  return storeDocument(db, actor, {
    profileId: input.profileId, title: fields.title, category: fields.category, documentDate: input.documentDate, content,
    author: { type: 'PATIENT', ...author }, traceAction: 'document.add',
  }, now);
}
