import { type Kysely, sql } from 'kysely';

/** REP-2..10, BO-5: invitations to share a child's profile, and why a representation ended. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table representative_invitations (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      inviter_account_id uuid not null references accounts(id),
      invitee_account_id uuid not null references accounts(id),
      status text not null default 'PENDING' check (status in ('PENDING','ACCEPTED','REFUSED','EXPIRED')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      answered_at timestamptz
    );
    create unique index representative_invitations_open on representative_invitations (profile_id, invitee_account_id) where status = 'PENDING';
    create index representative_invitations_invitee on representative_invitations (invitee_account_id, created_at desc);

    alter table representations
      add column granted_by uuid references staff_users(id),
      add column revoked_reason text check (revoked_reason in ('COURT','MAJORITY')),
      add column revoked_by uuid references staff_users(id);
    alter table representations drop constraint representations_account_id_profile_id_key;
    create unique index representations_active on representations (account_id, profile_id) where revoked_at is null;

    alter table profiles add column handed_over_at timestamptz;
    create index profiles_minors on profiles (birth_date) where kind = 'CHILD';
  `.execute(db);
}
