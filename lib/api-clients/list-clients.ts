import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { NotFoundError } from '@/lib/errors';
import { isUuid } from './client-rules';

export type ApiClientSummary = {
  id: string; name: string; editor: string; clientId: string;
  facility: { finess: string; name: string } | null;
  status: 'ACTIVE' | 'REVOKED'; createdAt: Date; revokedAt: Date | null;
};

const columns = ['id', 'name', 'editor', 'client_id', 'facility_id', 'facility_name', 'status', 'created_at', 'revoked_at'] as const;
type Row = { id: string; name: string; editor: string; client_id: string; facility_id: string | null; facility_name: string | null;
  status: 'ACTIVE' | 'REVOKED'; created_at: Date; revoked_at: Date | null };

const summary = (r: Row): ApiClientSummary => ({
  id: r.id, name: r.name, editor: r.editor, clientId: r.client_id,
  facility: r.facility_id && r.facility_name ? { finess: r.facility_id, name: r.facility_name } : null,
  status: r.status, createdAt: r.created_at, revokedAt: r.revoked_at,
});

/** Every registered software (a few dozen at most, so not paginated): active first, then by name. Staff only. */
export async function listApiClients(db: Db, actor: Actor, now: Date): Promise<ApiClientSummary[]> {
  await ensureStaff(db, actor, 'api-client.manage', 'api-client.list', now);
  const rows = await db.selectFrom('api_clients').select(columns).orderBy('status').orderBy('name').execute();
  return rows.map(summary);
}

/** One software, for the revocation's confirmation page. Staff only. */
export async function getApiClient(db: Db, actor: Actor, id: string, now: Date): Promise<ApiClientSummary> {
  await ensureStaff(db, actor, 'api-client.manage', 'api-client.read', now);
  const row = isUuid(id) ? await db.selectFrom('api_clients').select(columns).where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw new NotFoundError('Logiciel');
  return summary(row);
}
