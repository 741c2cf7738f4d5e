import { type Kysely, sql } from 'kysely';

/**
 * MEA-4: « Récupération automatique des données des documents », a profile setting on by default;
 * a value extracted from a document is stored once per document, type and time (a job that runs
 * twice inserts nothing the second time), and the index finds a document's values when it is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table privacy_settings add column measure_extraction boolean not null default true;
    create unique index measures_extracted_once on measures (source_ref, type, effective_at) where source = 'DOCUMENT_EXTRACTION';
  `.execute(db);
}
