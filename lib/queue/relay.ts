import type { Queue } from 'bullmq';
import type { Db } from '@/db/client';
import { QUEUE_OF_KIND, jobIdOf, type OutboxItem } from './outbox';

/**
 * Moves committed PENDING outbox rows into BullMQ. The job id is the outbox id, so a relay that runs
 * twice (or crashes between `addBulk` and the update) cannot enqueue the same work twice.
 */
export async function relayOutbox(db: Db, queues: Record<string, Queue>, batch = 500, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Only the kinds whose queue this process opened: others wait for a relay that has theirs.
    const kinds = (Object.keys(QUEUE_OF_KIND) as OutboxItem['kind'][]).filter((k) => queues[QUEUE_OF_KIND[k]]);
    if (kinds.length === 0) return 0;
    const rows = await trx.selectFrom('outbox').select(['id', 'kind', 'generation'])
      .where('status', '=', 'PENDING').where('kind', 'in', kinds)
      // NOT-7 quiet hours: a held SMS stays PENDING (in the database, so a restart loses nothing) until its time.
      .where((eb) => eb.or([eb('not_before', 'is', null), eb('not_before', '<=', now)])).orderBy('id').limit(batch).forUpdate().skipLocked().execute();
    if (rows.length === 0) return 0;
    const byQueue = new Map<string, typeof rows>();
    for (const row of rows) {
      const queue = QUEUE_OF_KIND[row.kind as OutboxItem['kind']];
      if (!queue) throw new Error(`no queue for outbox kind ${row.kind}`);
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
    }
    for (const [name, items] of byQueue) {
      const queue = queues[name];
      if (!queue) throw new Error(`queue ${name} is not open`);
      await queue.addBulk(items.map((r) => ({
        name: r.kind, data: { outboxId: r.id }, opts: { jobId: jobIdOf(r.id, r.generation) },
      })));
    }
    await trx.updateTable('outbox').set({ status: 'ENQUEUED', enqueued_at: new Date() })
      .where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.length;
  });
}
