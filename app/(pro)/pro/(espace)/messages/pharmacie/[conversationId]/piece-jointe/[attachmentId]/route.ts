import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError, NotFoundError } from '@/lib/errors';
import { openPharmacyAttachment } from '@/lib/messaging/pharmacy-attachment';

/** MSG-3(b), MSG-10: a pharmacist downloads an attachment of a conversation of their pharmacy; traced by the use case. */
export async function GET(_request: Request, { params }: { params: Promise<{ conversationId: string; attachmentId: string }> }) {
  const current = await currentActor();
  if (!current) return new Response('Connexion requise', { status: 401 });
  if (current.actor.kind !== 'PROFESSIONAL') return new Response('Pièce jointe introuvable', { status: 404 });
  const { conversationId, attachmentId } = await params;
  try {
    const file = await openPharmacyAttachment(getDb(), current.actor, { conversationId, attachmentId }, clock.now(), 'PRO');
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        'content-type': file.mime, 'content-length': String(file.size), 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('Pièce jointe introuvable', { status: 404 });
    if (error instanceof DomainError) return new Response(error.message, { status: 403 });
    throw error;
  }
}
