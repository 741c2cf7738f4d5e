import { type Kysely, sql } from 'kysely';

/**
 * MSG-11: a professional no longer practising (set by the back-office). The patient sees a warning in
 * their conversations with them and cannot write to them any more; null: practising.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table professionals add column inactive_since timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table professionals drop column inactive_since`.execute(db);
}
