import type { Db } from '@/db/client';
import type { CalendarItemStatus, PreventionProgramme } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { PROGRAMMES } from './edition-draft';

/** BO-7, PRV-1: the calendars as staff read them — editions with their dates, and the items of one. */
export type CalendarRow = {
  id: string; code: string; label: string; edition: string; validFrom: string; validTo: string | null;
  sex: 1 | 2 | null; bornFrom: string | null; bornBefore: string | null;
  minMonths: number; minDays: number; maxMonths: number; maxDays: number; everyMonths: number | null;
  status: CalendarItemStatus; note: string | null;
};
export type EditionState = 'IN_FORCE' | 'UPCOMING' | 'ENDED';
export type EditionSummary = {
  edition: string; validFrom: string; validTo: string | null; items: number; state: EditionState;
  /** Set for an edition published in the back-office. */
  publication: { note: string; by: string; at: Date } | null;
};

const inForceOn = (r: { validFrom: string; validTo: string | null }, day: string) => r.validFrom <= day && (r.validTo === null || day < r.validTo);

export async function calendarRows(db: Db, programme: PreventionProgramme): Promise<CalendarRow[]> {
  const rows = await db.selectFrom('prevention_calendar_items').selectAll().where('programme', '=', programme)
    .orderBy('min_months').orderBy('min_days').orderBy('code').execute();
  return rows.map((r) => ({
    id: r.id, code: r.code, label: r.label, edition: r.edition, validFrom: r.valid_from, validTo: r.valid_to,
    sex: r.target_sex === 1 || r.target_sex === 2 ? r.target_sex : null, bornFrom: r.born_from, bornBefore: r.born_before,
    minMonths: r.min_months, minDays: r.min_days, maxMonths: r.max_months, maxDays: r.max_days, everyMonths: r.recurrence_months,
    status: r.status, note: r.note,
  }));
}

/** PRV-1: the rows in force on `day` (an edition's items apply to windows opening from its valid_from to its valid_to). */
export const rowsInForce = <R extends Dated>(rows: readonly R[], day: string) => rows.filter((r) => inForceOn(r, day));

type Dated = Pick<CalendarRow, 'edition' | 'validFrom' | 'validTo'>;

function summarise(rows: readonly Dated[], today: string, publications: Map<string, EditionSummary['publication']>): EditionSummary[] {
  const byEdition = new Map<string, Dated[]>();
  for (const r of rows) byEdition.set(r.edition, [...(byEdition.get(r.edition) ?? []), r]);
  return [...byEdition.entries()].map(([edition, rs]) => {
    const validFrom = rs.map((r) => r.validFrom).sort()[0]!;
    const validTo = rs.some((r) => r.validTo === null) ? null : rs.map((r) => r.validTo!).sort().at(-1)!;
    const state: EditionState = rs.some((r) => inForceOn(r, today)) ? 'IN_FORCE' : validFrom > today ? 'UPCOMING' : 'ENDED';
    return { edition, validFrom, validTo, items: rs.length, state, publication: publications.get(edition) ?? null };
  }).sort((a, b) => b.validFrom.localeCompare(a.validFrom) || b.edition.localeCompare(a.edition));
}

/** BO-7: every calendar with its editions (staff). */
export async function listCalendars(db: Db, actor: Actor, now: Date) {
  await ensureStaff(db, actor, 'reference.read', 'reference.calendar.read', now);
  const today = parisIsoDay(now);
  const rows = await db.selectFrom('prevention_calendar_items')
    .select(['programme', 'edition', 'valid_from as validFrom', 'valid_to as validTo']).execute();
  return PROGRAMMES.map((programme) => {
    const own = rows.filter((r) => r.programme === programme);
    return { programme, editions: summarise(own, today, new Map()), itemsInForce: rowsInForce(own, today).length };
  });
}

/** BO-7: one calendar — its editions (who published them), and the items of `edition` (default: those in force today). */
export async function readCalendar(db: Db, actor: Actor, programme: PreventionProgramme, now: Date, edition?: string) {
  await ensureStaff(db, actor, 'reference.read', 'reference.calendar.read', now);
  const today = parisIsoDay(now);
  const [rows, pubs] = await Promise.all([
    calendarRows(db, programme),
    db.selectFrom('prevention_calendar_publications as p').innerJoin('staff_users as s', 's.id', 'p.created_by')
      .select(['p.edition', 'p.note', 's.display_name', 'p.created_at']).where('p.programme', '=', programme).execute(),
  ]);
  const publications = new Map(pubs.map((p) => [p.edition, { note: p.note, by: p.display_name, at: p.created_at }]));
  const editions = summarise(rows, today, publications);
  const shown = edition && editions.some((e) => e.edition === edition) ? edition : undefined;
  return { programme, today, editions, edition: shown, items: shown ? rows.filter((r) => r.edition === shown) : rowsInForce(rows, today) };
}
