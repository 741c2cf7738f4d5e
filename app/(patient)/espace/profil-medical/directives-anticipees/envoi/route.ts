import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { config } from '@/lib/config';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/file-rules';
import { DomainError } from '@/lib/errors';
import { replaceDirectives } from '@/lib/medical-profile/replace-directives';
import { readSmallUploads } from '@/lib/storage/uploads';

const to = (path: string) => Response.redirect(new URL(path, config().APP_URL), 303);
const PAGE = '/espace/profil-medical/directives-anticipees';

/**
 * PRF-4 upload: a plain multipart post (works without JavaScript), read while streaming with the size
 * limit, then one use case; back to the page with the outcome, or the French error on its field.
 */
export async function POST(request: Request) {
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(config().APP_URL).origin) return new Response('Origine refusée', { status: 403 });
  const current = await currentActor();
  if (!current) return to('/connexion');
  if (current.audience !== 'patient' || current.actor.kind !== 'PATIENT') return to('/acces-refuse?espace=patient');
  const actor = current.actor;
  let profileId = actor.ownProfileId ?? '';
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...(profileId !== actor.ownProfileId && { profil: profileId }), ...extra })}`;
  try {
    const upload = await readSmallUploads(request, { field: 'fichier', maxFileBytes: MAX_DOCUMENT_BYTES, maxFiles: 1 });
    profileId = /^[0-9a-f-]{36}$/i.test(upload.fields.profil ?? '') ? upload.fields.profil! : profileId;
    const file = upload.files[0];
    const { replaced } = await replaceDirectives(getDb(), actor, {
      profileId, file: file ? { name: file.name, bytes: file.bytes } : undefined, confirmReplace: upload.fields.confirmation === 'oui',
    }, clock.now());
    return to(`${PAGE}${query({ depose: replaced ? 'remplace' : '1' })}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return to(`${PAGE}${query({ erreur: error.message, champ: error.field ?? '' })}`);
  }
}
