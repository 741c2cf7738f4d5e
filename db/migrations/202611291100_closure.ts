import { type Kysely, sql } from 'kysely';

/**
 * CLO-1..11, BO-6: closure, archive, deletion and purge, CNAM suspension. The purge removes a profile's
 * traces too (CLO-4): only through `purge_profile_traces`, which lifts the append-only guard for that
 * one profile inside its own transaction (AUD-7 still holds for everything else).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table profiles
      add column closed_at timestamptz,
      add column closure_reason text check (closure_reason in ('HOLDER','OPPOSITION','SUPPORT','SUSPENSION','DECEASED')),
      add column deletion_requested_at timestamptz,
      add column purge_due_on date,
      add column suspended_at timestamptz,
      add column suspension_reason text,
      add column suspension_deadline date,
      add column suspension_objected_at timestamptz,
      add column purged_at timestamptz;
    -- ACC-5: the fund's register remembers that a profile was purged, so campaigns never re-create it.
    alter table insured_people add column profile_purged_at timestamptz;
    create index profiles_closed on profiles (closed_at) where state = 'CLOSED';
    create index profiles_deletion on profiles (purge_due_on) where state = 'DELETION_REQUESTED';
    create index profiles_suspended on profiles (suspension_deadline) where state = 'SUSPENDED';

    create or replace function access_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('mes.purge_profile', true) = old.profile_id::text then
        return old;
      end if;
      raise exception 'access_events is append-only (AUD-7)';
    end $$;

    create function purge_profile_traces(p uuid) returns bigint language plpgsql security definer as $$
    declare n bigint;
    begin
      perform set_config('mes.purge_profile', p::text, true);
      delete from access_events where profile_id = p;
      get diagnostics n = row_count;
      perform set_config('mes.purge_profile', '', true);
      return n;
    end $$;

    do $$ begin
      if exists (select from pg_roles where rolname = 'mes_app') then
        grant execute on function purge_profile_traces(uuid) to mes_app;
      end if;
    exception when insufficient_privilege then
      raise notice 'grant on purge_profile_traces skipped: insufficient privilege';
    end $$;
  `.execute(db);
}
