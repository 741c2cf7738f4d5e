import { type Kysely, sql } from 'kysely';

/** CMP-10, BO-4: openings found impossible (duplicate identity) wait in a back-office queue. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table opening_failures (
      id uuid primary key default gen_random_uuid(),
      nir text not null,
      campaign_id uuid references campaigns(id),
      reason text not null check (reason in ('DUPLICATE_IDENTITY')),
      created_at timestamptz not null,
      resolved_at timestamptz,
      resolved_by uuid references staff_users(id),
      resolution text
    );
    create unique index opening_failures_open on opening_failures (nir) where resolved_at is null;
    create index insured_people_identity on insured_people (birth_date, birth_name, first_names);
  `.execute(db);
}
