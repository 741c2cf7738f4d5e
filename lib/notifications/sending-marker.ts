import type { Db } from '@/db/client';

/** The per-recipient email queues sent through the bulk sender (account campaigns, prevention teasers). */
export type RecipientTable = 'campaign_recipients' | 'prevention_emails';

/**
 * Coalesces the "sending" marks of concurrent sends into one UPDATE (one commit for many messages).
 * A row no longer PREPARED (its lease ran out and another runner took it) is refused: no final dot.
 */
export function sendingMarker(db: Db, table: RecipientTable, now: () => Date, leaseMs: number) {
  let pending: { id: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    const batch = pending;
    pending = [];
    timer = null;
    try {
      const at = now();
      // Both tables share these columns; Kysely cannot type an update over a union of tables.
      const marked = new Set((await db.updateTable(table as 'campaign_recipients')
        .set({ status: 'SENDING', sent_at: at, lease_until: new Date(at.getTime() + leaseMs) })
        .where('id', 'in', batch.map((b) => b.id)).where('status', '=', 'PREPARED').returning('id').execute()).map((r) => r.id));
      for (const b of batch) {
        if (marked.has(b.id)) b.resolve();
        else b.reject(new Error('destinataire repris par un autre envoi'));
      }
    } catch (e) {
      batch.forEach((b) => b.reject(e as Error));
    }
  };
  return (id: string) => new Promise<void>((resolve, reject) => {
    pending.push({ id, resolve, reject });
    timer ??= setTimeout(() => void flush(), 2);
  });
}
