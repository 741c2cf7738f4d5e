import { type Kysely, sql } from 'kysely';

/**
 * PRV-9, NOT-1, NOT-7: the email teaser and the push of prevention campaigns at national scale.
 *
 * - `prevention_emails`: one row per campaign and recipient ACCOUNT (holder, representatives with access:
 *   NOT-7), unique, so an account reached through several profiles gets one email. Same crash-safety as
 *   the account-creation campaigns (lib/campaigns): QUEUED → PREPARED (claimed under a lease) → SENDING
 *   (recorded just before the SMTP final dot) → SENT; an expired PREPARED lease goes back to QUEUED, an
 *   expired SENDING one is presumed SENT (`uncertain`), never sent twice. Ids come from the sequence of
 *   `campaign_recipients` so that the demo mailbox (keyed by `campaign_recipient_id`) never mixes them up.
 * - `prevention_pushes`: one row per campaign and push device of a recipient account. Sent through the
 *   channel provider interface in chunks (no BullMQ job per device); each push gets an outbox row
 *   (`outbox_id`, kind notification-push, never relayed) whose id is its stable idempotency key
 *   (`outbox-<id>`, lib/notifications/channels/provider.ts): a resend after a crash is deduplicated.
 *
 * Both are work queues filled 10 000 profiles at a time: like the outbox, no foreign key to campaigns,
 * accounts, profiles or devices (each costs one lookup per inserted row: ~15 % of a batch measured);
 * campaigns are never deleted, and a row whose account, profile or device is gone when it is claimed is
 * SKIPPED.
 *
 * Statistics columns on `prevention_campaigns` for the back-office (all counters are updated in the same
 * transaction as the rows they count, so they stay consistent after a crash):
 * - `targeted`   (existing) the preview count when the campaign started;
 * - `delivered`  (existing) in-app messages created (home card + « Prévention » section);
 * - `emails`     (existing) email teasers queued = recipient accounts (one per account and campaign);
 * - `emails_sent`    emails handed to the SMTP server (including `uncertain` ones presumed sent after a crash);
 * - `emails_failed`  emails given up (permanent refusal of the address, or 3 transient failures);
 * - `emails_skipped` emails not sent because, at sending time, the profile was no longer ACTIVE, had opted
 *   out (PRV-8), the account had no email any more, or the campaign was cancelled;
 * - `pushes`, `pushes_sent`, `pushes_failed`, `pushes_skipped`: the same for push notifications (one per device);
 * - `targets_done_at` when the in-app delivery (the keyset run over the targets) finished; the campaign
 *   is DONE once emails and pushes are out too (`finished_at`).
 * Read count: `select count(*) filter (where read_at is not null) from prevention_messages where campaign_id = $1`
 * (served by the unique (campaign_id, profile_id) index). Emails still to send =
 * `emails - emails_sent - emails_failed - emails_skipped` (likewise for pushes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table prevention_campaigns
      add column targets_done_at timestamptz,
      add column emails_sent integer not null default 0,
      add column emails_failed integer not null default 0,
      add column emails_skipped integer not null default 0,
      add column pushes integer not null default 0,
      add column pushes_sent integer not null default 0,
      add column pushes_failed integer not null default 0,
      add column pushes_skipped integer not null default 0;

    create table prevention_emails (
      id bigint primary key default nextval('campaign_recipients_id_seq'),
      campaign_id uuid not null,
      account_id uuid not null,
      -- the profile the teaser is about; a representative's email names its first name (read at sending time, NOT-7)
      profile_id uuid not null,
      holder boolean not null,
      -- read from the account when the row is claimed (the address it has at sending time)
      to_email text,
      status text not null default 'QUEUED' check (status in ('QUEUED','PREPARED','SENDING','SENT','FAILED','SKIPPED')),
      lease_until timestamptz,
      attempts integer not null default 0,
      last_error text,
      sent_at timestamptz,
      uncertain boolean not null default false,
      unique (campaign_id, account_id)
    );
    create index prevention_emails_queued on prevention_emails (campaign_id, id) where status = 'QUEUED';
    create index prevention_emails_leased on prevention_emails (campaign_id, lease_until) where status in ('PREPARED','SENDING');

    create table prevention_pushes (
      id bigserial primary key,
      campaign_id uuid not null,
      device_id uuid,
      account_id uuid not null,
      profile_id uuid not null,
      holder boolean not null,
      status text not null default 'QUEUED' check (status in ('QUEUED','PREPARED','SENT','FAILED','SKIPPED')),
      outbox_id bigint references outbox(id),
      lease_until timestamptz,
      attempts integer not null default 0,
      last_error text,
      sent_at timestamptz,
      unique (campaign_id, device_id)
    );
    create index prevention_pushes_queued on prevention_pushes (campaign_id, id) where status = 'QUEUED';
    create index prevention_pushes_leased on prevention_pushes (campaign_id, lease_until) where status = 'PREPARED';
  `.execute(db);
}
