import { type Kysely, sql } from 'kysely';

/**
 * NOT-1..7: one in-app notification per profile event, shared by every account of the profile (a
 * deletion hides it for all: NOT-6); read state per account; each account's switches per kind and
 * channel (email now; SMS and push later), absent row = on. Mandatory kinds (NOT-2, NOT-4) have no
 * switch, so the preferences table refuses them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      kind text not null check (kind in ('NOTIF_MESSAGE','NOTIF_DOCUMENT','NOTIF_APPOINTMENT','NOTIF_DEPISTAGE',
        'NOTIF_SYNCHRONIZED_SERVICE','PS_ACCESS','EMERGENCY_ACCESS','SECURITY','CLOSURE','SUSPENSION','DELETION_DONE',
        'INVITATION','REVOCATION')),
      data jsonb not null default '{}',
      created_at timestamptz not null,
      deleted_at timestamptz,
      deleted_by uuid references accounts(id) on delete set null
    );
    create index notifications_profile_time on notifications (profile_id, created_at desc, id desc) where deleted_at is null;

    create table notification_reads (
      account_id uuid not null references accounts(id) on delete cascade,
      notification_id uuid not null references notifications(id) on delete cascade,
      read_at timestamptz not null,
      primary key (account_id, notification_id)
    );

    create table notification_preferences (
      account_id uuid not null references accounts(id) on delete cascade,
      kind text not null check (kind in ('NOTIF_MESSAGE','NOTIF_DOCUMENT','NOTIF_APPOINTMENT','NOTIF_DEPISTAGE','NOTIF_SYNCHRONIZED_SERVICE')),
      channel text not null check (channel in ('EMAIL','SMS','PUSH')),
      enabled boolean not null,
      updated_at timestamptz not null,
      primary key (account_id, kind, channel)
    );
  `.execute(db);
}
