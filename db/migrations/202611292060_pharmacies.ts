import { type Kysely, sql } from 'kysely';

/**
 * MSG-3(b): pharmacies (FINESS, organisational mailbox), the dispensing pharmacy of a reimbursed line
 * (optional column `finess_dispensateur` of the reimbursement feed), and conversations with a pharmacy
 * (read by the pharmacists of that FINESS) — a conversation has exactly one counterpart: a professional
 * or a pharmacy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table pharmacies (
      finess text primary key check (finess ~ '^[0-9][0-9AB][0-9]{7}$'),
      name text not null check (length(name) between 1 and 200),
      city text not null check (length(city) between 1 and 100),
      organisational_mailbox boolean not null default false,
      created_at timestamptz not null default now()
    );
    alter table care_episodes add column dispenser_finess text;
    create index care_episodes_dispensations on care_episodes (profile_id, dispenser_finess, care_date) where dispenser_finess is not null;
    alter table care_history_staging add column dispenser_finess text;
    alter table conversations add column pharmacy_finess text references pharmacies(finess);
    alter table conversations alter column professional_id drop not null;
    alter table conversations add constraint conversations_one_counterpart check ((professional_id is null) <> (pharmacy_finess is null));
    create index conversations_pharmacy on conversations (pharmacy_finess, last_message_at desc) where pharmacy_finess is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from conversations where pharmacy_finess is not null;
    alter table conversations drop constraint conversations_one_counterpart;
    alter table conversations alter column professional_id set not null;
    alter table conversations drop column pharmacy_finess;
    alter table care_history_staging drop column dispenser_finess;
    alter table care_episodes drop column dispenser_finess;
    drop table pharmacies;
  `.execute(db);
}
