import { type Kysely, sql } from 'kysely';

/**
 * The professional side (PRO, EMG, ID-6..8, DOC-9..14):
 * - professionals carry their specialty and, for facility users, the facility they act for (PRO-1, PRO-2),
 *   and whether they work in a SAMU regulation centre (EMG-3);
 * - `profiles.declared_gp_id`: the médecin traitant declared to the fund (PRO-3, EMG-6);
 * - `professional_authorisations`: one live row per (profile, professional): CONSENT (PRO-5) or CARE_TEAM
 *   (PRO-4); every later attestation is a trace, the row keeps the latest; ending it keeps the row;
 * - `emergency_accesses`: each bris de glace or regulation access, read-only for 2 hours (EMG-2, EMG-3);
 * - `api_clients`: professional software registered in the back-office (OAuth 2 client credentials).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table professionals
      add column specialty_code text,
      add column specialty_label text,
      add column facility_id text,
      add column facility_name text,
      add column regulation_centre boolean not null default false,
      add check ((facility_id is null) = (facility_name is null));

    alter table profiles add column declared_gp_id uuid references professionals(id);

    create table professional_authorisations (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      professional_id uuid not null references professionals(id),
      basis text not null check (basis in ('CONSENT','CARE_TEAM')),
      care_team_ground text check (care_team_ground in ('NAMED','FACILITY','STRUCTURE')),
      granted_at timestamptz not null,
      last_attested_at timestamptz not null,
      ended_at timestamptz,
      ended_by text,
      check ((basis = 'CARE_TEAM') = (care_team_ground is not null)),
      check (ended_at is null or ended_at >= granted_at)
    );
    create unique index professional_authorisations_live on professional_authorisations (profile_id, professional_id) where ended_at is null;
    create index professional_authorisations_pro on professional_authorisations (professional_id, last_attested_at desc) where ended_at is null;

    create table emergency_accesses (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      professional_id uuid not null references professionals(id),
      mode text not null check (mode in ('EMERGENCY','REGULATION')),
      reason_code text not null,
      justification text not null check (char_length(justification) >= 15),
      started_at timestamptz not null,
      expires_at timestamptz not null,
      check (expires_at > started_at)
    );
    create index emergency_accesses_live on emergency_accesses (profile_id, professional_id, expires_at desc);
    create index emergency_accesses_pro on emergency_accesses (professional_id, started_at desc);

    create table api_clients (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      editor text not null,
      client_id text not null unique,
      client_secret_hash text not null,
      facility_id text,
      facility_name text,
      status text not null default 'ACTIVE' check (status in ('ACTIVE','REVOKED')),
      created_by uuid,
      created_at timestamptz not null,
      revoked_at timestamptz,
      check ((facility_id is null) = (facility_name is null))
    );
  `.execute(db);
}
