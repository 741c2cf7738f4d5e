import { type Kysely, sql } from 'kysely';

/** OPP-2..7: each opposition, with its channel and receipt number (OPP-6). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create sequence opposition_receipt_seq;
    create table oppositions (
      id uuid primary key default gen_random_uuid(),
      receipt_number text not null unique,
      profile_id uuid not null references profiles(id),
      channel text not null check (channel in ('WEB','PHONE','LETTER','EMAIL','FRANCE_SERVICES')),
      received_at timestamptz not null,
      postmark_date date,
      recorded_by uuid references staff_users(id),
      withdrawn_at timestamptz
    );
    create index oppositions_profile on oppositions (profile_id);
  `.execute(db);
}
