import { type Kysely, sql } from 'kysely';

/**
 * PRF-1..5: the entries of the profil médical, in ONE typed table. Each row is one entry of one kind
 * (allergy, treatment, vaccination, contact...); what the kind holds is a JSONB `payload` validated by
 * a zod schema per kind before every write (lib/medical-profile/entry-schemas.ts), so a new field
 * needs no migration and every section shares the add / edit / delete / trace code.
 *
 * The rules the database must hold whatever the code does are columns, not payload:
 * - `unique_key`: at most one entry per (profile, kind, key): the blood group, the organ-donation
 *   position, one habit per category, one TRUSTED_CONTACT (PRF-5), one of each PRF-3 role;
 * - `document_id`: the document an entry is about (a hospitalisation's report), for DOC-8;
 * - `source`: PATIENT, or PS for vaccinations written by a professional (PRF-2: only vaccinations,
 *   read-only for the patient side).
 *
 * `seq` keeps the order entries were typed in (several may share one instant).
 *
 * PRF-4: one current "Directives anticipées" document (DIR_ANT) per profile, held by an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table medical_entries (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      profile_id uuid not null references profiles(id),
      kind text not null check (kind in ('ALLERGY','CONDITION','HOSPITALISATION','TREATMENT','VACCINATION','FAMILY_HISTORY',
        'DISABILITY','BLOOD_GROUP','LIFESTYLE','CONTACT','ORGAN_DONATION','PROFESSIONAL')),
      payload jsonb not null check (jsonb_typeof(payload) = 'object'),
      unique_key text,
      document_id uuid references documents(id),
      source text not null default 'PATIENT' check (source in ('PATIENT','PS')),
      source_label text,
      professional_id uuid references professionals(id),
      created_by_account uuid references accounts(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      constraint medical_entries_prf2 check (source = 'PATIENT' or kind = 'VACCINATION')
    );
    create index medical_entries_profile on medical_entries (profile_id, seq);
    create unique index medical_entries_one_per_key on medical_entries (profile_id, kind, unique_key) where unique_key is not null;
    create index medical_entries_document on medical_entries (document_id) where document_id is not null;

    create unique index documents_one_current_dir_ant on documents (profile_id) where category = 'DIR_ANT' and status = 'ACTIVE';
  `.execute(db);
}
