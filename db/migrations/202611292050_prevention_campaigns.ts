import { type Kysely, sql } from 'kysely';

/**
 * PRV-6..9: prevention campaigns (rules held as data, validated by lib/prevention-campaigns/rules.ts),
 * the messages they deliver (one per campaign and profile: a resumed run never sends twice) and the
 * profiles' opt-out (PRV-8: a row while opted out, removed when reversed; each change is traced).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table prevention_campaigns (
      id uuid primary key default gen_random_uuid(),
      name text not null check (char_length(name) between 3 and 120),
      title text not null check (char_length(title) between 1 and 100),
      body text not null check (char_length(body) between 1 and 4000),
      teaser text not null check (char_length(teaser) between 1 and 200),
      rules jsonb not null,
      status text not null default 'DRAFT' check (status in ('DRAFT','SCHEDULED','RUNNING','PAUSED','DONE','CANCELLED')),
      scheduled_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      created_by uuid not null references staff_users(id),
      created_at timestamptz not null default now(),
      -- keyset of the run: the last profile id handled (resumable after a crash)
      cursor uuid,
      targeted integer,
      delivered integer not null default 0,
      emails integer not null default 0
    );
    create index prevention_campaigns_due on prevention_campaigns (scheduled_at) where status = 'SCHEDULED';

    create table prevention_messages (
      id uuid primary key default gen_random_uuid(),
      campaign_id uuid not null references prevention_campaigns(id),
      profile_id uuid not null references profiles(id),
      created_at timestamptz not null,
      read_at timestamptz,
      criteria jsonb not null,
      unique (campaign_id, profile_id)
    );
    -- PRV-9: the 7-day cap looks up a profile's latest message; the home card its latest unread one.
    create index prevention_messages_profile on prevention_messages (profile_id, created_at desc);

    create table prevention_opt_outs (
      profile_id uuid primary key references profiles(id),
      at timestamptz not null,
      by_account uuid references accounts(id) on delete set null
    );
  `.execute(db);
}
