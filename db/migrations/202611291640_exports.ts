import { type Kysely, sql } from 'kysely';

/**
 * CLO-12 "Télécharger mes données": a fresh OTP confirms the request (purpose DATA_EXPORT); the ZIP is
 * built by a job, stored encrypted like documents, and downloadable for 7 days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table otp_challenges drop constraint otp_challenges_purpose_check;
    alter table otp_challenges add constraint otp_challenges_purpose_check
      check (purpose in ('ENROLMENT_EMAIL','PATIENT_LOGIN','STAFF_LOGIN','DATA_EXPORT'));

    create table data_exports (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      account_id uuid not null references accounts(id),
      status text not null default 'PENDING' check (status in ('PENDING','READY','FAILED')),
      blob_key text,
      wrapped_key text,
      size_bytes bigint,
      error text,
      requested_at timestamptz not null,
      ready_at timestamptz,
      expires_at timestamptz
    );
    create index data_exports_profile on data_exports (profile_id, requested_at desc);
    create index data_exports_expired on data_exports (expires_at) where blob_key is not null;
  `.execute(db);
}
