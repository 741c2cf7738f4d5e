import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { downloadExport, ExportExpiredError } from '@/lib/export/download-export';
import { DomainError, NotFoundError } from '@/lib/errors';

/** CLO-12: the ZIP of an export, for the account that asked for it, within 7 days (traced by the use case). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await currentActor();
  if (!current) return new Response('Connexion requise', { status: 401 });
  const { id } = await params;
  try {
    const file = await downloadExport(getDb(), current.actor, id, clock.now());
    const day = file.requestedAt.toISOString().slice(0, 10);
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        'content-type': 'application/zip', 'content-length': String(file.size),
        'content-disposition': `attachment; filename="mon-espace-sante-donnees-${day}.zip"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Export introuvable', { status: 404 });
    if (error instanceof ExportExpiredError) return new Response(error.message, { status: 410 });
    if (error instanceof DomainError) return new Response(error.message, { status: 403 });
    throw error;
  }
}
