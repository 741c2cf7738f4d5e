import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DocumentDeletedError } from '@/lib/documents/document-gate';
import { openDocumentFile } from '@/lib/documents/open-document';
import { DomainError, NotFoundError } from '@/lib/errors';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'text/plain': 'txt', 'application/rtf': 'rtf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif',
};

/**
 * DOC-3: the decrypted file, inline for the in-page preview or as a download (`?telecharger=1`).
 * Traced by the use case; a document this account may not open answers 404, like an unknown one.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await currentActor();
  if (!current) return new Response('Connexion requise', { status: 401 });
  const { id } = await params;
  try {
    const file = await openDocumentFile(getDb(), current.actor, id, clock.now());
    const download = new URL(request.url).searchParams.has('telecharger');
    const name = `${file.title.replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 100) || 'document'}.${EXTENSIONS[file.mime] ?? 'bin'}`;
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        'content-type': file.mime === 'text/plain' ? 'text/plain; charset=utf-8' : file.mime,
        'content-length': String(file.size),
        'content-disposition': `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Document introuvable', { status: 404 });
    if (error instanceof DocumentDeletedError) return new Response(error.message, { status: 410 });
    if (error instanceof DomainError) return new Response(error.message, { status: 403 });
    throw error;
  }
}
