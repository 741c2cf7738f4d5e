import { type Kysely, sql } from 'kysely';

/**
 * NOT-1, NOT-7: the SMS and push channels of notifications.
 * - `accounts.mobile`: the account's own French mobile (+33 6/7…), optional; no mobile, no SMS.
 * - `push_devices`: the device tokens an account registered; no device, no push.
 * - `outbox.not_before`: NOT-7 quiet hours (no SMS 21:00–08:00 Europe/Paris except OTPs): the relay
 *   leaves a row PENDING until then, so a held SMS survives a worker restart and is sent once.
 * - `notification_sink`: the development provider of both channels keeps what would have been sent,
 *   one row per outbox row (unique: a retried job never sends twice).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts add column mobile text check (mobile ~ '^\\+33[67][0-9]{8}$');

    create table push_devices (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id) on delete cascade,
      token text not null unique,
      label text,
      created_at timestamptz not null default now()
    );
    create index push_devices_account on push_devices (account_id);

    alter table outbox add column not_before timestamptz;
    create index outbox_pending_held on outbox (not_before) where status = 'PENDING' and not_before is not null;

    create table notification_sink (
      id bigserial primary key,
      outbox_id bigint not null unique references outbox(id),
      channel text not null check (channel in ('SMS','PUSH')),
      provider_id text not null,
      recipient text not null,
      text text not null,
      created_at timestamptz not null
    );
  `.execute(db);
}
