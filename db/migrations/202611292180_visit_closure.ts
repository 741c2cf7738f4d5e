import { type Kysely, sql } from 'kysely';

/** FS-3: a closure (CLO-2) or a deletion request (CLO-5) made during a visit is listed in its summary. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table assisted_visit_actions drop constraint assisted_visit_actions_kind_check;
    alter table assisted_visit_actions add constraint assisted_visit_actions_kind_check
      check (kind in ('NOTIFICATIONS', 'NEW_CODE', 'OPPOSITION', 'ACTIVATION', 'CONTACT', 'CLOSURE', 'DELETION'));
  `.execute(db);
}
