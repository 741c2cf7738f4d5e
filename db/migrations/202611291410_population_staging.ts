import { type Kysely, sql } from 'kysely';

/**
 * The import's checks read the whole staged file by hash joins and one sort; an index kept up to date
 * during the COPY of a million lines only slowed it down.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index population_staging_import`.execute(db);
}
