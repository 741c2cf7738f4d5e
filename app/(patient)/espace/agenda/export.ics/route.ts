import { getDb } from '@/db/client';
import { exportAgenda } from '@/lib/agenda/export-agenda';
import { currentActor } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { selectedProfileId } from '../../selected-profile';

/** « Exporter mon agenda (.ics) » (RFC 5545). The use case's policy refuses and traces another profile; it answers 404 here. */
export async function GET(request: Request) {
  const current = await currentActor();
  if (!current || current.actor.kind !== 'PATIENT') return new Response('Connexion requise.', { status: 401 });
  const profileId = selectedProfileId(current.actor, new URL(request.url).searchParams.get('profil') ?? undefined);
  if (!profileId) return new Response('Agenda introuvable.', { status: 404 });
  try {
    const { filename, body } = await exportAgenda(getDb(), current.actor, { profileId }, clock.now());
    return new Response(body, { headers: {
      'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
    } });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof AccessDeniedError) {
      return new Response('Agenda introuvable.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
