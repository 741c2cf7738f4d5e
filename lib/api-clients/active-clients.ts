import type { Db } from '@/db/client';

/** A registered software as the API sees it; `facility` set for a facility's software (PRO-2). */
export type ApiClient = {
  id: string; name: string; editor: string; clientId: string;
  facility: { finess: string; name: string } | null;
};

type ClientRow = { id: string; name: string; editor: string; client_id: string; facility_id: string | null; facility_name: string | null };
export const CLIENT_COLUMNS = ['id', 'name', 'editor', 'client_id', 'facility_id', 'facility_name', 'status'] as const;

export function toApiClient(row: ClientRow): ApiClient {
  return {
    id: row.id, name: row.name, editor: row.editor, clientId: row.client_id,
    facility: row.facility_id && row.facility_name ? { finess: row.facility_id, name: row.facility_name } : null,
  };
}

/**
 * Whether a software may still call, read at most every 5 seconds per process: verifying a token then
 * costs no database round trip, and a revocation stops its tokens everywhere within 5 s (at once in the
 * process that revoked, which forgets its entry). Unknown and revoked ids are remembered as null.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const known = new Map<string, { client: ApiClient | null; until: number }>();

export async function findActiveClient(db: Db, id: string): Promise<ApiClient | null> {
  const hit = known.get(id);
  const t = performance.now();
  if (hit && t < hit.until) return hit.client;
  const row = await db.selectFrom('api_clients').select(CLIENT_COLUMNS)
    .where('id', '=', id).executeTakeFirst();
  const client = row && row.status === 'ACTIVE' ? toApiClient(row) : null;
  if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value!);
  known.set(id, { client, until: t + TTL_MS });
  return client;
}

/** Called after a revocation commits, so this process refuses the software's tokens at once. */
export function forgetClient(id: string): void {
  known.delete(id);
}
