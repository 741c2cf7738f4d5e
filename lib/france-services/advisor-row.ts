import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { isUuid } from './advisor-rules';

/** One advisor account, locked for the change at hand; only ADVISOR rows (never CNAM staff) are managed here. */
export async function lockAdvisor(trx: Transaction<DB> | Kysely<DB>, id: string) {
  if (!isUuid(id)) throw new NotFoundError('Conseiller');
  const row = await trx.selectFrom('staff_users').selectAll().where('id', '=', id).where('kind', '=', 'ADVISOR').forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('Conseiller');
  return row;
}
