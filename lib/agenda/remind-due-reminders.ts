import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { notify } from '@/lib/notifications/notify';

const BATCH = 500;

/**
 * AGD-5: the daily job (08:00 Europe/Paris, and once at worker start). Every reminder whose instant has
 * come (`remind_at` ≤ now) and that was not sent yet is claimed, notified and marked in ONE transaction,
 * a batch at a time: a batch is one UPDATE … RETURNING over the partial index of pending reminders
 * (`skip locked`: two workers never take the same row), then `notify` per claimed reminder (NOT-1: the
 * email honours the NOTIF_APPOINTMENT switch; the email names no title, it may be medical). A second run
 * sends nothing; a run after days of downtime sends each missed reminder once.
 */
export async function remindDueReminders(db: Db, now: Date): Promise<{ reminded: number }> {
  let reminded = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string; profile_id: string }>`
        update reminders set reminded_at = ${now}
         where id in (select id from reminders where reminded_at is null and remind_at <= ${now}
                       order by remind_at, id limit ${BATCH} for update skip locked)
        returning id, profile_id`.execute(trx);
      for (const r of rows) await notify(trx, { profileId: r.profile_id, kind: 'NOTIF_APPOINTMENT', at: now });
      return rows.length;
    });
    reminded += claimed;
    if (claimed < BATCH) break;
  }
  return { reminded };
}
