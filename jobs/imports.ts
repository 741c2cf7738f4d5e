import type { Db } from '@/db/client';
import { parisDay } from '@/lib/campaigns/window';
import { runImport } from '@/lib/population/run-import';

export const IMPORTS_QUEUE = 'imports';
export type ImportJob = { outboxId: string };

/** Runs one population import (BO-1). Idempotent: runImport skips finished imports and restarts crashed ones. */
export async function processImport(db: Db, job: ImportJob, now = new Date()): Promise<string> {
  const row = await db.selectFrom('outbox').select(['payload', 'status']).where('id', '=', job.outboxId).executeTakeFirst();
  if (!row || row.status === 'DONE') return 'skipped';
  const { importId } = row.payload as { importId: string };
  const result = await runImport(db, importId, parisDay(now));
  await db.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: new Date(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', job.outboxId).execute();
  return result;
}
