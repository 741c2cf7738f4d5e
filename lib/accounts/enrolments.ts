import type { Db } from '@/db/client';
import { ActivationRefusedError } from '@/lib/auth/errors';

/** An activation in progress (between the code check and the email confirmation), 30 minutes at most. */
export async function findEnrolment(db: Db, enrolmentId: string, now: Date) {
  const row = await db.selectFrom('enrolments').innerJoin('profiles', 'profiles.id', 'enrolments.profile_id')
    .select(['enrolments.id', 'enrolments.profile_id', 'enrolments.code_id', 'enrolments.identifiant', 'enrolments.password_hash',
      'enrolments.email', 'enrolments.expires_at', 'profiles.birth_name', 'profiles.first_names', 'profiles.birth_date', 'profiles.email as profile_email'])
    .where('enrolments.id', '=', enrolmentId).executeTakeFirst();
  if (!row || row.expires_at <= now) {
    throw new ActivationRefusedError('activation.session-expired', 'Votre activation a expiré : recommencez depuis la première étape.');
  }
  return row;
}
