import type { Db } from '@/db/client';
import { parisDay } from '@/lib/campaigns/window';
import { runCareHistoryImport } from '@/lib/care-history/run-import';
import { runImport } from '@/lib/population/run-import';

export const IMPORTS_QUEUE = 'imports';
export type ImportJob = { outboxId: string };

/**
 * Runs one import of the `imports` queue, by its outbox kind: the insured population (BO-1) or the
 * reimbursement feed of Mon histoire de santé (HIS-1, HIS-3). Idempotent: both skip finished imports
 * and restart crashed ones.
 */
export async function processImport(db: Db, job: ImportJob, now = new Date()): Promise<string> {
  const row = await db.selectFrom('outbox').select(['kind', 'payload', 'status']).where('id', '=', job.outboxId).executeTakeFirst();
  if (!row || row.status === 'DONE') return 'skipped';
  const { importId } = row.payload as { importId: string };
  const result = row.kind === 'care-history-import'
    ? await runCareHistoryImport(db, importId, parisDay(now))
    : await runImport(db, importId, parisDay(now));
  await db.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: new Date(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', job.outboxId).execute();
  return result;
}
