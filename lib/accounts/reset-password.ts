import type { Db } from '@/db/client';
import type { PublicPersonActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { OtpRateLimitedError } from '@/lib/auth/errors';
import { issueOtp, verifyOtp } from '@/lib/auth/otp-challenges';
import { DomainError } from '@/lib/errors';
import { normalizeNir } from '@/lib/identity/nir';
import { carteVitaleMatches } from '@/lib/auth/credential-rules';
import { checkedNewPassword, storeNewPassword } from './change-credentials';
import { ensureCodeAttemptAllowed, recordCodeFailure } from './code-attempts';

/**
 * ACT-14 « Mot de passe oublié », in three steps without a session:
 * 1. NIR (with its key) + Vitale serial + date of birth, matched like activation (ACT-4), of an ACTIVE profile that
 *    has an account → a 6-digit code (ACT-11) to the account's verified email. Any mismatch gets one generic message;
 *    failures share the profile's ACT-5 counter with activation (30 s wait from the 3rd, 30 min lock at 5 in 24 h).
 * 2. The code (its own purpose, PASSWORD_RESET: it can never finish a login).
 * 3. The new password (ACT-8, different from the old one), within 10 minutes of the code; then the person signs in
 *    normally (ACT-10). Sessions opened before end (`password_changed_at`), the login lock is lifted, NOT-4, traced.
 * Between steps the caller keeps only the challenge id (an httpOnly cookie), never the NIR.
 */
export const RESET_TRACE = 'account.password.reset';
const PURPOSE = 'PASSWORD_RESET' as const;
const ONLINE: PublicPersonActor = { kind: 'PUBLIC' };
/** Step 3 must follow step 2 within the code's own validity (ACT-11). */
export const RESET_WINDOW_MS = 10 * 60_000;

export const RESET_FIELDS = { newPassword: 'newPassword', newPasswordConfirmation: 'newPasswordConfirmation' } as const;

export const RESET_MISMATCH_FR =
  'Les informations saisies ne permettent pas de retrouver un compte Mon espace santé. Vérifiez votre numéro de sécurité sociale, ' +
  'le numéro de série de votre carte Vitale et votre date de naissance.';

export class PasswordResetRefusedError extends DomainError {
  constructor(code: string, message: string, field?: string) { super(code, message, field); }
}

/** Told only once the identity matched (like ACT-4): what the holder of a profile in this state can do. */
function unavailable(state: string): PasswordResetRefusedError {
  return new PasswordResetRefusedError('reset.profile-unavailable', state === 'SUSPENDED'
    ? 'Votre profil est suspendu par l’Assurance Maladie : son mot de passe ne peut pas être réinitialisé. Pour en savoir plus, appelez le 3422.'
    : state === 'CLOSED' || state === 'DELETION_REQUESTED'
      ? 'Votre profil est fermé : son mot de passe ne peut pas être réinitialisé. Pour le rouvrir, demandez un nouveau code provisoire (« Recevoir un nouveau code ») puis activez-le à nouveau.'
      : 'Le mot de passe de ce profil ne peut pas être réinitialisé en ligne dans son état actuel. Appelez le 3422.');
}

const expired = () => new PasswordResetRefusedError('reset.expired',
  'Votre demande de nouveau mot de passe a expiré ou a déjà servi : recommencez depuis la première étape.');

export type ResetIdentityInput = { nir: string; vitaleSerial: string; birthDate: string };

/** Step 1: the identity, then the code to the verified email. Returns the challenge id the next steps need. */
export async function startPasswordReset(db: Db, input: ResetIdentityInput, now: Date): Promise<{ challengeId: string }> {
  const profile = await db.selectFrom('profiles')
    .select(['id', 'state', 'vitale_serial', 'birth_date', 'activation_streak', 'activation_last_failure_at'])
    .where('nir', '=', normalizeNir(input.nir)).executeTakeFirst();
  if (!profile) throw new PasswordResetRefusedError('reset.mismatch', RESET_MISMATCH_FR);

  // ACT-5, per profile: the same counter as activation, so alternating the two pages buys no extra tries.
  const failures = await ensureCodeAttemptAllowed(db, profile, { actor: ONLINE, action: RESET_TRACE }, now,
    { prefix: 'reset', blocked: 'la demande de nouveau mot de passe', error: PasswordResetRefusedError });

  const account = await db.selectFrom('accounts').select(['id', 'email', 'email_verified_at'])
    .where('profile_id', '=', profile.id).executeTakeFirst();
  const matches = carteVitaleMatches(profile, input);
  if (!matches || !account) {
    await recordCodeFailure(db, profile.id, failures.length, { actor: ONLINE, action: RESET_TRACE, denied: 'identity-mismatch' }, now);
    throw new PasswordResetRefusedError('reset.mismatch', RESET_MISMATCH_FR);
  }
  if (profile.state !== 'ACTIVE') {
    await recordAccess(db, { actor: ONLINE, action: RESET_TRACE, profileId: profile.id, at: now, denied: 'profile-unavailable' });
    throw unavailable(profile.state);
  }
  if (!account.email_verified_at) {
    await recordAccess(db, { actor: ONLINE, action: RESET_TRACE, profileId: profile.id, at: now, denied: 'no-verified-email' });
    throw new PasswordResetRefusedError('reset.no-email',
      'Aucune adresse électronique vérifiée n’est associée à votre compte : nous ne pouvons pas vous envoyer de code. Appelez le 3422.');
  }
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ activation_streak: 0 }).where('id', '=', profile.id).execute();
    // ACT-11 caps (60 s, 5 an hour); on this page the message belongs to no field.
    const challengeId = await issueOtp(trx, { purpose: PURPOSE, subjectId: account.id, email: account.email }, now).catch((e: unknown) => {
      throw e instanceof OtpRateLimitedError ? new OtpRateLimitedError(e.message, undefined) : e;
    });
    return { challengeId };
  });
}

