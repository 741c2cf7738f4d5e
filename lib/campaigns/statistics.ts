import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureCampaignReader } from './progress';
import { parisDay } from './window';

/** Cumulative counts at the end of a Europe/Paris day; rates are these over `notices`. */
export type DailyPoint = { day: string; notices: number; opposed: number; created: number; activated: number };
export type DepartementRow = { departement: string; notices: number; opposed: number; created: number; activated: number };
export type CampaignStatistics = { series: DailyPoint[]; byDepartement: DepartementRow[] };

/**
 * BO-1: opposition, creation and activation over time, for one campaign or all (`campaignId` null),
 * optionally one département. Days are Paris days from the first notice to today (at most a year shown).
 * A profile counts as created on the day after its window (CMP-4) or on its activation if earlier (T4).
 */
export async function campaignStatistics(
  db: Db, actor: Actor, filter: { campaignId: string | null; departement?: string | null }, now: Date,
): Promise<CampaignStatistics> {
  await ensureCampaignReader(db, actor, now);
  const byCampaign = filter.campaignId ? sql`r.campaign_id = ${filter.campaignId}` : sql`true`;
  const byDep = filter.departement ? sql`r.departement = ${filter.departement}` : sql`true`;
  const today = parisDay(now);
  const base = sql`
    select r.departement,
      (r.sent_at at time zone 'Europe/Paris')::date as notice_day,
      case when p.state = 'OPPOSED' then (select (max(o.received_at) at time zone 'Europe/Paris')::date
        from oppositions o where o.profile_id = p.id and o.withdrawn_at is null) end as opposed_day,
      (a.created_at at time zone 'Europe/Paris')::date as activated_day,
      case when p.state not in ('PENDING', 'OPPOSED')
        then least(p.opposition_deadline + 1, (a.created_at at time zone 'Europe/Paris')::date) end as created_day
    from campaign_recipients r
    join profiles p on p.id = r.profile_id
    left join accounts a on a.profile_id = p.id
    where ${byCampaign} and ${byDep} and r.status in ('SENT', 'LETTER_POSTED') and r.sent_at is not null`;
  const series = await sql<DailyPoint>`
    with base as (${base}),
    ev as (
      select notice_day as day, 1 as n, 0 as o, 0 as c, 0 as a from base
      union all select opposed_day, 0, 1, 0, 0 from base where opposed_day is not null
      union all select created_day, 0, 0, 1, 0 from base where created_day is not null
      union all select activated_day, 0, 0, 0, 1 from base where activated_day is not null),
    per_day as (select day, sum(n) n, sum(o) o, sum(c) c, sum(a) a from ev group by day),
    first as (select min(notice_day) as d from base),
    days as (select generate_series(greatest(first.d, ${today}::date - 365), ${today}::date, interval '1 day')::date as day
      from first where first.d is not null)
    select to_char(d.day, 'YYYY-MM-DD') as day,
      (select coalesce(sum(n), 0) from per_day where per_day.day <= d.day)::int as notices,
      (select coalesce(sum(o), 0) from per_day where per_day.day <= d.day)::int as opposed,
      (select coalesce(sum(c), 0) from per_day where per_day.day <= d.day)::int as created,
      (select coalesce(sum(a), 0) from per_day where per_day.day <= d.day)::int as activated
    from days d order by d.day`.execute(db);
  const byDepartement = await sql<DepartementRow>`
    with base as (${base})
    select departement, count(*)::int as notices, count(opposed_day)::int as opposed,
      count(created_day)::int as created, count(activated_day)::int as activated
    from base group by departement order by departement`.execute(db);
  return { series: series.rows, byDepartement: byDepartement.rows };
}
