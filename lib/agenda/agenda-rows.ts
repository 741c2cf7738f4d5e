import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { AppointmentSource, DB, ReminderTiming } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';

/** AGD-1, AGD-2: an appointment as pages and the export see it. */
export type Appointment = {
  kind: 'APPOINTMENT';
  id: string;
  title: string;
  startsAt: Date;
  place: string | null;
  note: string | null;
  source: AppointmentSource;
  /** AGD-2: the catalogue service an EDITOR_SOLUTION appointment comes from (read-only here). */
  serviceName: string | null;
  updatedAt: Date;
};

/** AGD-4, AGD-5: a reminder as pages and the export see it. */
export type Reminder = {
  kind: 'REMINDER';
  id: string;
  title: string;
  dueOn: string;
  note: string | null;
  remind: ReminderTiming;
  remindedAt: Date | null;
  createdAt: Date;
};

export type AgendaItem = Appointment | Reminder;

/** The use case's transaction, or the caller's when it composes several use cases in one. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

/** The account behind a patient-side write, for `created_by_account`. */
export const accountOf = (actor: Actor) => (actor.kind === 'PATIENT' ? actor.accountId : null);

/** Appointments with their service's name (AGD-2), one query. */
export const appointmentsQuery = (db: Db) => db.selectFrom('appointments as a')
  .leftJoin('connected_services as s', 's.id', 'a.service_id')
  .select(['a.id', 'a.profile_id', 'a.title', 'a.starts_at', 'a.place', 'a.note', 'a.source', 'a.updated_at', 's.name as service_name']);

type AppointmentRow = { id: string; title: string; starts_at: Date; place: string | null; note: string | null; source: AppointmentSource;
  updated_at: Date; service_name: string | null };
export const toAppointment = (r: AppointmentRow): Appointment => ({ kind: 'APPOINTMENT', id: r.id, title: r.title, startsAt: r.starts_at,
  place: r.place, note: r.note, source: r.source, serviceName: r.service_name, updatedAt: r.updated_at });

export const REMINDER_COLUMNS = ['id', 'title', 'due_on', 'note', 'remind', 'reminded_at', 'created_at'] as const;
type ReminderRow = { id: string; title: string; due_on: string; note: string | null; remind: ReminderTiming; reminded_at: Date | null; created_at: Date };
export const toReminder = (r: ReminderRow): Reminder => ({ kind: 'REMINDER', id: r.id, title: r.title, dueOn: r.due_on, note: r.note,
  remind: r.remind, remindedAt: r.reminded_at, createdAt: r.created_at });
