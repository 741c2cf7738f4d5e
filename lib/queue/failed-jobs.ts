import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';

/** BO-9: outbox work that exhausted its retries, for staff to inspect and retry. */
export async function listFailedJobs(db: Db, actor: Actor, now: Date) {
  const decision = authorize(actor, 'backoffice.jobs.retry');
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'backoffice.jobs.list', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
  return db.selectFrom('outbox').select(['id', 'kind', 'attempts', 'last_error', 'created_at', 'payload'])
    .where('status', '=', 'FAILED').orderBy('id', 'desc').limit(100).execute();
}

/**
 * Puts a FAILED item back in the queue under a new generation, so its BullMQ job id is new
 * (the failed job keeps its own id for inspection) while the work itself stays idempotent.
 */
export async function retryFailedJob(db: Db, actor: Actor, outboxId: string, now: Date): Promise<void> {
  const decision = authorize(actor, 'backoffice.jobs.retry');
  const trace = { actor, action: 'backoffice.jobs.retry', profileId: null, at: now, channel: 'BACKOFFICE' as const, target: { type: 'outbox', id: outboxId } };
  if (!decision.allowed) {
    await recordAccess(db, { ...trace, decision });
    throw new AccessDeniedError(decision.reason);
  }
  const retried = await db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('outbox')
      .set((eb) => ({ status: 'PENDING', generation: eb('generation', '+', 1), last_error: null, enqueued_at: null }))
      .where('id', '=', outboxId).where('status', '=', 'FAILED').returning('id').executeTakeFirst();
    if (row) await recordAccess(trx, trace);
    return !!row;
  });
  if (!retried) {
    // Nothing to retry (already retried, sent, or unknown): the refused attempt is traced too.
    await recordAccess(db, { ...trace, denied: 'not-failed' });
    throw new NotFoundError('Tâche en échec');
  }
}
