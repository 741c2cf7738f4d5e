import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError, NotFoundError } from '@/lib/errors';
import { openPatientDocumentFile } from '@/lib/professional-access/patient-documents';

/** DOC-3: the decrypted file for a professional, inline or as a download; traced by the use case. */
export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const current = await currentActor();
  if (!current) return new Response('Connexion requise', { status: 401 });
  if (current.actor.kind !== 'PROFESSIONAL') return new Response('Document introuvable', { status: 404 });
  const { documentId } = await params;
  try {
    const file = await openPatientDocumentFile(getDb(), current.actor, documentId, clock.now(), 'PRO');
    const download = new URL(request.url).searchParams.has('telecharger');
    const ext = file.mime === 'application/pdf' ? 'pdf' : 'xml';
    const name = `${file.title.replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 100) || 'document'}.${ext}`;
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        'content-type': file.mime, 'content-length': String(file.size),
        'content-disposition': `${download || ext === 'xml' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Document introuvable', { status: 404 });
    if (error instanceof DomainError) return new Response(error.message, { status: 403 });
    throw error;
  }
}
