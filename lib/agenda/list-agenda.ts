import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { parisDay } from '@/lib/campaigns/window';
import { REMINDER_COLUMNS, appointmentsQuery, toAppointment, toReminder, type AgendaItem } from './agenda-rows';

export const AGENDA_PAGE_SIZE = 20;

export type AgendaPage = {
  profile: { id: string; firstName: string; own: boolean };
  items: AgendaItem[];
  /** Keyset cursor of the next page, or null at the end. */
  next: string | null;
};

type Key = { at: Date; id: string };
const encode = (k: Key) => `${k.at.toISOString()}_${k.id}`;
function decode(cursor: string | undefined): Key | null {
  const m = cursor ? /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/i.exec(cursor) : null;
  return m ? { at: new Date(m[1]!), id: m[2]! } : null;
}

/**
 * AGD-1, AGD-4: one page of a profile's agenda. `upcoming`: appointments from now and reminders from
 * today (Paris), soonest first; `past`: the others, latest first. Appointments and reminders are one
 * timeline (a reminder sits at the start of its day), paged by keyset on (instant, id) so the page
 * costs the same however long the history. Read under 'profile.medical.read' (AID-4: an aidant reads).
 */
export async function listAgenda(db: Db, actor: Actor, input: { profileId: string; when: 'upcoming' | 'past'; after?: string; limit?: number },
  now: Date): Promise<AgendaPage> {
  const p = await ensureOnProfile(db, actor, 'profile.medical.read', input.profileId, 'agenda.read', now);
  if (actor.kind !== 'PATIENT') await recordAccess(db, { actor, action: 'agenda.read', profileId: p.id, at: now });
  const limit = input.limit ?? AGENDA_PAGE_SIZE;
  const upcoming = input.when === 'upcoming';
  const today = parisDay(now);
  const after = decode(input.after);
  const { rows } = await sql<{ kind: 'APPOINTMENT' | 'REMINDER'; id: string; at: Date }>`
    select kind, id, at from (
      select 'APPOINTMENT' as kind, id, starts_at as at from appointments
       where profile_id = ${p.id} and ${upcoming ? sql`starts_at >= ${now}` : sql`starts_at < ${now}`}
      union all
      select 'REMINDER', id, (due_on::timestamp at time zone 'Europe/Paris') from reminders
       where profile_id = ${p.id} and ${upcoming ? sql`due_on >= ${today}::date` : sql`due_on < ${today}::date`}
    ) x
    where ${after ? (upcoming ? sql`(at, id) > (${after.at}, ${after.id}::uuid)` : sql`(at, id) < (${after.at}, ${after.id}::uuid)`) : sql`true`}
    order by ${upcoming ? sql`at, id` : sql`at desc, id desc`}
    limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const ids = (kind: string) => page.filter((r) => r.kind === kind).map((r) => r.id);
  const [appointments, reminders] = await Promise.all([
    ids('APPOINTMENT').length ? appointmentsQuery(db).where('a.id', 'in', ids('APPOINTMENT')).execute() : [],
    ids('REMINDER').length ? db.selectFrom('reminders').select(REMINDER_COLUMNS).where('id', 'in', ids('REMINDER')).execute() : [],
  ]);
  const byId = new Map<string, AgendaItem>([...appointments.map((a) => [a.id, toAppointment(a)] as const), ...reminders.map((r) => [r.id, toReminder(r)] as const)]);
  const last = page[page.length - 1];
  return {
    profile: { id: p.id, firstName: p.firstName, own: actor.kind === 'PATIENT' && actor.ownProfileId === p.id },
    items: page.flatMap((r) => byId.get(r.id) ?? []),
    next: rows.length > limit && last ? encode({ at: new Date(last.at), id: last.id }) : null,
  };
}

/** AGD-1: one appointment of the profile, for its edit form. */
export async function findAppointment(db: Db, actor: Actor, input: { profileId: string; appointmentId: string }, now: Date) {
  const p = await ensureOnProfile(db, actor, 'profile.medical.read', input.profileId, 'agenda.read', now);
  const row = await appointmentsQuery(db).where('a.id', '=', input.appointmentId).where('a.profile_id', '=', p.id).executeTakeFirst();
  return row ? toAppointment(row) : undefined;
}
