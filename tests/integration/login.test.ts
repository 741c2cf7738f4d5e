import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { redeemTicket } from '@/lib/auth/login-tickets';
import { completeLogin, resendLoginOtp, startLogin, type Portal } from '@/lib/auth/password-login';
import { aStaffMember, anActivePatient, type ActivePatient } from '../factories';
import { emailsTo, latestOtp } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const WRONG_PASSWORD = 'Pas-Le-Bon-9!';

const login = (p: { identifiant: string }, password: string, now: Date, portal: Portal = 'patient') =>
  startLogin(db, portal, { identifiant: p.identifiant, password }, now);
const wrongOtp = (otp: string) => (otp === '000000' ? '111111' : '000000');

/** A patient activated an hour ago, so that activation codes and sends never interfere with the login. */
async function aPatient(now: Date): Promise<ActivePatient> {
  return anActivePatient(db, at(now, -60 * MINUTE));
}

async function lastTraceOf(profileId: string) {
  return db.selectFrom('access_events').select(['action', 'actor_type', 'actor_id', 'outcome', 'reason', 'channel'])
    .where('profile_id', '=', profileId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

describe('ACT-10: every login is identifiant + password + a code sent by email', () => {
  test('ACT-10: password, then the emailed code → a single-use ticket and an account.login trace on the profile', async () => {
    const now = new Date();
    const p = await aPatient(now);
    const { challengeId, email } = await login(p, p.password, now);
    expect(email).toBe(p.email);
    const ticket = await completeLogin(db, 'patient', { challengeId, otp: await latestOtp(db, p.email) }, at(now, 30 * SECOND));

    expect(await redeemTicket(db, ticket, at(now, 40 * SECOND))).toEqual({ audience: 'patient', subjectId: p.accountId });
    expect(await redeemTicket(db, ticket, at(now, 41 * SECOND))).toBeNull();
    expect(await lastTraceOf(p.profileId)).toMatchObject({ action: 'account.login', actor_type: 'PATIENT', actor_id: p.accountId, outcome: 'OK', channel: 'WEB' });
    const account = await db.selectFrom('accounts').select('last_login_at').where('id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(account.last_login_at).toEqual(at(now, 30 * SECOND));
  });

  test('ACT-10: the identifiant is not case-sensitive; a ticket not redeemed within a minute is refused', async () => {
    const now = new Date();
    const p = await aPatient(now);
    const { challengeId } = await login({ identifiant: p.identifiant.toUpperCase() }, p.password, now);
    const ticket = await completeLogin(db, 'patient', { challengeId, otp: await latestOtp(db, p.email) }, now);
    expect(await redeemTicket(db, ticket, at(now, 61 * SECOND))).toBeNull();
  });

  test('ACC-3: a SUSPENDED profile cannot log in, even with the right password, and no code is sent', async () => {
    const now = new Date();
    const p = await aPatient(now);
    const before = (await emailsTo(db, p.email, 'otp')).length;
    await db.updateTable('profiles').set({ state: 'SUSPENDED', previous_state: 'ACTIVE' }).where('id', '=', p.profileId).execute();
    await expect(login(p, p.password, now)).rejects.toMatchObject({ code: 'login.profile-unavailable' });
    expect(await emailsTo(db, p.email, 'otp')).toHaveLength(before);
  });
});

describe('ACT-12: wrong passwords', () => {
  test.each([
    ['a wrong password', (p: ActivePatient) => ({ identifiant: p.identifiant, password: WRONG_PASSWORD })],
    ['an unknown identifiant', (p: ActivePatient) => ({ identifiant: `${p.identifiant}x`, password: p.password })],
  ])('ACT-12: %s gets the same "incorrect" message and no code', async (_, input) => {
    const now = new Date();
    const p = await aPatient(now);
    const before = (await emailsTo(db, p.email, 'otp')).length;
    await expect(startLogin(db, 'patient', input(p), now))
      .rejects.toMatchObject({ code: 'login.bad-credentials', message: 'Identifiant ou mot de passe incorrect.' });
    expect(await emailsTo(db, p.email, 'otp')).toHaveLength(before);
  });

  test('AUD-1: a wrong password is traced DENIED on the profile', async () => {
    const now = new Date();
    const p = await aPatient(now);
    await expect(login(p, WRONG_PASSWORD, now)).rejects.toMatchObject({ code: 'login.bad-credentials' });
    expect(await lastTraceOf(p.profileId)).toMatchObject({ action: 'account.login', outcome: 'DENIED', reason: 'wrong-password' });
  });

  test('ACT-12 / NOT-4: the 5th wrong password in a row locks login for 15 minutes and sends a security email', async () => {
    const t0 = new Date();
    const p = await aPatient(t0);
    for (let i = 0; i < 4; i++) {
      await expect(login(p, WRONG_PASSWORD, at(t0, i * SECOND))).rejects.toMatchObject({ code: 'login.bad-credentials' });
    }
    expect(await emailsTo(db, p.email, 'security-alert')).toEqual([]);
    const fifth = at(t0, 4 * SECOND);
    await expect(login(p, WRONG_PASSWORD, fifth)).rejects.toMatchObject({ code: 'login.locked', message: expect.stringContaining('15 minutes') });
    const alerts = await emailsTo(db, p.email, 'security-alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.payload).toMatchObject({ template: 'security-alert', to: p.email, data: { event: 'login-locked' } });
    // NOT-4: the lock also waits in the holder's notification centre.
    expect(await db.selectFrom('notifications').select(['kind', 'data']).where('profile_id', '=', p.profileId).execute())
      .toEqual([{ kind: 'SECURITY', data: { securityEvent: 'lockout' } }]);

    await expect(login(p, p.password, at(fifth, 15 * MINUTE - SECOND))).rejects.toMatchObject({ code: 'login.locked' });
    await expect(login(p, p.password, at(fifth, 15 * MINUTE))).resolves.toHaveProperty('challengeId');
    // The right password started afresh: one more mistake is not a lock.
    await expect(login(p, WRONG_PASSWORD, at(fifth, 16 * MINUTE))).rejects.toMatchObject({ code: 'login.bad-credentials' });
  });

  test('ACT-12: only consecutive mistakes count — the right password in between resets the count', async () => {
    const t0 = new Date();
    const p = await aPatient(t0);
    for (let i = 0; i < 4; i++) await expect(login(p, WRONG_PASSWORD, at(t0, i * SECOND))).rejects.toMatchObject({ code: 'login.bad-credentials' });
    await login(p, p.password, at(t0, 5 * SECOND));
    for (let i = 0; i < 4; i++) await expect(login(p, WRONG_PASSWORD, at(t0, (6 + i) * SECOND))).rejects.toMatchObject({ code: 'login.bad-credentials' });
    expect(await emailsTo(db, p.email, 'security-alert')).toEqual([]);
  });
});

describe('ACT-11: the one-time code', () => {
  test('ACT-11: after 5 wrong entries the code is void, and the right one no longer works', async () => {
    const now = new Date();
    const p = await aPatient(now);
    const { challengeId } = await login(p, p.password, now);
    const otp = await latestOtp(db, p.email);
    for (let left = 4; left >= 1; left--) {
      await expect(completeLogin(db, 'patient', { challengeId, otp: wrongOtp(otp) }, now))
        .rejects.toMatchObject({ code: 'otp.wrong', message: expect.stringContaining(`reste ${left} essai`) });
    }
    await expect(completeLogin(db, 'patient', { challengeId, otp: wrongOtp(otp) }, now)).rejects.toMatchObject({ code: 'otp.void' });
    await expect(completeLogin(db, 'patient', { challengeId, otp }, now)).rejects.toMatchObject({ code: 'otp.void' });
  });

  test('ACT-11: a code is valid 10 minutes', async () => {
    const t0 = new Date();
    const p = await aPatient(t0);
    const first = await login(p, p.password, t0);
    await expect(completeLogin(db, 'patient', { challengeId: first.challengeId, otp: await latestOtp(db, p.email) }, at(t0, 10 * MINUTE - SECOND)))
      .resolves.toEqual(expect.any(String));

    const t1 = at(t0, 11 * MINUTE);
    const second = await login(p, p.password, t1);
    await expect(completeLogin(db, 'patient', { challengeId: second.challengeId, otp: await latestOtp(db, p.email) }, at(t1, 10 * MINUTE)))
      .rejects.toMatchObject({ code: 'otp.expired' });
  });

  test('ACT-11: a code works once', async () => {
    const now = new Date();
    const p = await aPatient(now);
    const { challengeId } = await login(p, p.password, now);
    const otp = await latestOtp(db, p.email);
    await completeLogin(db, 'patient', { challengeId, otp }, now);
    await expect(completeLogin(db, 'patient', { challengeId, otp }, at(now, SECOND))).rejects.toMatchObject({ code: 'otp.used' });
  });

  test('ACT-11: a new code can be sent after 60 s, voiding the previous one; at most 5 sends an hour', async () => {
    const t0 = new Date();
    const p = await aPatient(t0);
    const sentBefore = (await emailsTo(db, p.email, 'otp')).length;
    const { challengeId: firstChallenge } = await login(p, p.password, t0);
    const firstOtp = await latestOtp(db, p.email);

    await expect(resendLoginOtp(db, 'patient', firstChallenge, at(t0, 59 * SECOND))).rejects.toMatchObject({ code: 'otp.rate-limited' });
    const second = await resendLoginOtp(db, 'patient', firstChallenge, at(t0, 60 * SECOND));
    await expect(completeLogin(db, 'patient', { challengeId: firstChallenge, otp: firstOtp }, at(t0, 61 * SECOND))).rejects.toMatchObject({ code: 'otp.void' });

    for (let n = 3; n <= 5; n++) await resendLoginOtp(db, 'patient', second, at(t0, (n - 1) * MINUTE));
    await expect(resendLoginOtp(db, 'patient', second, at(t0, 5 * MINUTE))).rejects.toMatchObject({ code: 'otp.rate-limited', message: expect.stringContaining('trop de codes') });
    // Logging in again is no way around the cap.
    await expect(login(p, p.password, at(t0, 6 * MINUTE))).rejects.toMatchObject({ code: 'otp.rate-limited' });

    const latest = await resendLoginOtp(db, 'patient', second, at(t0, 60 * MINUTE));
    await expect(completeLogin(db, 'patient', { challengeId: latest, otp: await latestOtp(db, p.email) }, at(t0, 61 * MINUTE))).resolves.toEqual(expect.any(String));
    expect(await emailsTo(db, p.email, 'otp')).toHaveLength(sentBefore + 6);
  });
});

describe('ACT-10: staff log in on their own portal only', () => {
  test('ACT-10: a CNAM agent logs in on the back-office with password and emailed code', async () => {
    const now = new Date();
    const agent = await aStaffMember(db);
    const { challengeId, email } = await login(agent, agent.password, now, 'backoffice');
    expect(email).toBe(`${agent.identifiant}@cnam.test`);
    const ticket = await completeLogin(db, 'backoffice', { challengeId, otp: await latestOtp(db, email) }, now);
    expect(await redeemTicket(db, ticket, now)).toEqual({ audience: 'staff', subjectId: agent.staffId });
    const trace = await db.selectFrom('access_events').select(['action', 'actor_type', 'outcome', 'channel'])
      .where('actor_id', '=', agent.staffId).where('action', '=', 'account.login').executeTakeFirstOrThrow();
    expect(trace).toEqual({ action: 'account.login', actor_type: 'SUPPORT', outcome: 'OK', channel: 'BACKOFFICE' });
  });

  test('ACT-10: the same agent is refused on the France Services portal, and on the patient one', async () => {
    const now = new Date();
    const agent = await aStaffMember(db);
    await expect(login(agent, agent.password, now, 'advisor')).rejects.toMatchObject({ code: 'login.wrong-portal' });
    await expect(login(agent, agent.password, now, 'patient')).rejects.toMatchObject({ code: 'login.bad-credentials' });
    expect(await emailsTo(db, `${agent.identifiant}@cnam.test`, 'otp')).toEqual([]);
  });

  test('ACT-10: a patient is refused on the back-office, and a patient code does not open it', async () => {
    const now = new Date();
    const p = await aPatient(now);
    await expect(login(p, p.password, now, 'backoffice')).rejects.toMatchObject({ code: 'login.bad-credentials' });
    const { challengeId } = await login(p, p.password, now);
    await expect(completeLogin(db, 'backoffice', { challengeId, otp: await latestOtp(db, p.email) }, now)).rejects.toMatchObject({ code: 'otp.unknown' });
  });

  test('ACT-12: an agent is locked after 5 wrong passwords too', async () => {
    const t0 = new Date();
    const agent = await aStaffMember(db);
    for (let i = 0; i < 4; i++) {
      await expect(login(agent, WRONG_PASSWORD, at(t0, i * SECOND), 'backoffice')).rejects.toMatchObject({ code: 'login.bad-credentials' });
    }
    await expect(login(agent, WRONG_PASSWORD, at(t0, 4 * SECOND), 'backoffice')).rejects.toMatchObject({ code: 'login.locked' });
    await expect(login(agent, agent.password, at(t0, 5 * SECOND), 'backoffice')).rejects.toMatchObject({ code: 'login.locked' });
    expect(await emailsTo(db, `${agent.identifiant}@cnam.test`, 'security-alert')).toHaveLength(1);
  });
});
