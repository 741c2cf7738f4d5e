import { type Kysely, sql } from 'kysely';

/**
 * FS-2..5: assisted visits. A visit starts from the person's carte Vitale with the person present
 * (presence_confirmed), covers their profile and the profiles they represent, and ends after 60 minutes
 * at most; an advisor has one open visit at a time. The actions done are listed for the printed summary.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table assisted_visits (
      id uuid primary key default gen_random_uuid(),
      advisor_id uuid not null references staff_users(id),
      site_id uuid not null references france_services_sites(id),
      profile_id uuid not null references profiles(id),
      started_at timestamptz not null,
      expires_at timestamptz not null,
      ended_at timestamptz,
      end_reason text check (end_reason in ('ENDED', 'EXPIRED')),
      presence_confirmed boolean not null check (presence_confirmed),
      check (expires_at = started_at + interval '60 minutes'),
      check ((ended_at is null) = (end_reason is null))
    );
    create unique index assisted_visits_one_open on assisted_visits (advisor_id) where ended_at is null;
    create index assisted_visits_profile on assisted_visits (profile_id, started_at desc);

    create table assisted_visit_profiles (
      visit_id uuid not null references assisted_visits(id),
      profile_id uuid not null references profiles(id),
      relation text not null check (relation in ('SELF', 'REPRESENTED')),
      primary key (visit_id, profile_id)
    );

    create table assisted_visit_actions (
      id uuid primary key default gen_random_uuid(),
      visit_id uuid not null references assisted_visits(id),
      profile_id uuid not null references profiles(id),
      kind text not null check (kind in ('NOTIFICATIONS', 'NEW_CODE', 'OPPOSITION', 'ACTIVATION')),
      detail text not null default '',
      reference uuid,
      at timestamptz not null
    );
    create index assisted_visit_actions_visit on assisted_visit_actions (visit_id, at);
  `.execute(db);
}
