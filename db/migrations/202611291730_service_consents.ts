import { type Kysely, sql } from 'kysely';

/**
 * CAT-2, CAT-3, CAT-5, MEA-8: the catalogue's connected services, their purposes (finalités), and each
 * profile's consent per purpose. A live consent has no `revoked_at`; disconnecting revokes them all at once
 * and keeps the rows (and the data already pushed, stored as SERVICE_TIERS).
 *
 * A service authenticates with `client_id` and a secret stored as an argon2 hash, like passwords.
 * A call retried with the same Idempotency-Key is answered from `service_push_requests`; a value the same
 * service pushes twice for the same profile, type, time and numbers is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table connected_services (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      description text not null,
      status text not null default 'EN_LIGNE' check (status in ('EN_LIGNE','HORS_LIGNE','PRESERIE','SUSPENDUE','DEREFERENCEE')),
      client_id text not null unique,
      client_secret_hash text not null,
      created_at timestamptz not null default now()
    );

    create table service_purposes (
      service_id uuid not null references connected_services(id),
      code text not null check (code ~ '^[A-Z][A-Z_]*$'),
      label text not null,
      mandatory boolean not null,
      position integer not null default 0,
      primary key (service_id, code)
    );

    create table service_consents (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      service_id uuid not null references connected_services(id),
      purpose text not null,
      granted_at timestamptz not null,
      granted_by_account uuid references accounts(id) on delete set null,
      revoked_at timestamptz,
      foreign key (service_id, purpose) references service_purposes(service_id, code),
      check (revoked_at is null or revoked_at >= granted_at)
    );
    create unique index service_consents_live on service_consents (profile_id, service_id, purpose) where revoked_at is null;

    create table service_push_requests (
      service_id uuid not null references connected_services(id),
      idempotency_key text not null,
      profile_id uuid not null references profiles(id),
      request_hash text not null,
      stored integer not null,
      created_at timestamptz not null,
      primary key (service_id, idempotency_key)
    );
    create index service_push_requests_profile on service_push_requests (profile_id);

    create unique index measures_pushed_once on measures (profile_id, source_ref, type, effective_at, value, value2) nulls not distinct
      where source = 'SERVICE_TIERS';
  `.execute(db);
}
