import { type Kysely, sql } from 'kysely';

/**
 * « Mes coordonnées »: when a patient-side account last changed its password. A session opened before it
 * is refused (the other sessions end; the one that made the change is signed in again). Null: never changed
 * since activation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts add column password_changed_at timestamptz`.execute(db);
}
