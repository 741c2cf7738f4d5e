import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { heirExportPdf } from '@/lib/closure/heirs';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';

const UUID = /^[0-9a-f-]{36}$/;
const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/** CLO-11: the export for an approved heir's request, as a PDF attachment (traced by the use case). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; requestId: string }> }) {
  const actor = await requireAudience('staff');
  const { id, requestId } = await params;
  if (!UUID.test(id) || !UUID.test(requestId)) return text('Demande introuvable.', 404);
  try {
    const { filename, pdf } = await heirExportPdf(getDb(), actor, { profileId: id, requestId }, clock.now());
    return new Response(Buffer.from(pdf), { headers: { 'content-type': 'application/pdf', 'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${filename}"` } });
  } catch (e) {
    if (e instanceof NotFoundError) return text(e.message, 404);
    if (e instanceof ValidationError) return text(e.message, 409);
    if (e instanceof AccessDeniedError) return text('Accès refusé.', 403);
    throw e;
  }
}
