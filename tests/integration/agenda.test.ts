import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { processScheduled } from '@/jobs/schedules';
import type { PatientActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { addAppointment } from '@/lib/agenda/add-appointment';
import { addReminder } from '@/lib/agenda/add-reminder';
import { deleteReminder } from '@/lib/agenda/delete-reminder';
import { deleteAppointment, editAppointment } from '@/lib/agenda/edit-appointment';
import { exportAgenda } from '@/lib/agenda/export-agenda';
import { listAgenda } from '@/lib/agenda/list-agenda';
import { remindDueReminders } from '@/lib/agenda/remind-due-reminders';
import { TOO_MANY_REMINDERS } from '@/lib/agenda/rules';
import { AccessDeniedError } from '@/lib/errors';
import { setNotificationPreferences } from '@/lib/notifications/notification-preferences';
import { activateChild } from '@/lib/representatives/activate-child';
import { registerService } from '@/lib/services/register-service';
import { aHolder, aStaffMember, anActivePatient } from '../factories';
import { anInsuredPopulation } from '../factories/population';
import { emailsTo } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
const HOUR = 3600_000;
const now = new Date('2026-12-01T09:00:00Z'); // 10:00 in Paris
const reminder = (dueOn: string, over: Partial<{ title: string; remind: 'SAME_DAY' | 'DAY_BEFORE' }> = {}) =>
  ({ title: 'Renouveler l’ordonnance', dueOn, note: null, remind: 'DAY_BEFORE' as const, ...over });
const appointment = (over: Partial<{ title: string; startsAt: Date }> = {}) =>
  ({ title: 'Dentiste', startsAt: new Date('2026-12-10T13:30:00Z'), place: 'Cabinet, Lyon', note: null, ...over });

const traces = (profileId: string, action: string) => db.selectFrom('access_events').select(['action', 'outcome', 'reason', 'actor_id'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('at').execute();
const appointmentEmails = async (email: string) =>
  (await emailsTo(db, email, 'notification')).filter((e) => (e.payload as { data: { kind: string } }).data.kind === 'NOTIF_APPOINTMENT');
const inApp = (profileId: string) => db.selectFrom('notifications').select('created_at')
  .where('profile_id', '=', profileId).where('kind', '=', 'NOTIF_APPOINTMENT').execute();

/** A parent who activated their child's profile (REP-2): the actor then represents the child. */
async function aParentWithChild() {
  const parent = await anActivePatient(db, now);
  await db.insertInto('insured_people').values({ nir: parent.nir, vitale_serial: parent.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
    birth_date: parent.birthDate, sex: 2, birth_place: '75056', departement: '75', email: parent.email, mobile: null, postal_address: null,
    parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir: parent.nir, birthDate: '2016-04-10', firstNames: () => 'Lina' });
  const child = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina',
    birth_date: '2016-04-10', sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: now,
    notice_sent_at: now, opposition_deadline: '2027-01-12', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const { code } = await issueCode(db, child.id, now);
  const actor: PatientActor = { kind: 'PATIENT', accountId: parent.accountId, name: 'Camille TESTEUR', ownProfileId: parent.profileId, representedProfileIds: [child.id] };
  await activateChild(db, actor, { profileId: child.id, code, certified: true }, now);
  return { parent, childId: child.id, actor };
}

describe('AGD-1, AGD-2: appointments', () => {
  test('AGD-1: the holder adds, edits and deletes an appointment; each change is traced', async () => {
    const h = await aHolder(db, now);
    const { appointmentId } = await addAppointment(db, h.actor, { ...appointment(), profileId: h.profileId }, now);
    await editAppointment(db, h.actor, { ...appointment({ title: 'Dentiste (contrôle)' }), profileId: h.profileId, appointmentId }, now);
    const page = await listAgenda(db, h.actor, { profileId: h.profileId, when: 'upcoming' }, now);
    expect(page.items).toEqual([expect.objectContaining({ kind: 'APPOINTMENT', title: 'Dentiste (contrôle)', place: 'Cabinet, Lyon' })]);
    await deleteAppointment(db, h.actor, { profileId: h.profileId, appointmentId }, now);
    expect((await listAgenda(db, h.actor, { profileId: h.profileId, when: 'upcoming' }, now)).items).toEqual([]);
    expect((await traces(h.profileId, 'agenda.appointment.edit')).map((t) => t.outcome)).toEqual(['OK']);
    expect((await traces(h.profileId, 'agenda.appointment.delete')).map((t) => t.outcome)).toEqual(['OK']);
  });

  test('AGD-2: an appointment from a catalogue service is read-only, with the service named', async () => {
    const h = await aHolder(db, now);
    const name = `Agenda Médical ${randomInt(1e9)}`;
    const { serviceId } = await registerService(db, { name, description: 'Prise de rendez-vous.', clientId: `agd-${randomInt(1e9)}`,
      clientSecret: 'x'.repeat(32), status: 'EN_LIGNE', purposes: [{ code: 'MEASURES_READ', label: 'Lire', mandatory: true }] });
    const { id } = await db.insertInto('appointments').values({ profile_id: h.profileId, title: 'Kiné', starts_at: new Date('2026-12-05T09:00:00Z'),
      place: null, note: null, source: 'EDITOR_SOLUTION', service_id: serviceId, created_by_account: null, created_at: now, updated_at: now })
      .returning('id').executeTakeFirstOrThrow();
    const message = `Ce rendez-vous vient du service ${name} : modifiez-le dans ce service.`;
    await expect(editAppointment(db, h.actor, { ...appointment(), profileId: h.profileId, appointmentId: id }, now)).rejects.toMatchObject({ message });
    await expect(deleteAppointment(db, h.actor, { profileId: h.profileId, appointmentId: id }, now)).rejects.toMatchObject({ message });
    const row = await db.selectFrom('appointments').select(['title']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Kiné');
    expect(await traces(h.profileId, 'agenda.appointment.delete')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'editor-solution' })]);
  });

  test('AGD-1: another patient, a staff agent are refused and traced; nothing written', async () => {
    const h = await aHolder(db, now);
    const other = await aHolder(db, now);
    const staff = await aStaffMember(db);
    await expect(addAppointment(db, other.actor, { ...appointment(), profileId: h.profileId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(addReminder(db, staff, { ...reminder('2026-12-10'), profileId: h.profileId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(listAgenda(db, other.actor, { profileId: h.profileId, when: 'upcoming' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(exportAgenda(db, other.actor, { profileId: h.profileId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await traces(h.profileId, 'agenda.appointment.add')).toEqual([expect.objectContaining({ outcome: 'DENIED', actor_id: other.accountId })]);
    expect(await traces(h.profileId, 'agenda.reminder.add')).toEqual([expect.objectContaining({ outcome: 'DENIED' })]);
    expect(await traces(h.profileId, 'agenda.export')).toEqual([expect.objectContaining({ outcome: 'DENIED' })]);
    expect(await db.selectFrom('appointments').select('id').where('profile_id', '=', h.profileId).execute()).toEqual([]);
  });

  test('REP-5: a representative manages the child’s agenda; the child’s items stay in the child’s agenda', async () => {
    const { parent, childId, actor } = await aParentWithChild();
    await addReminder(db, actor, { ...reminder('2026-12-12', { title: 'Vaccin ROR' }), profileId: childId }, now);
    expect((await listAgenda(db, actor, { profileId: childId, when: 'upcoming' }, now)).items.map((i) => i.title)).toEqual(['Vaccin ROR']);
    expect((await listAgenda(db, actor, { profileId: parent.profileId, when: 'upcoming' }, now)).items).toEqual([]);
  });
});

describe('AGD-4: reminders', () => {
  test('AGD-4: the 11th reminder of a date is refused with a French message on the date; another date is fine', async () => {
    const h = await aHolder(db, now);
    for (let i = 0; i < 10; i++) await addReminder(db, h.actor, { ...reminder('2026-12-20', { title: `Rappel ${i}` }), profileId: h.profileId }, now);
    await expect(addReminder(db, h.actor, { ...reminder('2026-12-20'), profileId: h.profileId }, now))
      .rejects.toMatchObject({ code: 'reminder.too-many', field: 'dueOn', message: TOO_MANY_REMINDERS });
    await addReminder(db, h.actor, { ...reminder('2026-12-21'), profileId: h.profileId }, now);
    const count = await db.selectFrom('reminders').select((eb) => eb.fn.countAll<string>().as('n')).where('profile_id', '=', h.profileId)
      .where('due_on', '=', '2026-12-20').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10);
  });

  test('AGD-4: twelve reminders sent at once for one date → exactly 10 kept, 2 refused', async () => {
    const h = await aHolder(db, now);
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) =>
      addReminder(db, h.actor, { ...reminder('2026-12-22', { title: `Rappel ${i}` }), profileId: h.profileId }, now)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['reminder.too-many', 'reminder.too-many']);
  });

  test('AGD-4: deleting a reminder frees its place; a past date is refused', async () => {
    const h = await aHolder(db, now);
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push((await addReminder(db, h.actor, { ...reminder('2026-12-23'), profileId: h.profileId }, now)).reminderId);
    await deleteReminder(db, h.actor, { profileId: h.profileId, reminderId: ids[0]! }, now);
    await addReminder(db, h.actor, { ...reminder('2026-12-23'), profileId: h.profileId }, now);
    await expect(addReminder(db, h.actor, { ...reminder('2026-11-30'), profileId: h.profileId }, now)).rejects.toMatchObject({ code: 'reminder.past', field: 'dueOn' });
  });
});

describe('AGD-5: the reminder job at 08:00 Europe/Paris', () => {
  // Reminder for 2026-12-15, email the day before: due 2026-12-14 08:00 Paris = 07:00 UTC.
  const dueAt = new Date('2026-12-14T07:00:00Z');

  test('AGD-5: at 07:59 nothing; at 08:00 one email; a second run sends nothing more', async () => {
    const h = await aHolder(db, now);
    await addReminder(db, h.actor, { ...reminder('2026-12-15'), profileId: h.profileId }, now);
    await remindDueReminders(db, new Date(dueAt.getTime() - 60_000));
    expect(await appointmentEmails(h.email)).toEqual([]);
    await remindDueReminders(db, dueAt);
    await processScheduled(db, 'agenda-reminders', new Date(dueAt.getTime() + 60_000));
    expect(await appointmentEmails(h.email)).toHaveLength(1);
    expect(await inApp(h.profileId)).toEqual([{ created_at: dueAt }]);
    // The email names no title: a reminder may be medical (NOT-7).
    expect(JSON.stringify((await appointmentEmails(h.email))[0]!.payload)).not.toContain('ordonnance');
  });

  test('AGD-5: SAME_DAY goes at 08:00 on the date itself', async () => {
    const h = await aHolder(db, now);
    await addReminder(db, h.actor, { ...reminder('2026-12-16', { remind: 'SAME_DAY' }), profileId: h.profileId }, now);
    await remindDueReminders(db, new Date('2026-12-15T07:00:00Z'));
    expect(await appointmentEmails(h.email)).toEqual([]);
    await remindDueReminders(db, new Date('2026-12-16T07:00:00Z'));
    expect(await appointmentEmails(h.email)).toHaveLength(1);
  });

  test('AGD-5: after two days of downtime the missed reminders go once, at the next run', async () => {
    const h = await aHolder(db, now);
    await addReminder(db, h.actor, { ...reminder('2026-12-17', { remind: 'SAME_DAY' }), profileId: h.profileId }, now);
    await addReminder(db, h.actor, { ...reminder('2026-12-18', { remind: 'SAME_DAY' }), profileId: h.profileId }, now);
    const restart = new Date('2026-12-18T09:30:00Z'); // worker back at 10:30 Paris on the 18th
    await remindDueReminders(db, restart);
    await remindDueReminders(db, new Date(restart.getTime() + HOUR));
    expect(await appointmentEmails(h.email)).toHaveLength(2);
    expect(await db.selectFrom('reminders').select('reminded_at').where('profile_id', '=', h.profileId).execute())
      .toEqual([{ reminded_at: restart }, { reminded_at: restart }]);
  });

  test('NOT-1: with « Rendez-vous, rappels… » emails off, the in-app notification comes but no email', async () => {
    const h = await aHolder(db, now);
    await setNotificationPreferences(db, h.actor, { channel: 'EMAIL', enabled: {
      NOTIF_MESSAGE: true, NOTIF_DOCUMENT: true, NOTIF_APPOINTMENT: false, NOTIF_DEPISTAGE: true, NOTIF_SYNCHRONIZED_SERVICE: true } }, now);
    await addReminder(db, h.actor, { ...reminder('2026-12-19', { remind: 'SAME_DAY' }), profileId: h.profileId }, now);
    await remindDueReminders(db, new Date('2026-12-19T07:00:00Z'));
    expect(await inApp(h.profileId)).toHaveLength(1);
    expect(await appointmentEmails(h.email)).toEqual([]);
  });

  test('AGD-5: a reminder added after its 08:00 has passed sends nothing late', async () => {
    const h = await aHolder(db, now);
    await addReminder(db, h.actor, { ...reminder('2026-12-02'), profileId: h.profileId }, now); // due 2026-12-01 08:00, now 10:00
    await remindDueReminders(db, new Date('2026-12-02T07:00:00Z'));
    expect(await appointmentEmails(h.email)).toEqual([]);
  });
});

describe('Agenda listing and export', () => {
  test('upcoming first, past apart, past paged by keyset; the .ics holds every item', async () => {
    const h = await aHolder(db, now);
    await addAppointment(db, h.actor, { ...appointment({ title: 'Futur', startsAt: new Date('2026-12-10T10:00:00Z') }), profileId: h.profileId }, now);
    for (let d = 1; d <= 3; d++) {
      await addAppointment(db, h.actor, { ...appointment({ title: `Passé ${d}`, startsAt: new Date(now.getTime() - d * 24 * HOUR) }), profileId: h.profileId }, now);
    }
    await addReminder(db, h.actor, { ...reminder('2026-12-01'), profileId: h.profileId }, now); // today: upcoming
    const upcoming = await listAgenda(db, h.actor, { profileId: h.profileId, when: 'upcoming' }, now);
    expect(upcoming.items.map((i) => i.title)).toEqual(['Renouveler l’ordonnance', 'Futur']);
    const first = await listAgenda(db, h.actor, { profileId: h.profileId, when: 'past', limit: 2 }, now);
    expect(first.items.map((i) => i.title)).toEqual(['Passé 1', 'Passé 2']);
    const second = await listAgenda(db, h.actor, { profileId: h.profileId, when: 'past', limit: 2, after: first.next! }, now);
    expect(second.items.map((i) => i.title)).toEqual(['Passé 3']);
    expect(second.next).toBeNull();
    const { body } = await exportAgenda(db, h.actor, { profileId: h.profileId }, now);
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(body).toContain('LOCATION:Cabinet\\, Lyon\r\n');
    expect(await traces(h.profileId, 'agenda.export')).toEqual([expect.objectContaining({ outcome: 'OK' })]);
  });
});
