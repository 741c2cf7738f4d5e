import { type Kysely, sql } from 'kysely';

/**
 * FS-1: France Services advisor accounts managed from the back-office. Who created an account, when it was
 * deactivated and by whom, when its password was chosen (null: invited, or voided by a reset) and its last
 * login; single-use « choisir votre mot de passe » links, kept only as keyed hashes, valid 72 hours.
 * Existing rows keep their password: `password_set_at` defaults to now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table staff_users
      add column created_by uuid references staff_users(id),
      add column password_set_at timestamptz default now(),
      add column last_login_at timestamptz,
      add column deactivated_at timestamptz,
      add column deactivated_by uuid references staff_users(id);
    update staff_users set password_set_at = created_at;
    create index staff_users_advisors on staff_users (lower(display_name), id) where kind = 'ADVISOR';
    create index staff_users_email_ci on staff_users (lower(email));

    create table staff_password_tokens (
      id uuid primary key default gen_random_uuid(),
      staff_id uuid not null references staff_users(id),
      token_hash text not null unique,
      purpose text not null check (purpose in ('INVITE', 'RESET')),
      created_by uuid references staff_users(id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      voided_at timestamptz
    );
    create index staff_password_tokens_staff on staff_password_tokens (staff_id) where used_at is null and voided_at is null;
  `.execute(db);
}
