import type { Db } from '@/db/client';
import { runMaskAll } from '@/lib/confidentiality/mask-all';
import { runDataExport } from '@/lib/export/build-export';
import { runMeasureExtraction } from '@/lib/measures/extraction/run-extraction';

export const DOCUMENTS_QUEUE = 'documents';
export type DocumentsJob = { outboxId: string };

/**
 * Work on a profile's documents: a mask-all run (VIS-3..5), a data export (CLO-12) or the extraction
 * of measures from a filed document (MEA-4). Idempotent: each re-reads its state and does nothing twice.
 */
export async function processDocumentsJob(db: Db, job: DocumentsJob, now = new Date()): Promise<string> {
  const row = await db.selectFrom('outbox').select(['kind', 'payload', 'status']).where('id', '=', job.outboxId).executeTakeFirst();
  if (!row || row.status === 'DONE') return 'skipped';
  let result: string;
  if (row.kind === 'data-export') {
    result = await runDataExport(db, (row.payload as { exportId: string }).exportId, now);
  } else if (row.kind === 'measure-extraction') {
    result = await runMeasureExtraction(db, (row.payload as { documentId: string }).documentId, now);
  } else {
    const run = await runMaskAll(db, (row.payload as { runId: string }).runId, now);
    result = run ? `changed ${run.changed}, failed ${run.failed}` : 'nothing to do';
  }
  await db.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: new Date(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', job.outboxId).execute();
  return result;
}
