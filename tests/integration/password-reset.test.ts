import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { IDENTIFIANT_SENT_FR, sendForgottenIdentifiant } from '@/lib/accounts/forgotten-identifiant';
import {
  RESET_MISMATCH_FR, completePasswordReset, passwordResetReady, resendPasswordResetCode, startPasswordReset, verifyPasswordResetCode,
} from '@/lib/accounts/reset-password';
import { BadCredentialsError } from '@/lib/auth/errors';
import { issueTicket, redeemTicket } from '@/lib/auth/login-tickets';
import { completeLogin, startLogin } from '@/lib/auth/password-login';
import { unseal } from '@/lib/auth/secrets';
import { patientSession } from '@/lib/auth/session';
import { closeRedis } from '@/lib/runtime/redis';
import { anActivePatient, type ActivePatient } from '../factories';
import { emailsTo, latestEmail, latestOtp } from '../support/outbox';

/** ACT-14: « Mot de passe oublié » (NIR + Vitale serial + date of birth, then a code, then ACT-8) and « Identifiant oublié ». */
const db = getDb();
afterAll(async () => { await closeDb(); await closeRedis(); });

const NEW_PASSWORD = 'Nouvelle-Marée-84?';
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const identity = (p: ActivePatient) => ({ nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate });
const traces = (profileId: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_type', 'target_id', 'actor_type'])
  .where('profile_id', '=', profileId).where('action', '=', 'account.password.reset').orderBy('id').execute();

/** Steps 1 and 2, as the person would do them: the code is read from the email it went to. */
async function codeTyped(p: ActivePatient, at: Date): Promise<string> {
  const { challengeId } = await startPasswordReset(db, identity(p), at);
  const mail = await latestEmail(db, p.email, 'otp');
  expect(mail?.payload).toMatchObject({ data: { purpose: 'password-reset' } });
  await verifyPasswordResetCode(db, { challengeId, otp: await latestOtp(db, p.email) }, later(at, SECOND));
  return challengeId;
}
const reset = (challengeId: string, at: Date, newPassword = NEW_PASSWORD, newPasswordConfirmation = newPassword) =>
  completePasswordReset(db, { challengeId, newPassword, newPasswordConfirmation }, at);

describe('ACT-14: « Mot de passe oublié »', () => {
  test('happy path: the old password no longer signs in, the new one does (then its code, ACT-10); lock lifted; NOT-4; traced', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    // ACT-12: the account was locked by wrong passwords; the reset lifts the lock.
    for (let i = 0; i < 5; i++) await startLogin(db, 'patient', { identifiant: p.identifiant, password: 'Pas-Le-Bon-1!' }, t0).catch(() => undefined);
    const challengeId = await codeTyped(p, later(t0, SECOND));
    expect(await passwordResetReady(db, challengeId, later(t0, 2 * SECOND))).toBe(true);
    await reset(challengeId, later(t0, 3 * SECOND));

    const account = await db.selectFrom('accounts').select(['password_failures', 'locked_until', 'password_changed_at'])
      .where('id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(account).toEqual({ password_failures: 0, locked_until: null, password_changed_at: later(t0, 3 * SECOND) });
    await expect(startLogin(db, 'patient', { identifiant: p.identifiant, password: p.password }, later(t0, MINUTE)))
      .rejects.toBeInstanceOf(BadCredentialsError);
    const { challengeId: loginChallenge } = await startLogin(db, 'patient', { identifiant: p.identifiant, password: NEW_PASSWORD }, later(t0, 2 * MINUTE));
    const ticket = await completeLogin(db, 'patient', { challengeId: loginChallenge, otp: await latestOtp(db, p.email) }, later(t0, 2 * MINUTE));
    expect(await redeemTicket(db, ticket, later(t0, 2 * MINUTE))).toEqual({ audience: 'patient', subjectId: p.accountId });

    const notices = (await emailsTo(db, p.email, 'notification')).map((m) => (m.payload as { data: { kind: string; securityEvent?: string } }).data);
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'SECURITY', securityEvent: 'password' }));
    expect(await traces(p.profileId)).toEqual([expect.objectContaining({ outcome: 'OK', target_type: 'account-password', target_id: 'reset', actor_type: 'PATIENT' })]);
    // One code, one new password: the same step-3 state cannot set another one.
    expect(await passwordResetReady(db, challengeId, later(t0, 4 * SECOND))).toBe(false);
    await expect(reset(challengeId, later(t0, 4 * SECOND), 'Encore-Autre-91?')).rejects.toMatchObject({ code: 'reset.expired' });
  });

  test('ACT-15: sessions, pending login codes and sign-in tickets from before the reset are refused', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    const { challengeId: halfLogin } = await startLogin(db, 'patient', { identifiant: p.identifiant, password: p.password }, t0);
    const halfLoginOtp = await latestOtp(db, p.email);
    const ticket = await issueTicket(db, 'patient', p.accountId, t0);
    expect(await patientSession(db, p.accountId, t0.getTime())).not.toBeNull();
    const challengeId = await codeTyped(p, later(t0, SECOND));
    await reset(challengeId, later(t0, 3 * SECOND));
    expect(await patientSession(db, p.accountId, t0.getTime())).toBeNull();
    await expect(completeLogin(db, 'patient', { challengeId: halfLogin, otp: halfLoginOtp }, later(t0, 4 * SECOND))).rejects.toMatchObject({ field: 'otp' });
    expect(await redeemTicket(db, ticket, later(t0, 4 * SECOND))).toBeNull();
  });

  test('ACT-4-like: a wrong Vitale serial, a wrong birth date and an unknown NIR all get the same message; no code is sent; failures counted (ACT-5)', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    const before = (await emailsTo(db, p.email, 'otp')).length;
    const wrongSerial = startPasswordReset(db, { ...identity(p), vitaleSerial: '10987654321' }, t0);
    await expect(wrongSerial).rejects.toMatchObject({ code: 'reset.mismatch', message: RESET_MISMATCH_FR, field: undefined });
    const wrongBirth = startPasswordReset(db, { ...identity(p), birthDate: '1901-01-01' }, later(t0, SECOND));
    await expect(wrongBirth).rejects.toMatchObject({ code: 'reset.mismatch', message: RESET_MISMATCH_FR, field: undefined });
    const unknown = startPasswordReset(db, { ...identity(p), nir: '1' + p.nir.slice(1, 13) + '00' }, later(t0, 2 * SECOND));
    await expect(unknown).rejects.toMatchObject({ code: 'reset.mismatch', message: RESET_MISMATCH_FR });
    expect(await emailsTo(db, p.email, 'otp')).toHaveLength(before);
    expect(await traces(p.profileId)).toEqual([
      expect.objectContaining({ outcome: 'DENIED', reason: 'identity-mismatch' }), expect.objectContaining({ outcome: 'DENIED', reason: 'identity-mismatch' })]);
    // The 3rd consecutive failure: a 30-second wait before the next try, even with the right identity.
    await expect(startPasswordReset(db, { ...identity(p), vitaleSerial: '10987654321' }, later(t0, 3 * SECOND))).rejects.toMatchObject({ code: 'reset.mismatch' });
    await expect(startPasswordReset(db, identity(p), later(t0, 4 * SECOND))).rejects.toMatchObject({ code: 'reset.wait' });
    await expect(startPasswordReset(db, identity(p), later(t0, 40 * SECOND))).resolves.toMatchObject({ challengeId: expect.any(String) });
  });

  test('a closed or suspended profile cannot reset its password, told plainly once the identity matched', async () => {
    const closed = await anActivePatient(db);
    await db.updateTable('profiles').set({ state: 'CLOSED' }).where('id', '=', closed.profileId).execute();
    await expect(startPasswordReset(db, identity(closed), new Date())).rejects.toMatchObject({ code: 'reset.profile-unavailable', message: expect.stringContaining('fermé') });
    const suspended = await anActivePatient(db);
    await db.updateTable('profiles').set({ state: 'SUSPENDED' }).where('id', '=', suspended.profileId).execute();
    await expect(startPasswordReset(db, identity(suspended), new Date())).rejects.toMatchObject({ code: 'reset.profile-unavailable', message: expect.stringContaining('suspendu') });
    expect(await emailsTo(db, closed.email, 'otp')).toHaveLength(1); // the activation one only
  });

  test('ACT-11: a wrong code is counted, an expired code is refused, a login code cannot stand in for the reset code', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    const { challengeId } = await startPasswordReset(db, identity(p), t0);
    const otp = await latestOtp(db, p.email);
    const wrong = otp === '000000' ? '111111' : '000000';
    await expect(verifyPasswordResetCode(db, { challengeId, otp: wrong }, later(t0, SECOND)))
      .rejects.toMatchObject({ code: 'otp.wrong', message: 'Code incorrect. Il vous reste 4 essais.' });
    expect(await passwordResetReady(db, challengeId, later(t0, SECOND))).toBe(false);
    await expect(reset(challengeId, later(t0, 2 * SECOND))).rejects.toMatchObject({ code: 'reset.expired' });
    await expect(verifyPasswordResetCode(db, { challengeId, otp }, later(t0, 10 * MINUTE))).rejects.toMatchObject({ code: 'otp.expired' });

    // A new code (after 60 s): a login challenge id is no reset challenge.
    const { challengeId: fresh } = await resendPasswordResetCode(db, challengeId, later(t0, 11 * MINUTE));
    const { challengeId: loginChallenge } = await startLogin(db, 'patient', { identifiant: p.identifiant, password: p.password }, later(t0, 11 * MINUTE));
    await expect(verifyPasswordResetCode(db, { challengeId: loginChallenge, otp: await latestOtp(db, p.email) }, later(t0, 11 * MINUTE)))
      .rejects.toMatchObject({ code: 'otp.unknown' });
    expect(fresh).not.toBe(challengeId);
  });

  test('step 3 closes 10 minutes after the code was typed', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    const challengeId = await codeTyped(p, t0);
    await expect(reset(challengeId, later(t0, 11 * MINUTE))).rejects.toMatchObject({ code: 'reset.expired' });
  });

  test('ACT-8: a weak password, the old one again, or a wrong confirmation are refused on their field; nothing changes', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    const challengeId = await codeTyped(p, t0);
    await expect(reset(challengeId, later(t0, 2 * SECOND), 'motdepasse')).rejects.toMatchObject({
      field: 'newPassword', message: expect.stringContaining('Le mot de passe doit contenir au moins une lettre majuscule.') });
    await expect(reset(challengeId, later(t0, 2 * SECOND), `Camille-${p.birthDate.slice(0, 4)}!x`)).rejects.toMatchObject({ field: 'newPassword' });
    await expect(reset(challengeId, later(t0, 2 * SECOND), p.password)).rejects.toMatchObject({
      field: 'newPassword', message: 'Le nouveau mot de passe doit être différent du mot de passe actuel.' });
    await expect(reset(challengeId, later(t0, 2 * SECOND), NEW_PASSWORD, 'Autre-Chose-12!')).rejects.toMatchObject({ field: 'newPasswordConfirmation' });
    await expect(startLogin(db, 'patient', { identifiant: p.identifiant, password: p.password }, later(t0, 3 * SECOND))).resolves.toMatchObject({ email: p.email });
    await reset(challengeId, later(t0, 4 * SECOND)); // still within the window after refusals
  });
});

