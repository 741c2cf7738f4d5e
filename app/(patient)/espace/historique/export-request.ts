import type { Actor } from '@/lib/access/actor';
import { parseHistoryFilters, type HistoryFilters } from '@/lib/audit/history-filters';
import { currentActor } from '@/lib/auth/session';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { selectedProfileId } from '../selected-profile';

type ExportRequest = { actor: Actor; profileId: string; filters: HistoryFilters };

/**
 * AUD-5: what a download asks for (`?profil=&onglet=&du=&au=`, as on the page), or the answer to give
 * instead. Any signed-in actor gets as far as the use case, whose policy refuses and traces (AUD-6).
 */
export async function readExportRequest(request: Request): Promise<ExportRequest | Response> {
  const current = await currentActor();
  if (!current) return new Response('Connexion requise.', { status: 401 });
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { filters, errors } = parseHistoryFilters(search);
  if (errors.length) return new Response(errors.map((e) => e.message).join('\n'), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const { actor } = current;
  const asked = typeof search.profil === 'string' && /^[0-9a-f-]{36}$/i.test(search.profil) ? search.profil : null;
  const profileId = actor.kind === 'PATIENT' ? selectedProfileId(actor, search.profil) : asked;
  if (!profileId) return new Response('Profil introuvable.', { status: 404 });
  return { actor, profileId, filters };
}

/** A refusal answers like an unknown profile (no existence leak beyond the trace the use case wrote). */
export function exportError(error: unknown): Response {
  if (error instanceof NotFoundError || error instanceof AccessDeniedError) {
    return new Response('Historique introuvable.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  throw error;
}

export const downloadHeaders = (contentType: string, filename: string) => ({
  'content-type': contentType,
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
});
