import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { parisDay } from '@/lib/campaigns/window';
import { NotFoundError } from '@/lib/errors';

/** The four channels of PRV-9 as counted per day: in-app messages delivered, emails and pushes sent, messages read. */
export const DAILY_KEYS = ['delivered', 'emails', 'pushes', 'read'] as const;
export type DailyKey = (typeof DAILY_KEYS)[number];

/** One Europe/Paris day: what happened that day (`day`) and the totals at its end (`total`). */
export type PreventionDay = { day: string; daily: Record<DailyKey, number>; total: Record<DailyKey, number> };

/** Queued (one per recipient account, or per device), then sent, given up, or not sent on purpose. */
export type ChannelTotals = { queued: number; sent: number; failed: number; skipped: number };

/**
 * A campaign's delivery figures (PRV-9), from the run's counters on the campaign row (kept in the same
 * transaction as the rows they count) and, for `read`, from the messages opened in « Prévention ».
 * `targeted` is fixed at launch (null before).
 */
export type PreventionTotals = { targeted: number | null; delivered: number; read: number; emails: ChannelTotals; pushes: ChannelTotals };
export type PreventionStatistics = { totals: PreventionTotals; series: PreventionDay[] };

async function counters(db: Db, campaignId: string): Promise<Omit<PreventionTotals, 'read'>> {
  const c = await db.selectFrom('prevention_campaigns')
    .select(['targeted', 'delivered', 'emails', 'emails_sent', 'emails_failed', 'emails_skipped', 'pushes', 'pushes_sent', 'pushes_failed', 'pushes_skipped'])
    .where('id', '=', campaignId).executeTakeFirst();
  if (!c) throw new NotFoundError('Campagne de prévention');
  return {
    targeted: c.targeted, delivered: c.delivered,
    emails: { queued: c.emails, sent: c.emails_sent, failed: c.emails_failed, skipped: c.emails_skipped },
    pushes: { queued: c.pushes, sent: c.pushes_sent, failed: c.pushes_failed, skipped: c.pushes_skipped },
  };
}

type Row = { day: string } & Record<DailyKey | `${DailyKey}_total`, number>;

/**
 * BO, PRV-9: how far a prevention campaign reached on each channel and how much was read, in total and per
 * Paris day from the first message to today (a year at most shown). Each table is read for this campaign
 * only through its (campaign_id, …) unique index; days without anything are filled with zeros.
 */
export async function preventionCampaignStatistics(db: Db, actor: Actor, campaignId: string, now: Date): Promise<PreventionStatistics> {
  await ensureStaff(db, actor, 'prevention.manage', 'prevention.campaign.statistics', now);
  const totals = await counters(db, campaignId);
  const today = parisDay(now);
  const paris = (column: string) => sql`(${sql.ref(column)} at time zone 'Europe/Paris')::date`;
  const { rows } = await sql<Row>`
    with ev as (
      select ${paris('created_at')} as day, 'delivered' as k from prevention_messages where campaign_id = ${campaignId}::uuid
      union all select ${paris('read_at')}, 'read' from prevention_messages where campaign_id = ${campaignId}::uuid and read_at is not null
      union all select ${paris('sent_at')}, 'emails' from prevention_emails where campaign_id = ${campaignId}::uuid and status = 'SENT'
      union all select ${paris('sent_at')}, 'pushes' from prevention_pushes where campaign_id = ${campaignId}::uuid and status = 'SENT'),
    per_day as (
      select day, count(*) filter (where k = 'delivered') as delivered, count(*) filter (where k = 'emails') as emails,
        count(*) filter (where k = 'pushes') as pushes, count(*) filter (where k = 'read') as read
      from ev group by day),
    days as (
      select generate_series(min(day), greatest(max(day), ${today}::date), interval '1 day')::date as day from per_day having count(*) > 0),
    filled as (
      select days.day, coalesce(p.delivered, 0) as delivered, coalesce(p.emails, 0) as emails, coalesce(p.pushes, 0) as pushes, coalesce(p.read, 0) as read
      from days left join per_day p on p.day = days.day)
    select to_char(day, 'YYYY-MM-DD') as day,
      delivered::int, emails::int, pushes::int, read::int,
      (sum(delivered) over w)::int as delivered_total, (sum(emails) over w)::int as emails_total,
      (sum(pushes) over w)::int as pushes_total, (sum(read) over w)::int as read_total
    from filled window w as (order by day)
    order by day`.execute(db);
  const series = rows.filter((r) => r.day > shiftDay(today, -366)).map((r) => ({
    day: r.day,
    daily: { delivered: r.delivered, emails: r.emails, pushes: r.pushes, read: r.read },
    total: { delivered: r.delivered_total, emails: r.emails_total, pushes: r.pushes_total, read: r.read_total },
  }));
  return { totals: { ...totals, read: series.at(-1)?.total.read ?? 0 }, series };
}

/** "YYYY-MM-DD" moved by n days. */
function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
