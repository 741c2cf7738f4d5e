import { type Kysely, sql } from 'kysely';

/** BO-1: the insured population as the fund knows it, loaded from CSV files, and each import's report. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table population_imports (
      id uuid primary key default gen_random_uuid(),
      filename text not null,
      stored_path text not null,
      uploaded_by uuid not null references staff_users(id),
      status text not null default 'RECEIVED' check (status in ('RECEIVED','RUNNING','DONE','FAILED')),
      lines_read integer not null default 0,
      accepted integer not null default 0,
      inserted integer not null default 0,
      updated integer not null default 0,
      unchanged integer not null default 0,
      rejected integer not null default 0,
      error text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );

    create table insured_people (
      nir text primary key,
      vitale_serial text not null,
      birth_name text not null,
      first_names text not null,
      birth_date date not null,
      sex smallint not null,
      birth_place text not null,
      departement text not null,
      email text,
      mobile text,
      postal_address text,
      parent_nir text,
      ase boolean not null default false,
      has_dmp boolean not null default false,
      row_hash text not null,
      last_import_id uuid, -- no FK: a per-row check would slow million-row merges
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index insured_people_departement on insured_people (departement);
    create index insured_people_parent on insured_people (parent_nir) where parent_nir is not null;

    -- Loaded by COPY, merged in one statement, then emptied: no WAL needed.
    create unlogged table population_staging (
      import_id uuid not null,
      line_no integer not null,
      nir text not null,
      vitale_serial text not null,
      birth_name text not null,
      first_names text not null,
      birth_date date not null,
      sex smallint not null,
      birth_place text not null,
      departement text not null,
      email text,
      mobile text,
      postal_address text,
      parent_nir text,
      ase boolean not null,
      has_dmp boolean not null
    );
    create index population_staging_import on population_staging (import_id, nir);

    create table population_import_rejections (
      id bigserial primary key,
      import_id uuid not null references population_imports(id),
      line_no integer not null,
      column_name text not null,
      reason text not null
    );
    create index population_import_rejections_import on population_import_rejections (import_id, line_no);
  `.execute(db);
}
