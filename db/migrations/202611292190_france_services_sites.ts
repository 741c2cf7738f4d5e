import { type Kysely, sql } from 'kysely';

/**
 * FS-1: the back-office creates and edits France Services sites. A site's name is unique within its commune,
 * without regard to case (the global unique name of the foundation stays: the seed upserts on it). FS-2, FS-3:
 * a site's activity is read by period, so visits are indexed by (site, start).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table france_services_sites
      add column created_at timestamptz,
      add column updated_at timestamptz;
    create unique index france_services_sites_commune_name_ci on france_services_sites (lower(commune), lower(name));
    create index assisted_visits_site_started on assisted_visits (site_id, started_at);
  `.execute(db);
}
