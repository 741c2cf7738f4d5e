import { type Kysely, sql } from 'kysely';

/**
 * PRV-4, PRV-10: the self-questionnaire of « Mon bilan prévention », one per profile and age band. The
 * answers are kept to be edited; the current version of its QUEST_SANTE document and the measures it
 * entered (weight, height) are pointed at, so an edit replaces them and a deletion removes them. The
 * habits it wrote point at the document themselves (medical_entries.document_id, DOC-8). A purge that
 * deletes the profile's documents takes these rows with them (cascade).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table prevention_questionnaires (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      band text not null check (band ~ '^[0-9]{2}-[0-9]{2}$'),
      edition text not null,
      document_id uuid not null references documents(id) on delete cascade,
      answers jsonb not null,
      measure_ids uuid[] not null default '{}',
      created_by_account uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (profile_id, band)
    );
    create index prevention_questionnaires_document on prevention_questionnaires (document_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table prevention_questionnaires`.execute(db);
}
