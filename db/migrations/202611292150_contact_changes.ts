import { type Kysely, sql } from 'kysely';

/**
 * « Mes coordonnées » and FS-3: a new email or mobile is confirmed by a one-time code sent to it
 * (CONTACT_EMAIL by email, CONTACT_MOBILE by SMS); an advisor's help with it is one more kind of
 * visit action (CONTACT) in the visit's summary.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table otp_challenges drop constraint otp_challenges_purpose_check;
    alter table otp_challenges add constraint otp_challenges_purpose_check
      check (purpose in ('ENROLMENT_EMAIL','PATIENT_LOGIN','STAFF_LOGIN','DATA_EXPORT','CONTACT_EMAIL','CONTACT_MOBILE'));
    alter table assisted_visit_actions drop constraint assisted_visit_actions_kind_check;
    alter table assisted_visit_actions add constraint assisted_visit_actions_kind_check
      check (kind in ('NOTIFICATIONS', 'NEW_CODE', 'OPPOSITION', 'ACTIVATION', 'CONTACT'));
  `.execute(db);
}
