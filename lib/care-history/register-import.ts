import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';

/**
 * HIS-1: an uploaded reimbursement feed is recorded and handed to the worker through the outbox. One
 * trace per import run, on the global chain with the agent as actor (no per-episode trace).
 */
export async function registerCareHistoryImport(db: Db, actor: Actor, file: { filename: string; path: string }, now: Date): Promise<{ importId: string }> {
  const decision = authorize(actor, 'care-history.import');
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: 'care-history.import', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('care_history_imports')
      .values({ filename: file.filename.slice(0, 200), stored_path: file.path, uploaded_by: actor.staffId, error: null, started_at: null, finished_at: null })
      .returning('id').executeTakeFirstOrThrow();
    await enqueue(trx, { kind: 'care-history-import', importId: row.id });
    await recordAccess(trx, { actor, action: 'care-history.import', profileId: null, at: now, channel: 'BACKOFFICE', target: { type: 'care_history_import', id: row.id } });
    return { importId: row.id };
  });
}