describe('ACT-14: « Identifiant oublié »', () => {
  const reminders = (to: string) => emailsTo(db, to, 'identifiant-reminder');

  test('a verified address receives its identifiant; an unknown one gets the same answer and no email; both traced', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    await expect(sendForgottenIdentifiant(db, { email: `  ${p.email.toUpperCase()} ` }, t0)).resolves.toBe(IDENTIFIANT_SENT_FR);
    const [mail, ...more] = await reminders(p.email);
    expect(more).toEqual([]);
    expect(JSON.parse(unseal(mail!.sealed!))).toEqual({ identifiants: p.identifiant });
    expect(JSON.stringify(mail!.payload)).not.toContain(p.identifiant); // only sealed until sent
    expect(await db.selectFrom('access_events').select(['outcome', 'target_id']).where('profile_id', '=', p.profileId)
      .where('action', '=', 'account.identifiant.reminder').execute()).toEqual([{ outcome: 'OK', target_id: 'sent' }]);

    const stranger = `inconnu.${randomInt(1e9)}@exemple.test`;
    await expect(sendForgottenIdentifiant(db, { email: stranger }, t0)).resolves.toBe(IDENTIFIANT_SENT_FR);
    expect(await reminders(stranger)).toEqual([]);
  });

  test('ACT-11-like caps: 60 s between requests and 5 an hour per address, known or not', async () => {
    const p = await anActivePatient(db);
    const t0 = new Date();
    await sendForgottenIdentifiant(db, { email: p.email }, t0);
    await expect(sendForgottenIdentifiant(db, { email: p.email }, later(t0, 30 * SECOND))).rejects.toMatchObject({ code: 'identifiant.rate-limited' });
    for (let i = 1; i < 5; i++) await sendForgottenIdentifiant(db, { email: p.email }, later(t0, i * 2 * MINUTE));
    await expect(sendForgottenIdentifiant(db, { email: p.email }, later(t0, 12 * MINUTE))).rejects.toMatchObject({
      code: 'identifiant.rate-limited', message: expect.stringContaining('Trop de demandes') });
    expect(await reminders(p.email)).toHaveLength(5);
    const stranger = `inconnu.${randomInt(1e9)}@exemple.test`;
    await sendForgottenIdentifiant(db, { email: stranger }, t0);
    await expect(sendForgottenIdentifiant(db, { email: stranger }, later(t0, 30 * SECOND))).rejects.toMatchObject({ code: 'identifiant.rate-limited' });
  });
});
