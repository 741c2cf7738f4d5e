import { type Kysely, sql } from 'kysely';

/**
 * AUD-6: each professional reads its own traces (« Mon activité »): by actor, newest first. Partial to the
 * professionals' and facilities' traces, so patients', staff's and jobs' traces cost nothing more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index access_events_professional_actor on access_events (actor_id, id desc)
      where actor_type in ('HEALTHCARE_PROFESSIONAL', 'HEALTHCARE_FACILITY');
  `.execute(db);
}
