import { type Kysely, sql } from 'kysely';

/** CMP-4 / CMP-11: find due PENDING profiles fast; record when a pre-existing DMP was attached. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table profiles add column legacy_dmp_attached_at timestamptz;
    create index profiles_pending_deadline on profiles (opposition_deadline, id) where state = 'PENDING';
  `.execute(db);
}
