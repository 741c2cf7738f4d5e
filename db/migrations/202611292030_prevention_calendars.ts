import { type Kysely, sql } from 'kysely';

/**
 * PRV-1..4: the prevention calendars as versioned data (one row per calendar item and edition; seeded by
 * lib/prevention/calendars). AGD-6: the items of each profile with their status; an item keeps the
 * calendar row (hence the edition) it was generated from, one row per occurrence of a recurring item.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table prevention_calendar_items (
      id uuid primary key default gen_random_uuid(),
      programme text not null check (programme in ('VACCINATION','CHILD_EXAM','MT_DENTS','BREAST','COLORECTAL','CERVICAL','BILAN_PREVENTION')),
      code text not null,
      label text not null check (char_length(label) between 1 and 200),
      edition text not null,
      valid_from date not null,
      valid_to date,
      target_sex smallint check (target_sex in (1, 2)),
      born_from date,
      born_before date,
      min_months integer not null check (min_months >= 0),
      min_days integer not null default 0 check (min_days >= 0),
      max_months integer not null,
      max_days integer not null default 0 check (max_days >= 0),
      recurrence_months integer check (recurrence_months > 0),
      status text not null check (status in ('MANDATORY','RECOMMENDED','TARGETED')),
      note text,
      match_category text,
      match_keywords text[] not null default '{}',
      source text not null,
      unique (code, edition),
      check (valid_to is null or valid_to > valid_from),
      check (max_months * 31 + max_days > min_months * 31 + min_days)
    );

    create table prevention_items (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      calendar_item_id uuid not null references prevention_calendar_items(id),
      occurrence integer not null default 0,
      window_start date not null,
      window_end date not null,
      status text not null default 'TO_PLAN' check (status in ('TO_PLAN','NOT_SPECIFIED','DONE','NOT_DONE')),
      status_source text not null default 'WINDOW' check (status_source in ('WINDOW','USER','REIMBURSEMENT','VACCINATION')),
      set_by_account uuid references accounts(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (profile_id, calendar_item_id, occurrence)
    );
    create index prevention_items_profile on prevention_items (profile_id, window_start, id);
    create index prevention_items_to_plan on prevention_items (window_end, id) where status = 'TO_PLAN';
  `.execute(db);
}
