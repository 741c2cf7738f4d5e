import { type Kysely, sql } from 'kysely';

/**
 * DOC, VIS: health documents of a profile (file kept encrypted by lib/storage, DOC-13), their
 * visibility flags (VIS-1, VIS-4 mask origin, VIS-10), folders and pins (DOC-5), logical deletion
 * and erasure of the file 30 days later (DOC-9, DOC-10); the holder's privacy settings (VIS-3 mask
 * all, EMG-1 emergency toggles).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_folders (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (profile_id, name)
    );

    create table documents (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      unique_id text not null unique,
      title text not null,
      category text not null,
      type_code text,
      document_date date,
      mime_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      sha1 text not null,
      blob_key text,
      wrapped_key text,
      author_type text not null check (author_type in
        ('PATIENT','HEALTHCARE_PROFESSIONAL','HEALTHCARE_FACILITY','CNAM','MES','SERVICE_TIERS')),
      author_id text not null,
      author_label text not null,
      author_professional_id uuid references professionals(id),
      status text not null default 'ACTIVE' check (status in ('ACTIVE','DELETED','OBSOLETE')),
      replaces_id uuid references documents(id),
      masque_ps boolean not null default false,
      mask_origin text check (mask_origin in ('INDIVIDUAL','BULK','AT_DEPOSIT')),
      invisible_patient boolean not null default false,
      invisible_representants_legaux boolean not null default false,
      pinned boolean not null default false,
      folder_id uuid references document_folders(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      deleted_by_label text,
      erased_at timestamptz,
      constraint documents_vis10 check (not (masque_ps and invisible_patient)),
      constraint documents_mask_origin check ((mask_origin is null) = (not masque_ps))
    );
    create index documents_profile on documents (profile_id, created_at desc, id desc) where status = 'ACTIVE';
    create index documents_to_erase on documents (deleted_at) where status = 'DELETED' and blob_key is not null;

    create table privacy_settings (
      profile_id uuid primary key references profiles(id),
      mask_all boolean not null default false,
      emergency_regulation boolean not null default true,
      emergency_other boolean not null default true,
      emergency_masked_visible boolean not null default false,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}
