import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { transition } from '@/lib/accounts/lifecycle';
import { recordAccesses } from '@/lib/audit/record-access';
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
  let created = 0;
  // Keyset cursor: the rows just updated still sit in the partial index until vacuum, and scanning past
  // them again on every batch made a million-row run quadratic. A row skipped because it was locked
  // (an activation in progress) is simply due at the next run.
  let after: { deadline: string; id: string } = { deadline: '0001-01-01', id: '00000000-0000-0000-0000-000000000000' };
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const due = await sql<{ id: string; has_dmp: boolean | null; deadline: string }>`
        select p.id, ip.has_dmp, to_char(p.opposition_deadline, 'YYYY-MM-DD') as deadline
        from profiles p left join insured_people ip on ip.nir = p.nir
        where p.state = 'PENDING' and p.opposition_deadline < ${today}::date
          and (p.opposition_deadline, p.id) > (${after.deadline}::date, ${after.id}::uuid)
          and abs(hashtext(p.id::text)) % ${partitions} = ${k}
        order by p.opposition_deadline, p.id limit ${BATCH} for update of p skip locked`.execute(trx);
      if (due.rows.length === 0) return 0;
      const lastRow = due.rows[due.rows.length - 1]!;
      after = { deadline: lastRow.deadline, id: lastRow.id };
      const ids = due.rows.map((r) => r.id);
      const withDmp = due.rows.filter((r) => r.has_dmp).map((r) => r.id);
      await sql`update profiles set state = ${to}, previous_state = 'PENDING', state_changed_at = ${now},
          legacy_dmp_attached_at = case when id = any(${withDmp}::uuid[]) then ${now}::timestamptz end
        where id = any(${ids}::uuid[])`.execute(trx);
      await recordAccesses(trx, ids.map((id) => ({ actor: SYSTEM, action: 'profile.window-close', profileId: id, at: now, channel: 'WORKER' as const })));
      return ids.length;
    });
    created += batch;
    if (batch < BATCH) return created;
  }
}
