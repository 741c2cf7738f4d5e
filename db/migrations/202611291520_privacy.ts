import { type Kysely, sql } from 'kysely';

/**
 * VIS-3..5: each switch of mask-all is a run of the retryable job that (un)masks existing documents,
 * with its failure count; PRO-7: professionals blocked by a profile (kept when lifted, for the
 * history); VIS-7: the administrateur; professionals get a city to be found by (PRO-7 search).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mask_all_runs (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      mask boolean not null,
      status text not null default 'PENDING' check (status in ('PENDING','DONE','FAILED','SUPERSEDED')),
      changed integer not null default 0,
      failed integer not null default 0,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index mask_all_runs_profile on mask_all_runs (profile_id, created_at desc);

    create table professional_blocks (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      professional_id uuid not null references professionals(id),
      blocked_at timestamptz not null,
      blocked_by text not null,
      unblocked_at timestamptz
    );
    create unique index professional_blocks_active on professional_blocks (profile_id, professional_id) where unblocked_at is null;

    -- VIS-7: at most one administrateur per profile.
    alter table privacy_settings add column administrateur_id uuid references professionals(id);

    alter table professionals add column city text;
    create index professionals_family_name on professionals (lower(family_name));
  `.execute(db);
}
