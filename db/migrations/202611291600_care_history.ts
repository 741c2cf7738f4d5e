import { type Kysely, sql } from 'kysely';

/**
 * HIS-1..6: Mon histoire de santé, built only from the fund's claim lines (no amounts), one episode per
 * claim line (`claim_line_id` unique: HIS-3 idempotency). The feed is loaded like the population (BO-1):
 * an import row, an unlogged staging table emptied at the end of each run (HIS-6: confidential acts of
 * minors never stay in it), and a rejection report.
 * HIS-4: `profiles.activated_at` is the latest activation or re-opening instant (state_changed_at also
 * moves on suspension, so it cannot serve); backfilled from the activation traces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table profiles add column activated_at timestamptz;
    update profiles p set activated_at = coalesce(
        (select max(e.at) from access_events e
          where e.profile_id = p.id and e.outcome = 'OK' and e.action in ('profile.activate', 'profile.reopen')),
        case when p.state = 'ACTIVE' then p.state_changed_at end)
      where p.state = 'ACTIVE' or (p.state = 'SUSPENDED' and p.previous_state = 'ACTIVE');

    create table care_history_imports (
      id uuid primary key default gen_random_uuid(),
      filename text not null,
      stored_path text not null,
      uploaded_by uuid not null references staff_users(id),
      status text not null default 'RECEIVED' check (status in ('RECEIVED','RUNNING','DONE','FAILED')),
      lines_read integer not null default 0,
      accepted integer not null default 0,
      inserted integer not null default 0,
      already_known integer not null default 0,
      withheld integer not null default 0,
      rejected integer not null default 0,
      error text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );

    -- Loaded by COPY, merged in one statement, then emptied in the same transaction: no WAL, no index.
    create unlogged table care_history_staging (
      import_id uuid not null,
      line_no integer not null,
      claim_line_id text not null,
      nir text not null,
      care_date date not null,
      category text not null,
      label text not null,
      prescriber_specialty text,
      confidential boolean not null
    );

    create table care_history_import_rejections (
      id bigserial primary key,
      import_id uuid not null references care_history_imports(id),
      line_no integer not null,
      column_name text not null,
      reason text not null
    );
    create index care_history_import_rejections_import on care_history_import_rejections (import_id, line_no);

    create table care_episodes (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      claim_line_id text not null unique,
      care_date date not null,
      category text not null check (category in ('DISEASE','BIOLOGY','MEDICINE','MEDICAL_DENTAL_CARE','HOSPITALIZATION',
        'RADIOLOGY','MEDICAL_DEVICE','VACCINE')),
      label text not null,
      prescriber_specialty text,
      import_id uuid, -- no FK: a per-row check would slow million-row merges
      created_at timestamptz not null default now()
    );
    create index care_episodes_profile_date on care_episodes (profile_id, care_date desc, id desc);
  `.execute(db);
}
