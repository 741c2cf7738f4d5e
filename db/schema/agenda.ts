import type { Generated } from 'kysely';
import type { CreatedAt, DateOnly, Timestamp } from './columns';

// Agenda (AGD): appointments and reminders of a profile.

export type AppointmentSource = 'PATIENT' | 'EDITOR_SOLUTION';
export type ReminderTiming = 'SAME_DAY' | 'DAY_BEFORE';

/** AGD-1, AGD-2: an appointment; one from a catalogue service (`EDITOR_SOLUTION`, `service_id`) is read-only here. */
export interface AppointmentsTable {
  id: Generated<string>;
  profile_id: string;
  title: string;
  starts_at: Timestamp;
  /** The place or the professional, free text. */
  place: string | null;
  note: string | null;
  source: Generated<AppointmentSource>;
  service_id: string | null;
  created_by_account: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** AGD-4, AGD-5: a reminder, emailed once at `remind_at` (08:00 Paris on `due_on` or the day before). */
export interface RemindersTable {
  id: Generated<string>;
  profile_id: string;
  title: string;
  due_on: DateOnly;
  note: string | null;
  remind: Generated<ReminderTiming>;
  remind_at: Timestamp;
  reminded_at: Timestamp | null;
  created_by_account: string | null;
  created_at: CreatedAt;
}
