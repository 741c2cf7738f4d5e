import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { REMINDER_COLUMNS, appointmentsQuery, toAppointment, toReminder } from './agenda-rows';
import { toIcs } from './ics';

/** An export holds at most this many items of each kind (the latest ones), so a file stays small. */
const EXPORT_MAX = 5000;

/**
 * « Exporter mon agenda (.ics) »: the profile's appointments and reminders as one RFC 5545 calendar.
 * Read under 'profile.medical.read'; traced `agenda.export` (a file leaves the space), refusals too.
 */
export async function exportAgenda(db: Db, actor: Actor, input: { profileId: string }, now: Date): Promise<{ filename: string; body: string }> {
  const p = await ensureOnProfile(db, actor, 'profile.medical.read', input.profileId, 'agenda.export', now);
  const [appointments, reminders] = await Promise.all([
    appointmentsQuery(db).where('a.profile_id', '=', p.id).orderBy('a.starts_at', 'desc').orderBy('a.id', 'desc').limit(EXPORT_MAX).execute(),
    db.selectFrom('reminders').select(REMINDER_COLUMNS).where('profile_id', '=', p.id).orderBy('due_on', 'desc').orderBy('id', 'desc')
      .limit(EXPORT_MAX).execute(),
  ]);
  await recordAccess(db, { actor, action: 'agenda.export', profileId: p.id, at: now });
  const body = toIcs({ appointments: appointments.reverse().map(toAppointment), reminders: reminders.reverse().map(toReminder) }, now);
  return { filename: 'agenda.ics', body };
}
