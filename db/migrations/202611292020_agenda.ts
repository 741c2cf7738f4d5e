import { type Kysely, sql } from 'kysely';

/**
 * AGD-1, AGD-2: appointments of a profile (read-only when they come from a catalogue service);
 * AGD-4, AGD-5: reminders, at most 10 per date per profile (counted under a lock by the use case), each
 * emailed once at `remind_at` (08:00 Europe/Paris on the date or the day before), `reminded_at` set when sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table appointments (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      title text not null check (char_length(title) between 1 and 100),
      starts_at timestamptz not null,
      place text check (char_length(place) <= 200),
      note text check (char_length(note) <= 1000),
      source text not null default 'PATIENT' check (source in ('PATIENT','EDITOR_SOLUTION')),
      service_id uuid references connected_services(id),
      created_by_account uuid references accounts(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((source = 'EDITOR_SOLUTION') = (service_id is not null))
    );
    create index appointments_profile_time on appointments (profile_id, starts_at, id);

    create table reminders (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      title text not null check (char_length(title) between 1 and 100),
      due_on date not null,
      note text check (char_length(note) <= 1000),
      remind text not null default 'DAY_BEFORE' check (remind in ('SAME_DAY','DAY_BEFORE')),
      remind_at timestamptz not null,
      reminded_at timestamptz,
      created_by_account uuid references accounts(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index reminders_profile_day on reminders (profile_id, due_on, id);
    create index reminders_pending on reminders (remind_at, id) where reminded_at is null;
  `.execute(db);
}
