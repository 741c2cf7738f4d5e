import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '@/db/client';
import type { VisitActionKind } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { parisDay } from '@/lib/campaigns/window';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { isUuid } from './advisor-rules';
import { ACTION_LABELS } from './visits/rules';

/**
 * FS-2, FS-3: a France Services site's activity over a period, for the back-office — visits and how they
 * ended, people helped, actions by kind, per advisor. Aggregates only: never a helped person's name or NIR.
 */

/** Paris calendar days, both included: "YYYY-MM-DD". */
export type ActivityPeriod = { from: string; to: string };
export type PeriodError = { field: 'du' | 'au'; message: string };

export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/** The UTC midnight of a valid "YYYY-MM-DD", or undefined (31/02, 2026-13-01, free text). */
function dayValue(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return y >= 2000 && back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : undefined;
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The current month, Paris time: its first and last days. */
export function currentMonth(now: Date): ActivityPeriod {
  const [y, m] = parisDay(now).split('-').map(Number) as [number, number];
  return { from: iso(Date.UTC(y, m - 1, 1)), to: iso(Date.UTC(y, m, 0)) };
}

/** The period typed in the form (`du`, `au`), or the current month when both are empty; errors in French, per field. */
export function parsePeriod(params: { du?: string; au?: string }, now: Date): { period: ActivityPeriod; errors: PeriodError[] } {
  const du = (params.du ?? '').trim();
  const au = (params.au ?? '').trim();
  if (!du && !au) return { period: currentMonth(now), errors: [] };
  const errors: PeriodError[] = [];
  const from = dayValue(du);
  const to = dayValue(au);
  if (!du) errors.push({ field: 'du', message: 'Saisissez la date de début de la période.' });
  else if (from === undefined) errors.push({ field: 'du', message: 'Saisissez une date de début valide, au format jj/mm/aaaa.' });
  if (!au) errors.push({ field: 'au', message: 'Saisissez la date de fin de la période.' });
  else if (to === undefined) errors.push({ field: 'au', message: 'Saisissez une date de fin valide, au format jj/mm/aaaa.' });
  if (from !== undefined && to !== undefined) {
    if (to < from) errors.push({ field: 'au', message: 'La date de fin doit être le même jour ou après la date de début.' });
    else if ((to - from) / DAY_MS + 1 > MAX_PERIOD_DAYS) {
      errors.push({ field: 'au', message: `La période ne peut pas dépasser ${MAX_PERIOD_DAYS} jours : choisissez une date de fin plus proche.` });
    }
  }
  return errors.length > 0 ? { period: currentMonth(now), errors } : { period: { from: du, to: au }, errors };
}

export type SiteActivity = {
  period: ActivityPeriod;
  visits: { total: number; ended: number; expired: number; ongoing: number };
  peopleHelped: number;
  actions: { kind: VisitActionKind; label: string; count: number }[];
  advisors: { advisorId: string; name: string; visits: number; peopleHelped: number; actions: number }[];
};

/** Visits started within the period, Paris days both included (uses the (site_id, started_at) index). */
function startedIn(period: ActivityPeriod): Expression<SqlBool> {
  return sql<SqlBool>`v.started_at >= (${period.from}::date::timestamp at time zone 'Europe/Paris')
    and v.started_at < ((${period.to}::date + 1)::timestamp at time zone 'Europe/Paris')`;
}

/**
 * FS-2, FS-3: one site's activity over a period (visits counted by their start). A visit left open past its
 * 60 minutes counts as EXPIRED, as it is closed when next seen. Staff only ('advisor.read').
 */
export async function siteActivity(db: Db, actor: Actor, input: { siteId: string; period: ActivityPeriod }, now: Date): Promise<SiteActivity> {
  await ensureStaff(db, actor, 'advisor.read', 'france-services-site.activity', now);
  const { period } = input;
  const checked = parsePeriod({ du: period.from, au: period.to }, now);
  if (checked.errors.length > 0) throw new ValidationError('site.activity-period', checked.errors[0]!.message, checked.errors[0]!.field);
  const site = isUuid(input.siteId)
    ? await db.selectFrom('france_services_sites').select('id').where('id', '=', input.siteId).executeTakeFirst() : undefined;
  if (!site) throw new NotFoundError('Espace France Services');

  const visits = db.selectFrom('assisted_visits as v').where('v.site_id', '=', site.id).where(startedIn(period));
  const [totals, byKind, byAdvisor] = await Promise.all([
    visits.select([
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where v.end_reason = 'ENDED')`.as('ended'),
      sql<string>`count(*) filter (where v.end_reason = 'EXPIRED' or (v.ended_at is null and v.expires_at <= ${now}))`.as('expired'),
      sql<string>`count(*) filter (where v.ended_at is null and v.expires_at > ${now})`.as('ongoing'),
      sql<string>`count(distinct v.profile_id)`.as('people'),
    ]).executeTakeFirstOrThrow(),
    visits.innerJoin('assisted_visit_actions as a', 'a.visit_id', 'v.id')
      .select(['a.kind', sql<string>`count(*)`.as('n')]).groupBy('a.kind').execute(),
    visits.innerJoin('staff_users as s', 's.id', 'v.advisor_id').leftJoin('assisted_visit_actions as a', 'a.visit_id', 'v.id')
      .select(['v.advisor_id', 's.display_name', sql<string>`count(distinct v.id)`.as('visits'),
        sql<string>`count(distinct v.profile_id)`.as('people'), sql<string>`count(a.id)`.as('actions')])
      .groupBy(['v.advisor_id', 's.display_name']).orderBy(sql`lower(s.display_name)`).orderBy('v.advisor_id').execute(),
  ]);
  const counts = new Map(byKind.map((r) => [r.kind, Number(r.n)]));
  return {
    period,
    visits: { total: Number(totals.total), ended: Number(totals.ended), expired: Number(totals.expired), ongoing: Number(totals.ongoing) },
    peopleHelped: Number(totals.people),
    actions: (Object.keys(ACTION_LABELS) as VisitActionKind[]).map((kind) => ({ kind, label: ACTION_LABELS[kind], count: counts.get(kind) ?? 0 })),
    advisors: byAdvisor.map((r) => ({ advisorId: r.advisor_id, name: r.display_name, visits: Number(r.visits), peopleHelped: Number(r.people), actions: Number(r.actions) })),
  };
}
