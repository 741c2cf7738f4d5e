import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { letterBatchFile } from '@/lib/campaigns/post-letters';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';

const UUID = /^[0-9a-f-]{36}$/;
const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/** CMP-3: the print file of a letter batch, streamed as an attachment; each download is traced by the use case. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; batchId: string }> }) {
  const actor = await requireAudience('staff');
  const { id, batchId } = await params;
  if (!UUID.test(id) || !UUID.test(batchId)) return text('Lot de courriers introuvable.', 404);
  try {
    const file = await letterBatchFile(getDb(), actor, id, batchId, clock.now());
    const { size } = await stat(file.path);
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, {
      headers: {
        'content-type': 'application/pdf', 'content-length': String(size), 'cache-control': 'no-store',
        'content-disposition': `attachment; filename="${file.filename}"`,
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return text(e.message, 404);
    if (e instanceof ValidationError) return text(e.message, 410);
    if (e instanceof AccessDeniedError) return text('Accès refusé.', 403);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return text('Le fichier de ce lot est introuvable.', 404);
    throw e;
  }
}
