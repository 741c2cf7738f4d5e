import { Readable } from 'node:stream';
import type { ProfessionalActor } from '@/lib/access/actor';
import { currentActor } from '@/lib/auth/session';
import { DomainError, NotFoundError } from '@/lib/errors';

type OpenedFile = { stream: Readable; mime: string; size: number; name: string };

/**
 * MSG-10: a professional downloads a message attachment; `open` is the use case (policy + trace).
 * Not signed in: 401; not a professional, or not theirs to see: 404; refused by a rule: 403 with its reason.
 */
export async function attachmentDownload(open: (actor: ProfessionalActor) => Promise<OpenedFile>): Promise<Response> {
  const current = await currentActor();
  if (!current) return new Response('Connexion requise', { status: 401 });
  if (current.actor.kind !== 'PROFESSIONAL') return new Response('Pièce jointe introuvable', { status: 404 });
  try {
    const file = await open(current.actor);
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
