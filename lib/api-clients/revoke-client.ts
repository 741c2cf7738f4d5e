import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { DomainError, NotFoundError } from '@/lib/errors';
import { forgetClient } from './active-clients';
import { isUuid } from './client-rules';

export class ClientAlreadyRevokedError extends DomainError {
  constructor() {
    super('api-client.already-revoked', 'Ce logiciel est déjà révoqué.');
  }
}

/**
 * An agent revokes a software: it gets no new token, and the tokens it holds stop working at once in this
 * process and within 5 s in the others (lib/api-clients/active-clients.ts). Revocation is final: the row
 * stays, for the traces; a new registration gives new credentials. Traced as SUPPORT (AUD-1).
 */
export async function revokeApiClient(db: Db, actor: Actor, input: { id: string }, now: Date): Promise<{ name: string }> {
  await ensureStaff(db, actor, 'api-client.manage', 'api-client.revoke', now);
  if (!isUuid(input.id)) throw new NotFoundError('Logiciel');
  const name = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_clients').select(['id', 'name', 'status']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError('Logiciel');
    if (row.status === 'REVOKED') throw new ClientAlreadyRevokedError();
    await trx.updateTable('api_clients').set({ status: 'REVOKED', revoked_at: now }).where('id', '=', row.id).execute();
    await recordAccess(trx, { actor, action: 'api-client.revoke', profileId: null, target: { type: 'api_client', id: row.id }, at: now, channel: 'BACKOFFICE' });
    return row.name;
  });
  forgetClient(input.id);
  return { name };
}
