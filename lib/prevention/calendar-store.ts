import { type RawBuilder, sql } from 'kysely';
import type { Db } from '@/db/client';
import { allCalendars, type CalendarItem } from './calendars';

export type StoredCalendarItem = CalendarItem & { id: string };

/**
 * PRV-1: seeds every calendar edition (lib/prevention/calendars) once; an edition already stored is never
 * changed (on conflict on (code, edition) nothing happens), so the call is idempotent.
 */
export async function ensurePreventionCalendars(db: Db, options: { menCohortStart?: string } = {}): Promise<number> {
  const rows = allCalendars(options).map((c) => ({
    programme: c.programme, code: c.code, label: c.label, edition: c.edition, valid_from: c.validFrom, valid_to: c.validTo,
    target_sex: c.sex, born_from: c.bornFrom, born_before: c.bornBefore, min_months: c.min.months, min_days: c.min.days ?? 0,
    max_months: c.max.months, max_days: c.max.days ?? 0, recurrence_months: c.everyMonths, status: c.status, note: c.note,
    match_category: c.match?.category ?? null, match_keywords: c.match?.keywords ?? [], source: c.source,
  }));
  const inserted = await db.insertInto('prevention_calendar_items').values(rows)
    .onConflict((oc) => oc.columns(['code', 'edition']).doNothing()).returning('id').execute();
  return inserted.length;
}

/** The stored calendars (every edition), as the pure rules take them. */
export async function loadCalendars(db: Db): Promise<StoredCalendarItem[]> {
  const rows = await db.selectFrom('prevention_calendar_items').selectAll().orderBy('code').orderBy('edition').execute();
  return rows.map((r) => ({
    id: r.id, programme: r.programme, code: r.code, label: r.label, edition: r.edition, validFrom: r.valid_from, validTo: r.valid_to,
    sex: r.target_sex === 1 || r.target_sex === 2 ? r.target_sex : null, bornFrom: r.born_from, bornBefore: r.born_before,
    min: { months: r.min_months, days: r.min_days }, max: { months: r.max_months, days: r.max_days }, everyMonths: r.recurrence_months,
    status: r.status, note: r.note, source: r.source,
    match: r.match_category ? { category: r.match_category as NonNullable<CalendarItem['match']>['category'], keywords: r.match_keywords } : null,
  }));
}

/** SQL: the text `column` holds one of the calendar row `c`'s keywords (case-insensitive). */
export const keywordMatch = (column: RawBuilder<unknown>) =>
  sql<boolean>`exists (select 1 from unnest(c.match_keywords) k where lower(${column}) like '%' || lower(k) || '%')`;
