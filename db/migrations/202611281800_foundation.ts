import { type Kysely, sql } from 'kysely';

/** Foundation: profiles and accounts, codes and OTPs, staff, professionals, audit trail, outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table profiles (
      id uuid primary key default gen_random_uuid(),
      nir text not null unique,
      vitale_serial text not null,
      birth_name text not null,
      first_names text not null,
      birth_date date not null,
      sex smallint not null check (sex in (1, 2)),
      birth_place text,
      email text,
      kind text not null check (kind in ('ADULT', 'CHILD')),
      state text not null check (state in ('PENDING','OPPOSED','CREATED','ACTIVE','SUSPENDED','CLOSED','DELETION_REQUESTED','PURGED')),
      previous_state text,
      state_changed_at timestamptz not null default now(),
      notice_sent_at timestamptz,
      opposition_deadline date,
      activation_streak integer not null default 0,
      activation_last_failure_at timestamptz,
      created_at timestamptz not null default now()
    );

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid unique references profiles(id),
      identifiant text not null,
      password_hash text not null,
      email text not null,
      email_verified_at timestamptz,
      password_failures integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      last_login_at timestamptz
    );
    create unique index accounts_identifiant_ci on accounts (lower(identifiant));

    create table representations (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id),
      profile_id uuid not null references profiles(id),
      role text not null check (role in ('PARENT_PRINCIPAL','SECOND_PARENT','GUARDIAN')),
      granted_at timestamptz not null default now(),
      revoked_at timestamptz,
      unique (account_id, profile_id)
    );
    create index representations_profile on representations (profile_id) where revoked_at is null;

    create table activation_codes (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      code_hash text not null,
      issued_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      invalidated_at timestamptz
    );
    create index activation_codes_profile on activation_codes (profile_id);

    create table activation_failures (
      id bigserial primary key,
      profile_id uuid not null references profiles(id),
      at timestamptz not null
    );
    create index activation_failures_profile_at on activation_failures (profile_id, at);

    create table enrolments (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      code_id uuid not null references activation_codes(id),
      identifiant text,
      password_hash text,
      email text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );

    create table otp_challenges (
      id uuid primary key default gen_random_uuid(),
      purpose text not null check (purpose in ('ENROLMENT_EMAIL','PATIENT_LOGIN','STAFF_LOGIN')),
      subject_id uuid not null,
      destination text not null,
      code_hash text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      wrong_count integer not null default 0,
      used_at timestamptz,
      voided_at timestamptz
    );
    create index otp_challenges_subject on otp_challenges (purpose, subject_id, created_at);

    create table login_tickets (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      audience text not null,
      subject_id uuid not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );

    create table france_services_sites (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      commune text not null,
      departement text not null
    );

    create table staff_users (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('AGENT','SUPERVISOR','ADVISOR')),
      identifiant text not null,
      password_hash text not null,
      email text not null,
      display_name text not null,
      site_id uuid references france_services_sites(id),
      password_failures integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      check ((kind = 'ADVISOR') = (site_id is not null))
    );
    create unique index staff_users_identifiant_ci on staff_users (lower(identifiant));

    create table professionals (
      id uuid primary key default gen_random_uuid(),
      rpps text not null unique,
      given_name text not null,
      family_name text not null,
      profession_code text not null,
      profession_label text not null,
      email text,
      last_login_at timestamptz
    );

    create table access_events (
      id bigserial primary key,
      chain_key text not null,
      profile_id uuid,
      at timestamptz not null,
      actor_type text not null,
      actor_id text not null,
      actor_label text not null,
      actor_role text,
      profession text,
      site_id uuid,
      on_behalf_of text,
      mode text not null,
      action text not null,
      target_type text,
      target_id text,
      outcome text not null check (outcome in ('OK','DENIED')),
      reason text,
      channel text not null,
      prev_hash text,
      hash text not null
    );
    create index access_events_profile on access_events (profile_id, id desc);
    create index access_events_chain on access_events (chain_key, id);

    create table outbox (
      id bigserial primary key,
      kind text not null,
      payload jsonb not null,
      sealed text,
      status text not null default 'PENDING' check (status in ('PENDING','ENQUEUED','DONE','FAILED')),
      generation integer not null default 0,
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      enqueued_at timestamptz,
      done_at timestamptz
    );
    create index outbox_pending on outbox (id) where status = 'PENDING';
    create index outbox_failed on outbox (id) where status = 'FAILED';

    create table demo_mailbox (
      id bigserial primary key,
      outbox_id bigint not null unique references outbox(id),
      to_address text not null,
      subject text not null,
      html text not null,
      text text not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);

  // AUD-7: traces are append-only for everyone, superusers included (a trigger, not only grants);
  // an attacker who disables triggers is caught by the hash chain (npm run audit:verify).
  await sql`
    create function access_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'access_events is append-only (AUD-7)';
    end $$;
    create trigger access_events_no_update before update or delete on access_events
      for each row execute function access_events_append_only();
    create trigger access_events_no_truncate before truncate on access_events
      for each statement execute function access_events_append_only();
  `.execute(db);

  // The application role used in production: may read and append traces, never rewrite them.
  await sql`
    do $$ begin
      if not exists (select from pg_roles where rolname = 'mes_app') then
        create role mes_app nologin;
      end if;
      grant select, insert, update, delete on all tables in schema public to mes_app;
      grant usage on all sequences in schema public to mes_app;
      revoke update, delete, truncate on access_events from mes_app;
    exception when insufficient_privilege then
      raise notice 'role mes_app not created: insufficient privilege';
    end $$;
  `.execute(db);
}
