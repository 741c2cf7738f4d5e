import type { Db } from '@/db/client';
import { runMaskAll } from '@/lib/confidentiality/mask-all';
import { runDataExport } from '@/lib/export/build-export';

export const DOCUMENTS_QUEUE = 'documents';
export type DocumentsJob = { outboxId: string };

/**
 * Work on a profile's documents: a mask-all run (VIS-3..5) or a data export (CLO-12). Idempotent:
 * both re-read their run's state and do nothing for a finished one.
 */
export async function processDocumentsJob(db: Db, job: DocumentsJob, now = new Date()): Promise<string> {
  const row = await db.selectFrom('outbox').select(['kind', 'payload', 'status']).where('id', '=', job.outboxId).executeTakeFirst();
  if (!row || row.status === 'DONE') return 'skipped';
  let result: string;
  if (row.kind === 'data-export') {
    result = await runDataExport(db, (row.payload as { exportId: string }).exportId, now);
  } else {
    const run = await runMaskAll(db, (row.payload as { runId: string }).runId, now);
    result = run ? `changed ${run.changed}, failed ${run.failed}` : 'nothing to do';
  }
  await db.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: new Date(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', job.outboxId).execute();
  return result;
}
