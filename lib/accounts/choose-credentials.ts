import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { checkIdentifiant, checkPassword } from '@/lib/auth/credential-rules';
import { issueOtp } from '@/lib/auth/otp-challenges';
import { hashPassword } from '@/lib/auth/passwords';
import { ValidationError } from '@/lib/errors';
import { findEnrolment } from './enrolments';

export type CredentialsInput = { identifiant: string; password: string; passwordConfirmation: string; email: string };

/** ACT-7, ACT-8, ACT-9: the person picks identifiant and password, then we send a code to their email. */
export async function chooseCredentials(db: Db, enrolmentId: string, input: CredentialsInput, now: Date): Promise<{ challengeId: string }> {
  const enrolment = await findEnrolment(db, enrolmentId, now);
  const identifiant = input.identifiant.trim();
  const idErrors = checkIdentifiant(identifiant);
  if (idErrors.length) throw new ValidationError('activation.identifiant', idErrors.join(' '), 'identifiant');
  const pwErrors = checkPassword(input.password, {
    identifiant, birthName: enrolment.birth_name, firstNames: enrolment.first_names, birthDate: enrolment.birth_date,
  });
  if (pwErrors.length) throw new ValidationError('activation.password', pwErrors.join(' '), 'password');
  if (input.password !== input.passwordConfirmation) {
    throw new ValidationError('activation.password-confirmation', 'Les deux mots de passe saisis sont différents.', 'passwordConfirmation');
  }
  // A reopened profile may keep its own identifiant (CLO-6).
  const taken = await db.selectFrom('accounts').select('id').where(sql`lower(identifiant)`, '=', identifiant.toLowerCase())
    .where(sql<boolean>`profile_id is distinct from ${enrolment.profile_id}::uuid`).executeTakeFirst();
  if (taken) throw new ValidationError('activation.identifiant-taken', 'Cet identifiant est déjà utilisé : choisissez-en un autre.', 'identifiant');
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('enrolments').set({ identifiant, password_hash: passwordHash, email }).where('id', '=', enrolment.id).execute();
    const challengeId = await issueOtp(trx, { purpose: 'ENROLMENT_EMAIL', subjectId: enrolment.id, email }, now);
    return { challengeId };
  });
}

/** "Renvoyer le code" during activation (ACT-11 caps apply). */
export async function resendEnrolmentOtp(db: Db, enrolmentId: string, now: Date): Promise<{ challengeId: string }> {
  const enrolment = await findEnrolment(db, enrolmentId, now);
  if (!enrolment.email) throw new ValidationError('activation.no-email', 'Indiquez d’abord votre adresse électronique.', 'email');
  const email = enrolment.email;
  return db.transaction().execute(async (trx) => ({
    challengeId: await issueOtp(trx, { purpose: 'ENROLMENT_EMAIL', subjectId: enrolment.id, email }, now),
  }));
}
