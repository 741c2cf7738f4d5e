import type { Db } from '@/db/client';
import { runMaskAll } from '@/lib/confidentiality/mask-all';

export const DOCUMENTS_QUEUE = 'documents';
export type DocumentsJob = { outboxId: string };

/** VIS-3..5: one mask-all run. Idempotent: a finished run is not run again (runMaskAll re-reads its state). */
export async function processDocumentsJob(db: Db, job: DocumentsJob, now = new Date()): Promise<string> {
  const row = await db.selectFrom('outbox').select(['payload', 'status']).where('id', '=', job.outboxId).executeTakeFirst();
  if (!row || row.status === 'DONE') return 'skipped';
  const { runId } = row.payload as { runId: string };
  const result = await runMaskAll(db, runId, now);
  await db.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: new Date(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', job.outboxId).execute();
  return result ? `changed ${result.changed}, failed ${result.failed}` : 'nothing to do';
}
