import { type Kysely, sql } from 'kysely';

/**
 * PRO-9, BO-7: the matrice d'habilitation as versioned data. A version and its rules are append-only
 * once written (a trigger, like the traces' AUD-7 guard): a change is always a new version with its
 * own effective date, never an edit in place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matrix_versions (
      id uuid primary key default gen_random_uuid(),
      number integer not null unique check (number > 0),
      effective_from timestamptz not null,
      note text not null default '',
      created_by uuid references staff_users(id),
      created_at timestamptz not null default now()
    );
    create index matrix_versions_effective on matrix_versions (effective_from desc, number desc);

    create table matrix_rules (
      version_id uuid not null references matrix_versions(id),
      profession_code text not null,
      specialty text,
      target_kind text not null check (target_kind in ('TYPE','CATEGORY')),
      target_code text not null,
      decision text not null check (decision in ('ALLOW','DENY'))
    );
    create unique index matrix_rules_key on matrix_rules (version_id, profession_code, coalesce(specialty, ''), target_kind, target_code);

    create function matrix_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the access matrix is append-only: publish a new version (PRO-9, BO-7)';
    end $$;
    create trigger matrix_versions_no_update before update or delete on matrix_versions
      for each row execute function matrix_append_only();
    create trigger matrix_versions_no_truncate before truncate on matrix_versions
      for each statement execute function matrix_append_only();
    create trigger matrix_rules_no_update before update or delete on matrix_rules
      for each row execute function matrix_append_only();
    create trigger matrix_rules_no_truncate before truncate on matrix_rules
      for each statement execute function matrix_append_only();

    -- A version's rules are written with it, in the same transaction; never added to it later.
    create function matrix_rules_with_version() returns trigger language plpgsql as $$
    begin
      if not exists (select from matrix_versions v where v.id = new.version_id and v.xmin = pg_current_xact_id()::xid) then
        raise exception 'rules are written with their version, in the same transaction (PRO-9, BO-7)';
      end if;
      return new;
    end $$;
    create trigger matrix_rules_same_transaction before insert on matrix_rules
      for each row execute function matrix_rules_with_version();
  `.execute(db);
}
