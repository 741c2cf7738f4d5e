import { type Kysely, sql } from 'kysely';

/**
 * HIS-7: an entry of the profil médical copied from an episode of Mon histoire de santé remembers it
 * (`source_episode_id`), at most once per profile: copying the same episode twice adds nothing.
 *
 * PRF-4: the yearly reminder to re-read the directives anticipées. One row per profile: which DIR_ANT
 * document it was sent for and the next anniversary due (a replaced document restarts the clock,
 * since the row then names another document). A new notification kind, DIRECTIVES_REVIEW.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table medical_entries add column source_episode_id uuid references care_episodes(id);
    create unique index medical_entries_one_per_episode on medical_entries (profile_id, source_episode_id)
      where source_episode_id is not null;

    create table directives_reviews (
      profile_id uuid primary key references profiles(id),
      document_id uuid not null references documents(id),
      next_due_on date not null,
      reminded_at timestamptz not null
    );

    alter table notifications drop constraint notifications_kind_check;
    alter table notifications add constraint notifications_kind_check check (kind in ('NOTIF_MESSAGE','NOTIF_DOCUMENT',
      'NOTIF_APPOINTMENT','NOTIF_DEPISTAGE','NOTIF_SYNCHRONIZED_SERVICE','PS_ACCESS','EMERGENCY_ACCESS','SECURITY','CLOSURE',
      'SUSPENSION','DELETION_DONE','INVITATION','REVOCATION','DIRECTIVES_REVIEW'));
  `.execute(db);
}
