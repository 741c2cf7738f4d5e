import { type Kysely, sql } from 'kysely';

/**
 * DOC-1: the Documents list reads pinned first, then newest (or by title), 25 at a time: indexes in that
 * exact order let a page stop after its rows instead of sorting every document of the profile.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index documents_profile;
    create index documents_profile on documents (profile_id, pinned desc, created_at desc, id desc) where status = 'ACTIVE';
    create index documents_profile_title on documents (profile_id, pinned desc, lower(title), id) where status = 'ACTIVE';
  `.execute(db);
}
