import { type Kysely, sql } from 'kysely';

/**
 * CMP-1..9, BO-1: creation campaigns, one row per recipient (the campaign's own outbox: at most one
 * notice per person per campaign, CMP-9), and the PDF letter batches for the print provider (CMP-3).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaigns (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      departements text[] not null default '{}',
      births_since date,
      status text not null default 'DRAFT' check (status in ('DRAFT','SCHEDULED','RUNNING','PAUSED','DONE','CANCELLED')),
      scheduled_at timestamptz,
      generation integer not null default 0,
      selected integer not null default 0,
      created_by uuid not null references staff_users(id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      check (cardinality(departements) > 0 or births_since is not null)
    );

    create table campaign_recipients (
      id bigserial primary key,
      campaign_id uuid not null references campaigns(id),
      nir text not null,
      kind text not null check (kind in ('ADULT','CHILD')),
      departement text not null,
      to_email text,
      channel text not null check (channel in ('EMAIL','LETTER')),
      status text not null default 'QUEUED' check (status in
        ('QUEUED','PREPARED','SENDING','SENT','FAILED','LETTER_QUEUED','LETTER_READY','LETTER_POSTED','SKIPPED','CANCELLED')),
      profile_id uuid references profiles(id),
      lease_until timestamptz,
      attempts integer not null default 0,
      last_error text,
      bounced_at timestamptz,
      sent_at timestamptz,
      uncertain boolean not null default false,
      letter_batch_id uuid,
      selected_at timestamptz not null default now(),
      unique (campaign_id, nir)
    );
    create index campaign_recipients_work on campaign_recipients (campaign_id, status, id);
    create index campaign_recipients_nir on campaign_recipients (nir) where status <> 'CANCELLED';
    create index campaign_recipients_profile on campaign_recipients (profile_id) where profile_id is not null;

    create table letter_batches (
      id uuid primary key default gen_random_uuid(),
      campaign_id uuid not null references campaigns(id),
      seq integer not null,
      letters integer not null,
      status text not null default 'READY' check (status in ('READY','POSTED')),
      stored_path text,
      created_at timestamptz not null default now(),
      posted_on date,
      posted_by uuid references staff_users(id),
      unique (campaign_id, seq)
    );

    -- Campaign notices land in the demo mailbox too (no SMTP configured): keyed by recipient, not outbox.
    alter table demo_mailbox alter column outbox_id drop not null;
    alter table demo_mailbox add column campaign_recipient_id bigint unique;
  `.execute(db);
}
