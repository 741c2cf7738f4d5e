import { sql, type RawBuilder } from 'kysely';
import type { Db } from '@/db/client';
import { parisDay } from './window';

/** What a campaign targets: départements, and/or children registered at birth since a date (CMP-1). */
export type Target = { departements: string[]; birthsSince: string | null };

/**
 * CMP-1, CMP-2, ID-12: the eligible people of a target, in SQL.
 * - eligible: in the insured population, no profile in any state (OPPOSED and PURGED included), not
 *   already a recipient of another campaign (CMP-9 across campaigns);
 * - a minor's notice goes to the parent principal (CMP-2): their email, else a letter to their address;
 * - ASE minors (no attached adult, REP-7) are not notified: their profile is created by BO-5.
 */
function eligible(target: Target, now: Date): RawBuilder<unknown> {
  const adultsBornBefore = `${Number(parisDay(now).slice(0, 4)) - 18}${parisDay(now).slice(4)}`;
  const byDepartement = target.departements.length > 0 ? sql`ip.departement = any(${target.departements}::text[])` : sql`false`;
  const byBirth = target.birthsSince ? sql`(ip.parent_nir is not null and ip.birth_date >= ${target.birthsSince}::date)` : sql`false`;
  return sql`
    from insured_people ip
    left join insured_people parent on parent.nir = ip.parent_nir and ip.birth_date > ${adultsBornBefore}::date
    where (${byDepartement} or ${byBirth})
      and not (ip.ase and ip.birth_date > ${adultsBornBefore}::date)
      and not exists (select 1 from profiles p where p.nir = ip.nir)
      and ip.profile_purged_at is null -- ACC-5: a purged profile is never re-created by a campaign
      and not exists (select 1 from campaign_recipients r where r.nir = ip.nir and r.status <> 'CANCELLED')
      and not exists (select 1 from opening_failures f where f.nir = ip.nir and f.resolved_at is null)`;
}

/** CMP-10: the same birth name, first names and birth date under another NIR: a duplicate identity. */
const DUPLICATE = sql`exists (select 1 from insured_people o where o.birth_date = ip.birth_date
  and o.birth_name = ip.birth_name and o.first_names = ip.first_names and o.nir <> ip.nir)`;

/** Columns of a recipient row: who is written to, and how (CMP-2, CMP-3). */
const RECIPIENT_COLUMNS = sql`
  ip.nir,
  case when parent.nir is not null then 'CHILD' else 'ADULT' end,
  ip.departement,
  case when parent.nir is not null then parent.email else ip.email end,
  case when coalesce(case when parent.nir is not null then parent.email else ip.email end, '') = '' then 'LETTER' else 'EMAIL' end,
  case when coalesce(case when parent.nir is not null then parent.email else ip.email end, '') = '' then 'LETTER_QUEUED' else 'QUEUED' end`;

export async function countEligible(db: Db, target: Target, now: Date): Promise<{ total: number; letters: number; children: number; duplicates: number }> {
  const { rows } = await sql<{ total: string; letters: string; children: string; duplicates: string }>`
    select count(*) filter (where not ${DUPLICATE}) as total,
      count(*) filter (where not ${DUPLICATE} and coalesce(case when parent.nir is not null then parent.email else ip.email end, '') = '') as letters,
      count(*) filter (where not ${DUPLICATE} and parent.nir is not null) as children,
      count(*) filter (where ${DUPLICATE}) as duplicates
    ${eligible(target, now)}`.execute(db);
  const r = rows[0];
  return { total: Number(r?.total ?? 0), letters: Number(r?.letters ?? 0), children: Number(r?.children ?? 0), duplicates: Number(r?.duplicates ?? 0) };
}

/**
 * Adds the target's eligible people to the campaign, in one statement. Serialized by an advisory lock
 * so two campaigns started together never both pick the same person. Returns how many were added.
 */
export async function selectRecipients(trx: Db, campaignId: string, target: Target, now: Date): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext('campaign-selection'))`.execute(trx);
  // CMP-10: duplicate identities are not opened; they go to the back-office queue (BO-4), told at once.
  // One statement for the failures and their emails (outbox rows), however many there are.
  await sql`
    with f as (
      insert into opening_failures (nir, campaign_id, reason, created_at)
      select ip.nir, ${campaignId}::uuid, 'DUPLICATE_IDENTITY', ${now}
      ${eligible(target, now)} and ${DUPLICATE}
      on conflict do nothing returning nir)
    insert into outbox (kind, payload)
    select 'email', json_build_object('template', 'opening-failed', 'to', lower(coalesce(parent.email, ip.email)),
      'data', json_build_object('firstName', split_part(ip.first_names, ' ', 1)))
    from f join insured_people ip on ip.nir = f.nir left join insured_people parent on parent.nir = ip.parent_nir
    where coalesce(parent.email, ip.email) is not null`.execute(trx);
  const result = await sql`
    insert into campaign_recipients (campaign_id, nir, kind, departement, to_email, channel, status)
    select ${campaignId}::uuid, ${RECIPIENT_COLUMNS}
    ${eligible(target, now)} and not ${DUPLICATE}
    on conflict (campaign_id, nir) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
