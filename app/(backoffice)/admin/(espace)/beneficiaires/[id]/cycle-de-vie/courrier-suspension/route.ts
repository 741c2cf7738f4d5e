import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { renderSuspensionLetterPdf, suspensionLetter } from '@/lib/closure/suspension-letter';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/** CLO-9, BO-6: the suspension notice to print and post; each download is authorized and traced by the use case. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return text('Profil introuvable.', 404);
  try {
    const letter = await suspensionLetter(getDb(), actor, id, clock.now());
    return new Response(Buffer.from(await renderSuspensionLetterPdf(letter)), {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="suspension-${letter.reference}.pdf"`, 'cache-control': 'no-store' },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return text(e.message, 404);
    if (e instanceof ValidationError) return text(e.message, 409);
    if (e instanceof AccessDeniedError) return text('Accès refusé.', 403);
    throw e;
  }
}
