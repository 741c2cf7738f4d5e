import { type Kysely, sql } from 'kysely';

/**
 * PRV-6, PRV-9: a prevention run in two resumable passes, so that a national campaign is enqueued in
 * well under a minute (bench:prevention).
 * 1. The enqueue: one `prevention_messages` row per target (targeting, PRV-8 opt-out and the PRV-9 7-day
 *    cap in the same query), keyset on `cursor`; the home card and the « Prévention » section read these
 *    rows, so the in-app message is there as soon as this pass is.
 * 2. The fan-out over those rows, keyset on `fanout_cursor` (profile id, served by the unique
 *    (campaign_id, profile_id) index): the messagerie conversation from « Assurance Maladie », one email
 *    row per recipient account and one push row per device (NOT-7). `fanout_done_at` ends it.
 *
 * `prevention_messages` loses its foreign keys, like the other per-campaign work rows (migration
 * 202611292100): each checked one lookup per inserted row, half the cost of the enqueue measured. The
 * rows are only ever inserted from a select over `profiles` joined to the campaign in the same
 * statement; campaigns are never deleted; a purged profile's rows are deleted with it (lib/closure/purge.ts),
 * and profiles themselves are never deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table prevention_campaigns
      add column fanout_cursor uuid,
      add column fanout_done_at timestamptz;
    alter table prevention_messages
      drop constraint prevention_messages_campaign_id_fkey,
      drop constraint prevention_messages_profile_id_fkey;
    -- A campaign that finished its in-app delivery before this migration has nothing left to fan out.
    update prevention_campaigns set fanout_done_at = targets_done_at where targets_done_at is not null;
  `.execute(db);
}
