import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';

export const MY_PATIENTS_PAGE = 20;

/**
 * « Mes patients »: the profiles this professional is authorised on now (PRO-4, PRO-5) or reads under a
 * running emergency grant (EMG-2), latest attestation first, keyset pages. Names only, no medical data;
 * a profile that blocked them is not listed (PRO-6).
 */
export async function myPatients(db: Db, actor: ProfessionalActor, input: { after?: string }, now: Date) {
  const decision = authorize(actor, 'pro.access');
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'patients.list', profileId: null, decision, at: now, channel: 'PRO' });
    throw new AccessDeniedError(decision.reason);
  }
  const [afterAt, afterId] = (input.after ?? '').split('~');
  const after = afterAt && afterId && !Number.isNaN(Date.parse(afterAt)) && /^[0-9a-f-]{36}$/i.test(afterId) ? { at: new Date(afterAt), id: afterId } : null;
  const { rows } = await sql<{ profile_id: string; first_names: string; birth_name: string; birth_date: string; state: string;
    basis: string | null; since: Date; seen_at: Date; emergency_until: Date | null }>`
    with mine as (
      select a.profile_id, a.basis, a.granted_at as since, a.last_attested_at as seen_at, null::timestamptz as emergency_until
        from professional_authorisations a where a.professional_id = ${actor.professionalId} and a.ended_at is null
      union all
      select e.profile_id, null, e.started_at, e.started_at, e.expires_at
        from emergency_accesses e where e.professional_id = ${actor.professionalId} and e.expires_at > ${now}
    ), one as (
      select distinct on (profile_id) * from mine order by profile_id, basis nulls last, seen_at desc
    )
    select o.*, p.first_names, p.birth_name, p.birth_date, p.state from one o join profiles p on p.id = o.profile_id
    where not exists (select 1 from professional_blocks b where b.profile_id = o.profile_id and b.professional_id = ${actor.professionalId} and b.unblocked_at is null)
      ${after ? sql`and (o.seen_at, o.profile_id) < (${after.at}, ${after.id}::uuid)` : sql``}
    order by o.seen_at desc, o.profile_id desc limit ${MY_PATIENTS_PAGE + 1}`.execute(db);
  const page = rows.slice(0, MY_PATIENTS_PAGE);
  const last = page[page.length - 1];
  return {
    patients: page.map((r) => ({ profileId: r.profile_id, name: `${r.first_names} ${r.birth_name}`, birthDate: r.birth_date, state: r.state,
      basis: r.basis, since: r.since, seenAt: r.seen_at, emergencyUntil: r.emergency_until })),
    next: rows.length > MY_PATIENTS_PAGE && last ? `${last.seen_at.toISOString()}~${last.profile_id}` : undefined,
  };
}
