import { type Kysely, sql } from 'kysely';

/**
 * CLO-11: access requests of heirs, a cohabitant or a PACS partner to a deceased person's profile,
 * decided by a second staff member (four eyes). BO-4: a duplicate profile merged into the right one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table heir_requests (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      requester_name text not null,
      relation text not null check (relation in ('HEIR','COHABITANT','PACS_PARTNER')),
      proof text not null,
      status text not null default 'REQUESTED' check (status in ('REQUESTED','APPROVED','REFUSED')),
      requested_by uuid not null references staff_users(id),
      requested_at timestamptz not null,
      decided_by uuid references staff_users(id),
      decided_at timestamptz,
      decision_note text,
      check (decided_by is null or decided_by <> requested_by)
    );
    create index heir_requests_profile on heir_requests (profile_id);

    alter table profiles drop constraint profiles_closure_reason_check;
    alter table profiles add constraint profiles_closure_reason_check
      check (closure_reason in ('HOLDER','OPPOSITION','SUPPORT','SUSPENSION','DECEASED','MERGED'));
    alter table profiles add column merged_into uuid references profiles(id);
  `.execute(db);
}
