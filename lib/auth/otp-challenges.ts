import type { Kysely, Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB, OtpPurpose } from '@/db/schema';
import { enqueue } from '@/lib/queue/outbox';
import { OTP_MAX_WRONG, OTP_VALIDITY_MS, canSendOtp, generateOtp, otpDecision } from './codes';
import { OtpError, OtpRateLimitedError } from './errors';
import { hashSecret, sameHash } from './secrets';
import { formatRemainingFr } from './throttle-rules';

type Trx = Transaction<DB> | Kysely<DB>;

/** Which email wording goes with a purpose (emails/otp.tsx). */
const EMAIL_PURPOSE: Partial<Record<OtpPurpose, 'email-verification' | 'data-export' | 'password-reset'>> = {
  ENROLMENT_EMAIL: 'email-verification', CONTACT_EMAIL: 'email-verification', DATA_EXPORT: 'data-export', PASSWORD_RESET: 'password-reset',
};

/**
 * ACT-9..11: issues a 6-digit code to a verified (or being-verified) email — or, for a new mobile (FS-3,
 * « Mes coordonnées »), by SMS — through the outbox. A new code voids the subject's older unused ones;
 * sends are capped (60 s apart, 5 per hour).
 */
export async function issueOtp(trx: Trx, input: { purpose: OtpPurpose; subjectId: string } & ({ email: string } | { mobile: string }), now: Date): Promise<string> {
  const recent = await trx.selectFrom('otp_challenges').select('created_at')
    .where('purpose', '=', input.purpose).where('subject_id', '=', input.subjectId)
    .where('created_at', '>', new Date(now.getTime() - 3600_000)).execute();
  const gate = canSendOtp(recent.map((r) => r.created_at), now);
  if (!gate.ok) {
    throw new OtpRateLimitedError(gate.reason === 'too-soon'
      ? `Un code vient d’être envoyé. Vous pourrez en demander un autre dans ${formatRemainingFr(gate.retryAt, now)}.`
      : `Vous avez demandé trop de codes. Réessayez dans ${formatRemainingFr(gate.retryAt, now)}.`);
  }
  await trx.updateTable('otp_challenges').set({ voided_at: now })
    .where('purpose', '=', input.purpose).where('subject_id', '=', input.subjectId)
    .where('used_at', 'is', null).where('voided_at', 'is', null).execute();
  const otp = generateOtp();
  const row = await trx.insertInto('otp_challenges').values({
    purpose: input.purpose, subject_id: input.subjectId, destination: 'email' in input ? input.email : input.mobile,
    code_hash: hashSecret(`otp:${otp}`), created_at: now, expires_at: new Date(now.getTime() + OTP_VALIDITY_MS),
  }).returning('id').executeTakeFirstOrThrow();
  if ('mobile' in input) {
    await enqueue(trx, { kind: 'sms', to: input.mobile, secrets: { code: otp },
      text: 'Mon espace santé : votre code de vérification est {code}. Il est valable 10 minutes. Ne le communiquez à personne.' });
  } else {
    await enqueue(trx, { kind: 'email', secrets: { otp },
      message: { template: 'otp', to: input.email, data: { purpose: EMAIL_PURPOSE[input.purpose] ?? 'login' } } });
  }
  return row.id;
}

const MESSAGES = {
  expired: 'Ce code a expiré (il est valable 10 minutes). Demandez un nouveau code.',
  used: 'Ce code a déjà été utilisé. Demandez un nouveau code.',
  void: 'Ce code n’est plus valable après 5 erreurs de saisie. Demandez un nouveau code.',
  unknown: 'Aucun code en cours : demandez un nouveau code.',
};

/**
 * Checks a code; a wrong entry is counted (and committed) before the error is thrown, and the
 * 5th wrong entry voids the code. On success the code is spent and the subject id returned.
 */
export async function verifyOtp(db: Db, input: { challengeId: string; purpose: OtpPurpose; otp: string }, now: Date): Promise<{ subjectId: string; email: string }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const ch = await trx.selectFrom('otp_challenges').selectAll()
      .where('id', '=', input.challengeId).where('purpose', '=', input.purpose).forUpdate().executeTakeFirst();
    if (!ch) return { error: new OtpError('otp.unknown', MESSAGES.unknown) };
    const state = otpDecision({ expiresAt: ch.expires_at, usedAt: ch.used_at, wrongCount: ch.wrong_count, voidedAt: ch.voided_at }, now);
    if (state !== 'usable') return { error: new OtpError(`otp.${state}`, MESSAGES[state]) };
    if (!sameHash(ch.code_hash, hashSecret(`otp:${input.otp.trim()}`))) {
      const wrong = ch.wrong_count + 1;
      await trx.updateTable('otp_challenges')
        .set({ wrong_count: wrong, voided_at: wrong >= OTP_MAX_WRONG ? now : null }).where('id', '=', ch.id).execute();
      const left = OTP_MAX_WRONG - wrong;
      return { error: left > 0
        ? new OtpError('otp.wrong', `Code incorrect. Il vous reste ${left} essai${left > 1 ? 's' : ''}.`)
        : new OtpError('otp.void', MESSAGES.void) };
    }
    await trx.updateTable('otp_challenges').set({ used_at: now }).where('id', '=', ch.id).execute();
    return { subjectId: ch.subject_id, email: ch.destination };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}
