import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { config } from '@/lib/config';
import { addDocument } from '@/lib/documents/add-document';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/file-rules';
import { DomainError } from '@/lib/errors';
import { readSmallUploads } from '@/lib/storage/uploads';

const to = (path: string) => Response.redirect(new URL(path, config().APP_URL), 303);

/**
 * DOC-2 upload: a plain multipart form post (works without JavaScript), read while streaming with
 * the size limit, then one use case. Success opens the new document; an error goes back to the
 * form with its French message tied to its field (the title and category typed are kept).
 */
export async function POST(request: Request) {
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(config().APP_URL).origin) return new Response('Origine refusée', { status: 403 });
  const current = await currentActor();
  if (!current) return to('/connexion');
  if (current.audience !== 'patient' || current.actor.kind !== 'PATIENT') return to('/acces-refuse?espace=patient');
  const actor = current.actor;
  let fields: Record<string, string> = {};
  try {
    const upload = await readSmallUploads(request, { field: 'fichier', maxFileBytes: MAX_DOCUMENT_BYTES, maxFiles: 10 });
    fields = upload.fields;
    const profileId = fields.profil || actor.ownProfileId || '';
    const { documentId } = await addDocument(getDb(), actor, {
      profileId, title: fields.titre ?? '', category: fields.categorie ?? '', documentDate: fields.date || null,
      files: upload.files.map((f) => ({ name: f.name, bytes: f.bytes })),
    }, clock.now());
    return to(`/espace/documents/${documentId}?ajoute=1${fields.profil ? `&profil=${fields.profil}` : ''}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const back = new URLSearchParams({ erreur: error.message, champ: error.field ?? '', titre: fields.titre ?? '',
      categorie: fields.categorie ?? '', date: fields.date ?? '', ...(fields.profil && { profil: fields.profil }) });
    return to(`/espace/documents/ajouter?${back}`);
  }
}
