import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { issueCode } from '@/lib/accounts/issue-code';
import { recordAccesses } from '@/lib/audit/record-access';
import { parisDay } from '@/lib/campaigns/window';
import { config } from '@/lib/config';
import { enqueue } from '@/lib/queue/outbox';
import { bornOnOrBeforeForMajority } from './rules';

const SYSTEM = { kind: 'SYSTEM', job: 'majority' } as const;
const BATCH = 500;

/**
 * REP-8: from 00:00 Europe/Paris on the 18th birthday (29 Feb → 1 Mar in non-leap years), the
 * representatives lose access and the young adult gets a code provisoire (CMP-3) to activate the SAME
 * profile: data, settings and professional access continue. Idempotent; a missed day is caught up.
 */
export async function handOverAtMajority(db: Db, now: Date): Promise<{ handedOver: number }> {
  const cutoff = bornOnOrBeforeForMajority(parisDay(now));
  let handedOver = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string; state: string; first_names: string; own_email: string | null }>`
        select p.id, p.state, p.first_names, ip.email as own_email from profiles p left join insured_people ip on ip.nir = p.nir
        where p.kind = 'CHILD' and p.birth_date <= ${cutoff}::date and p.handed_over_at is null
        order by p.birth_date limit ${BATCH} for update of p skip locked`.execute(trx);
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await trx.updateTable('representations').set({ revoked_at: now, revoked_reason: 'MAJORITY' })
        .where('profile_id', 'in', ids).where('revoked_at', 'is', null).execute();
      await trx.updateTable('representative_invitations').set({ status: 'EXPIRED' })
        .where('profile_id', 'in', ids).where('status', '=', 'PENDING').execute();
      await sql`update profiles p set kind = 'ADULT', handed_over_at = ${now}, email = ip.email
        from insured_people ip where p.id = any(${ids}::uuid[]) and ip.nir = p.nir`.execute(trx);
      // Profiles with no import row (created by an agent) keep their email on file.
      await trx.updateTable('profiles').set({ kind: 'ADULT', handed_over_at: now }).where('id', 'in', ids).where('handed_over_at', 'is', null).execute();
      for (const r of rows.filter((x) => ['PENDING', 'CREATED', 'ACTIVE'].includes(x.state))) {
        const { code, expiresAt } = await issueCode(trx, r.id, now);
        if (r.own_email) {
          await enqueue(trx, { kind: 'email', secrets: { code }, message: { template: 'majority', to: r.own_email,
            data: { firstName: r.first_names.split(' ')[0] ?? '', appUrl: config().APP_URL, codeExpiresAt: expiresAt.toISOString() } } });
        }
      }
      await recordAccesses(trx, ids.map((id) => ({ actor: SYSTEM, action: 'profile.majority', profileId: id, at: now, channel: 'WORKER' as const })));
      return rows.length;
    });
    handedOver += n;
    if (n < BATCH) return { handedOver };
  }
}
