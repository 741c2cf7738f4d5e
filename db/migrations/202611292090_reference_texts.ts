import { type Kysely, sql } from 'kysely';

/**
 * BO-7, PRV-7: reference texts as versioned data — the « Pourquoi ce message ? » sentences, one template
 * per criterion with placeholders (« Vous avez {age} {ans}. »). A version and its texts are append-only:
 * a change is a new version with its own effective date. Version 1 holds the sentences built in code
 * until now, so nothing changes for users.
 * BO-7, PRV-1: who published each prevention calendar edition from the back-office, when and why.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reference_text_versions (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('WHY_MESSAGE')),
      number integer not null check (number > 0),
      effective_from timestamptz not null,
      note text not null default '',
      created_by uuid references staff_users(id),
      created_at timestamptz not null default now(),
      unique (kind, number)
    );
    create index reference_text_versions_effective on reference_text_versions (kind, effective_from desc, number desc);

    create table reference_texts (
      version_id uuid not null references reference_text_versions(id),
      key text not null,
      template text not null check (char_length(template) between 1 and 500),
      primary key (version_id, key)
    );

    create function reference_texts_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'reference texts are append-only: publish a new version (BO-7)';
    end $$;
    create trigger reference_text_versions_no_update before update or delete on reference_text_versions
      for each row execute function reference_texts_append_only();
    create trigger reference_texts_no_update before update or delete on reference_texts
      for each row execute function reference_texts_append_only();

    create table prevention_calendar_publications (
      id uuid primary key default gen_random_uuid(),
      programme text not null,
      edition text not null,
      effective_day date not null,
      items integer not null,
      note text not null,
      created_by uuid not null references staff_users(id),
      created_at timestamptz not null default now(),
      unique (programme, edition)
    );
  `.execute(db);

  const { rows } = await sql<{ id: string }>`
    insert into reference_text_versions (kind, number, effective_from, note)
    values ('WHY_MESSAGE', 1, '2024-01-01T00:00:00Z', 'Textes initiaux')
    returning id`.execute(db);
  const versionId = rows[0]!.id;
  const texts: [string, string][] = [
    ['AGE', 'Vous avez {age} {ans}.'],
    ['SEX_FEMALE', 'Vous êtes une femme.'],
    ['SEX_MALE', 'Vous êtes un homme.'],
    ['DEPARTEMENT', 'Vous habitez {departement}.'],
    ['HISTORY_PRESENT', 'Un remboursement de type « {categorie} » figure dans vos {mois} derniers mois.'],
    ['HISTORY_ABSENT', 'Aucun remboursement de type « {categorie} » ne figure dans vos {mois} derniers mois.'],
    ['NO_CRITERIA', 'Ce message s’adresse à toutes les personnes ayant un profil Mon espace santé actif.'],
  ];
  for (const [key, template] of texts) {
    await sql`insert into reference_texts (version_id, key, template) values (${versionId}, ${key}, ${template})`.execute(db);
  }
}
