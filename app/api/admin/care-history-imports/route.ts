import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { registerCareHistoryImport } from '@/lib/care-history/register-import';
import { clock } from '@/lib/clock';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { saveUpload } from '@/lib/storage/uploads';

const MAX_BYTES = 2_000_000_000;

/**
 * HIS-1 upload of a reimbursement feed: a plain multipart form post (works without JavaScript), streamed
 * to disk, then recorded and queued. Redirects to the import's page, or back to the form with an error.
 */
export async function POST(request: Request) {
  const back = (error: string) => Response.redirect(new URL(`/admin/remboursements?erreur=${encodeURIComponent(error)}`, config().APP_URL), 303);
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(config().APP_URL).origin) return new Response('Origine refusée', { status: 403 });
  const current = await currentActor();
  if (!current) return Response.redirect(new URL('/admin/connexion', config().APP_URL), 303);
  if (current.audience !== 'staff') return Response.redirect(new URL('/acces-refuse?espace=staff', config().APP_URL), 303);
  try {
    const file = await saveUpload(request, 'care-history-imports', { field: 'fichier', maxBytes: MAX_BYTES });
    const { importId } = await registerCareHistoryImport(getDb(), current.actor, file, clock.now());
    return Response.redirect(new URL(`/admin/remboursements/${importId}`, config().APP_URL), 303);
  } catch (error) {
    if (error instanceof DomainError) return back(error.message);
    throw error;
  }
}
