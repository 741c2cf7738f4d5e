import { type Kysely, sql } from 'kysely';

/**
 * MEA-1, MEA-2: health measures of a profile; MEA-7: a target range per measure type.
 * A blood-pressure reading is ONE row: `value` is the systolic pressure, `value2` the diastolic
 * (null for every other type), so a reading never loses a half. Computed measures (IMC, GMI) are not
 * stored: they are derived when read (MEA-3, MEA-5).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table measures (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      type text not null check (type in ('WEIGHT','HEIGHT','WAIST_CIRCUMFERENCE','HEAD_CIRCUMFERENCE','BODY_TEMPERATURE',
        'BLOOD_PRESSURE','HEART_RATE','GLUCOSE','INTERSTITIAL_GLUCOSE','GLYCATED_HEMOGLOBIN','PAIN_SEVERITY','STEPS_BY_DAY')),
      value numeric(10,3) not null,
      value2 numeric(10,3),
      unit text not null,
      effective_at timestamptz not null,
      source text not null check (source in ('PATIENT','SERVICE_TIERS','DOCUMENT_EXTRACTION','PS')),
      source_ref text,
      created_by_account uuid references accounts(id) on delete set null,
      created_at timestamptz not null default now(),
      check ((type = 'BLOOD_PRESSURE') = (value2 is not null))
    );
    create index measures_profile_type_time on measures (profile_id, type, effective_at desc, id desc);

    create table measure_targets (
      profile_id uuid not null references profiles(id),
      type text not null,
      low numeric(10,3),
      high numeric(10,3),
      low2 numeric(10,3),
      high2 numeric(10,3),
      updated_at timestamptz not null,
      updated_by_account uuid references accounts(id) on delete set null,
      primary key (profile_id, type),
      check (low is null or high is null or low < high),
      check (low2 is null or high2 is null or low2 < high2)
    );
  `.execute(db);
}