/** « Recevoir un nouveau code » on step 2 (ACT-11 caps). Returns the new challenge id. */
export async function resendPasswordResetCode(db: Db, challengeId: string, now: Date): Promise<{ challengeId: string }> {
  const ch = await db.selectFrom('otp_challenges').select(['subject_id', 'destination'])
    .where('id', '=', challengeId).where('purpose', '=', PURPOSE).executeTakeFirst();
  if (!ch) throw expired();
  return db.transaction().execute(async (trx) =>
    ({ challengeId: await issueOtp(trx, { purpose: PURPOSE, subjectId: ch.subject_id, email: ch.destination }, now) }));
}

/** Step 2: the code (5 wrong entries void it, 10 minutes, single use). */
export async function verifyPasswordResetCode(db: Db, input: { challengeId: string; otp: string }, now: Date): Promise<void> {
  await verifyOtp(db, { challengeId: input.challengeId, purpose: PURPOSE, otp: input.otp }, now);
}

/** The account a verified, recent, not yet spent challenge opens step 3 for; undefined otherwise. */
async function verifiedReset(db: Db, challengeId: string, now: Date) {
  const row = await db.selectFrom('otp_challenges').innerJoin('accounts', 'accounts.id', 'otp_challenges.subject_id')
    .innerJoin('profiles', 'profiles.id', 'accounts.profile_id')
    .select(['otp_challenges.used_at', 'accounts.id as accountId', 'accounts.profile_id as profileId', 'accounts.identifiant', 'accounts.email',
      'accounts.password_hash as passwordHash', 'accounts.password_changed_at', 'profiles.state', 'profiles.birth_name', 'profiles.first_names', 'profiles.birth_date'])
    .where('otp_challenges.id', '=', challengeId).where('otp_challenges.purpose', '=', PURPOSE).executeTakeFirst();
  const usedAt = row?.used_at;
  if (!row || !usedAt || now.getTime() - usedAt.getTime() >= RESET_WINDOW_MS) return undefined;
  // One code, one new password: a reset (or a change) after this code was typed closes it.
  if (row.password_changed_at && row.password_changed_at.getTime() >= usedAt.getTime()) return undefined;
  return row;
}

/** Whether step 3 may show (the page redirects to step 1 otherwise). */
export async function passwordResetReady(db: Db, challengeId: string, now: Date): Promise<boolean> {
  return (await verifiedReset(db, challengeId, now)) !== undefined;
}

export type NewPasswordInput = { challengeId: string; newPassword: string; newPasswordConfirmation: string };

/** Step 3: the new password under ACT-8, different from the old one; then every former session and pending login ends. */
export async function completePasswordReset(db: Db, input: NewPasswordInput, now: Date): Promise<void> {
  const a = await verifiedReset(db, input.challengeId, now);
  if (!a) throw expired();
  if (a.state !== 'ACTIVE') throw unavailable(a.state);
  const owner = { ...a, birthName: a.birth_name, firstNames: a.first_names, birthDate: a.birth_date };
  const passwordHash = await checkedNewPassword(owner, input, RESET_FIELDS);
  await db.transaction().execute(async (trx) => {
    if (!await storeNewPassword(trx, owner, passwordHash, now)) throw expired();
    await recordAccess(trx, { actor: ONLINE, action: RESET_TRACE, profileId: a.profileId, at: now, target: { type: 'account-password', id: 'reset' } });
  });
}
