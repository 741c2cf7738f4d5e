import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { parisDay } from '@/lib/campaigns/window';
import { keywordMatch, loadCalendars, type StoredCalendarItem } from './calendar-store';
import { dueItems } from './items';

export type RefreshCounts = { created: number; done: number; notSpecified: number };
type ProfileRow = { id: string; birth_date: string; sex: number };

export const REFRESH_BATCH = 1000;
const INSERT_CHUNK = 5000;

/**
 * AGD-6 for a set of profiles, idempotent: (1) the items whose window has opened are created TO_PLAN
 * (existing ones untouched, so they keep their edition); (2) TO_PLAN or NOT_SPECIFIED items with a matching
 * reimbursed care episode, or a VACCINATION entry of the profil médical, dated in the window become DONE
 * (a user's DONE/NOT_DONE is never overridden); (3) TO_PLAN items whose window has closed become NOT_SPECIFIED.
 */
export async function refreshProfiles(db: Db, profiles: ProfileRow[], calendars: StoredCalendarItem[], today: string, now: Date): Promise<RefreshCounts> {
  if (profiles.length === 0) return { created: 0, done: 0, notSpecified: 0 };
  const rows = profiles.flatMap((p) => dueItems({ birthDate: p.birth_date, sex: p.sex }, calendars, today).map((d) => ({
    profile_id: p.id, calendar_item_id: (d.item as StoredCalendarItem).id, occurrence: d.occurrence,
    window_start: d.windowStart, window_end: d.windowEnd, set_by_account: null, created_at: now, updated_at: now,
  })));
  let created = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = await db.insertInto('prevention_items').values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['profile_id', 'calendar_item_id', 'occurrence']).doNothing()).returning('id').execute();
    created += inserted.length;
  }
  const ids = profiles.map((p) => p.id);
  const reimbursed = await sql`
    update prevention_items pi set status = 'DONE', status_source = 'REIMBURSEMENT', updated_at = ${now}
      from prevention_calendar_items c
     where c.id = pi.calendar_item_id and pi.profile_id = any(${ids}::uuid[]) and pi.status in ('TO_PLAN', 'NOT_SPECIFIED')
       and c.match_category is not null
       and exists (select 1 from care_episodes e where e.profile_id = pi.profile_id and e.category = c.match_category
                     and e.care_date >= pi.window_start and e.care_date < pi.window_end and ${keywordMatch(sql`e.label`)})`.execute(db);
  const vaccinated = await sql`
    update prevention_items pi set status = 'DONE', status_source = 'VACCINATION', updated_at = ${now}
      from prevention_calendar_items c
     where c.id = pi.calendar_item_id and pi.profile_id = any(${ids}::uuid[]) and pi.status in ('TO_PLAN', 'NOT_SPECIFIED')
       and c.programme = 'VACCINATION' and cardinality(c.match_keywords) > 0
       and exists (select 1 from medical_entries m where m.profile_id = pi.profile_id and m.kind = 'VACCINATION'
                     and m.payload->>'date' >= pi.window_start::text and m.payload->>'date' < pi.window_end::text
                     and ${keywordMatch(sql`m.payload->>'vaccine'`)})`.execute(db);
  const closed = await db.updateTable('prevention_items').set({ status: 'NOT_SPECIFIED', status_source: 'WINDOW', updated_at: now })
    .where('profile_id', 'in', ids).where('status', '=', 'TO_PLAN').where('window_end', '<=', today).executeTakeFirst();
  return { created, done: Number(reimbursed.numAffectedRows ?? 0) + Number(vaccinated.numAffectedRows ?? 0), notSpecified: Number(closed.numUpdatedRows) };
}

/** AGD-6 on demand: one profile, when its agenda is opened (a few hundred rows at most). */
export async function refreshProfileItems(db: Db, profileId: string, now: Date): Promise<RefreshCounts> {
  const profile = await db.selectFrom('profiles').select(['id', 'birth_date', 'sex']).where('id', '=', profileId).executeTakeFirst();
  if (!profile) return { created: 0, done: 0, notSpecified: 0 };
  return refreshProfiles(db, [profile], await loadCalendars(db), parisDay(now), now);
}

/**
 * AGD-6 daily job: every ACTIVE profile, in batches by id (keyset), each batch a few set-based statements.
 * Idempotent: a second run the same day creates and changes nothing.
 */
export async function refreshPreventionItems(db: Db, now: Date): Promise<RefreshCounts & { profiles: number }> {
  const calendars = await loadCalendars(db);
  const today = parisDay(now);
  const total = { created: 0, done: 0, notSpecified: 0, profiles: 0 };
  let after: string | null = null;
  for (;;) {
    let q = db.selectFrom('profiles').select(['id', 'birth_date', 'sex']).where('state', '=', 'ACTIVE').orderBy('id').limit(REFRESH_BATCH);
    if (after) q = q.where('id', '>', after);
    const batch = await q.execute();
    if (batch.length === 0) break;
    const counts = await refreshProfiles(db, batch, calendars, today, now);
    total.created += counts.created; total.done += counts.done; total.notSpecified += counts.notSpecified; total.profiles += batch.length;
    after = batch[batch.length - 1]!.id;
  }
  return total;
}
