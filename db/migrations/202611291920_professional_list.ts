import { type Kysely, sql } from 'kysely';

/**
 * The professionals' document list (lib/professional-access/patient-documents.ts) filters a profile's
 * current and obsolete documents by the policy's read scope, counts them and reads one page newest
 * first: this index serves the page in order and the count from the index alone (the scope's columns
 * are included), instead of sorting every document of the profile on each call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index documents_professional_list on documents (profile_id, created_at desc, id desc)
      include (author_professional_id, masque_ps, type_code, category)
      where status in ('ACTIVE', 'OBSOLETE');
  `.execute(db);
}
