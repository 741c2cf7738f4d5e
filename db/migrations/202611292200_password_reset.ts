import { type Kysely, sql } from 'kysely';

/** ACT-14: « Mot de passe oublié » sends its own one-time code (PASSWORD_RESET), never usable to sign in. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table otp_challenges drop constraint otp_challenges_purpose_check;
    alter table otp_challenges add constraint otp_challenges_purpose_check
      check (purpose in ('ENROLMENT_EMAIL','PATIENT_LOGIN','STAFF_LOGIN','DATA_EXPORT','CONTACT_EMAIL','CONTACT_MOBILE','PASSWORD_RESET'));
  `.execute(db);
}
