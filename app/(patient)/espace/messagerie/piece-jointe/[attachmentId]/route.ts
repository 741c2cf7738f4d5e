import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { openAttachment } from '@/lib/messaging/attachment-file';

/** MSG-10: download one attachment of a message the patient side can see (`?profil=` names the profile). */
export async function GET(request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const actor = await requireAudience('patient');
  const { attachmentId } = await params;
  const profileId = new URL(request.url).searchParams.get('profil') ?? actor.ownProfileId ?? '';
  try {
    const file = await openAttachment(getDb(), actor, { profileId, attachmentId }, clock.now());
    return new Response(Readable.toWeb(file.stream) as ReadableStream, { headers: {
      'content-type': file.mime, 'content-length': String(file.size), 'cache-control': 'private, no-store',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    } });
  } catch (error) {
    if (error instanceof DomainError) return new Response('Pièce jointe introuvable.', { status: 404 });
    throw error;
  }
}
