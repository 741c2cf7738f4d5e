import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { transition } from '@/lib/accounts/lifecycle';
import { recordTraceOnProfiles } from '@/lib/audit/record-access';
import { parisDay } from './window';

const SYSTEM = { kind: 'SYSTEM', job: 'window-close' } as const;
const BATCH = 5000;

/**
 * CMP-4, ACC-2 T3: every PENDING profile whose opposition window is over becomes CREATED, set-based,
 * in batches of a few thousand (each batch one transaction with its traces). CMP-11: a pre-existing
 * DMP known from the population import is attached. Idempotent, and it catches up: a day missed is
 * done at the next run, since "due" is any last day before today (Europe/Paris).
 */
export async function closeWindows(db: Db, now: Date, parallel = 2): Promise<{ created: number }> {
  // Partitions by the trace chain's lock bucket parity (record-access.ts buckets by hashtext % 1024):
  // two partitions never wait on each other's chain locks, so they run side by side.
  const counts = await Promise.all(Array.from({ length: parallel }, (_, k) => closePartition(db, now, parallel, k)));
  return { created: counts.reduce((a, b) => a + b, 0) };
}

async function closePartition(db: Db, now: Date, partitions: number, k: number): Promise<number> {
  const today = parisDay(now);
  const { to } = transition('PENDING', 'WINDOW_OVER', 'SYSTEM');
  // The due ids are read once, by one scan, into a cursor held on a connection; each batch then
  // locks its rows by primary key. Re-selecting "the next due rows" for every batch made a
  // million-row run quadratic (the updated rows stay in the indexes until vacuum).
  return db.connection().execute(async (reader) => {
    const cursor = sql.id(`window_close_due_${k}`);
    await sql`declare ${cursor} no scroll cursor with hold for
      select id from profiles where state = 'PENDING' and opposition_deadline < ${today}::date
        and abs(hashtext(id::text)) % ${partitions} = ${k}`.execute(reader);
    let created = 0;
    try {
      for (;;) {
        const next = await sql<{ id: string }>`fetch ${sql.raw(String(BATCH))} from ${cursor}`.execute(reader);
        if (next.rows.length === 0) return created;
        // On the cursor's own connection (the cursor outlives each commit): one connection per
        // partition, so even a pool of one cannot deadlock.
        created += await reader.transaction().execute(async (trx) => {
          // Still due and not being activated right now: a row locked elsewhere is due at the next run.
          const done = await sql<{ id: string }>`
            with due as (
              select p.id, ip.has_dmp from profiles p left join insured_people ip on ip.nir = p.nir
              where p.id = any(${next.rows.map((r) => r.id)}::uuid[]) and p.state = 'PENDING'
                and p.opposition_deadline < ${today}::date
              for update of p skip locked)
            update profiles p set state = ${to}, previous_state = 'PENDING', state_changed_at = ${now},
              legacy_dmp_attached_at = case when due.has_dmp then ${now}::timestamptz end
            from due where p.id = due.id returning p.id`.execute(trx);
          const ids = done.rows.map((r) => r.id);
          await recordTraceOnProfiles(trx, { actor: SYSTEM, action: 'profile.window-close', at: now, channel: 'WORKER' }, ids);
          return ids.length;
        });
      }
    } finally {
      await sql`close ${cursor}`.execute(reader);
    }
  });
}
