import { type Kysely, sql } from 'kysely';

/**
 * AID-1..6: an aidé invites an adult with an activated account to help them (aidant). The invitation is
 * matched to that account at once (NIR + date of birth); the link then lives PENDING → ACCEPTED | REFUSED |
 * EXPIRED, and ACCEPTED → REVOKED (by either side, or by the system when the aidé's profile is closed).
 * A suspended aidé's links are not changed: the session leaves them out while the profile is not ACTIVE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table aidant_links (
      id uuid primary key default gen_random_uuid(),
      aided_profile_id uuid not null references profiles(id),
      aidant_account_id uuid not null references accounts(id),
      invited_by_account_id uuid not null references accounts(id),
      status text not null default 'PENDING' check (status in ('PENDING','ACCEPTED','REFUSED','EXPIRED','REVOKED')),
      invited_at timestamptz not null,
      expires_at timestamptz not null,
      responded_at timestamptz,
      revoked_at timestamptz,
      revoked_by text check (revoked_by in ('AIDE','AIDANT','SYSTEM')),
      justificatif_document_id uuid references documents(id),
      check ((status = 'REVOKED') = (revoked_at is not null and revoked_by is not null))
    );
    -- One open link (invitation or delegation) per pair.
    create unique index aidant_links_open_pair on aidant_links (aided_profile_id, aidant_account_id) where status in ('PENDING','ACCEPTED');
    -- AID-2 counts and the aidé's list.
    create index aidant_links_aided on aidant_links (aided_profile_id, invited_at desc);
    -- AID-2 counts, the session (aidedProfileIds), the aidant's list and NOT-7 recipients.
    create index aidant_links_aidant on aidant_links (aidant_account_id, status);
    -- AID-3: the daily expiry.
    create index aidant_links_pending_expiry on aidant_links (expires_at) where status = 'PENDING';
  `.execute(db);
}
