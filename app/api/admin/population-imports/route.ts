import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { registerImport } from '@/lib/population/register-import';
import { saveUpload } from '@/lib/storage/uploads';

const MAX_BYTES = 2_000_000_000;

/**
 * BO-1 upload: a plain multipart form post (works without JavaScript), streamed to disk, then
 * recorded and queued. Answers with a redirect to the import's page, or back to the form with an error.
 */
export async function POST(request: Request) {
  const back = (error: string) => Response.redirect(new URL(`/admin/population?erreur=${encodeURIComponent(error)}`, config().APP_URL), 303);
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(config().APP_URL).origin) return new Response('Origine refusée', { status: 403 });
  const current = await currentActor();
  if (!current) return Response.redirect(new URL('/admin/connexion', config().APP_URL), 303);
  if (current.audience !== 'staff') return Response.redirect(new URL('/acces-refuse?espace=staff', config().APP_URL), 303);
  try {
    const file = await saveUpload(request, 'imports', { field: 'fichier', maxBytes: MAX_BYTES });
    const { importId } = await registerImport(getDb(), current.actor, file, clock.now());
    return Response.redirect(new URL(`/admin/population/${importId}`, config().APP_URL), 303);
  } catch (error) {
    if (error instanceof DomainError) return back(error.message);
    throw error;
  }
}
