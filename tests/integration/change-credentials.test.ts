import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, AdvisorActor, PatientActor } from '@/lib/access/actor';
import { changeIdentifiant, changePassword, OwnCredentialsOnlyError } from '@/lib/accounts/change-credentials';
import { BadCredentialsError, LoginLockedError } from '@/lib/auth/errors';
import { redeemTicket } from '@/lib/auth/login-tickets';
import { completeLogin, startLogin } from '@/lib/auth/password-login';
import { patientSession } from '@/lib/auth/session';
import { ValidationError } from '@/lib/errors';
import { anActivePatient, holderActor, type ActivePatient } from '../factories';
import { emailsTo, latestOtp } from '../support/outbox';

/** « Mes coordonnées »: an account changes its own password (ACT-8) or identifiant (ACT-7); NOT-4, ACT-12, AUD-1, FS-4, AID-4. */
const db = getDb();
afterAll(() => closeDb());

const NEW_PASSWORD = 'Marée-Haute-42?';
const MINUTE = 60_000;
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

const account = (p: ActivePatient) => db.selectFrom('accounts')
  .select(['identifiant', 'password_hash', 'password_failures', 'locked_until', 'password_changed_at']).where('id', '=', p.accountId).executeTakeFirstOrThrow();
const traces = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_type', 'target_id', 'actor_type', 'mode'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();
const securityEmails = async (to: string) => (await emailsTo(db, to, 'notification'))
  .map((m) => (m.payload as { data: { kind: string; securityEvent?: string } }).data).filter((d) => d.kind === 'SECURITY');
const securityNotices = async (profileId: string) => (await db.selectFrom('notifications').select('data')
  .where('profile_id', '=', profileId).where('kind', '=', 'SECURITY').orderBy('created_at').execute()).map((n) => n.data.securityEvent);
/** Step 1 of a login (ACT-10): resolves with a code sent, or rejects with the French refusal. */
const login = (identifiant: string, password: string, at: Date) => startLogin(db, 'patient', { identifiant, password }, at);
const passwordChange = (actor: Actor, currentPassword: string, newPassword = NEW_PASSWORD, at = new Date()) =>
  changePassword(db, actor, { currentPassword, newPassword, newPasswordConfirmation: newPassword }, at);

describe('ACT-8, NOT-4: a patient changes their password', () => {
  test('the old password no longer signs in, the new one does; traced, told by email and in the centre; other sessions end, this one is signed in again', async () => {
    const p = await anActivePatient(db);
    const before = await account(p);
    const now = new Date();
    const { sessionTicket } = await passwordChange(holderActor(p), p.password, NEW_PASSWORD, now);

    const after = await account(p);
    expect(after.password_hash).not.toBe(before.password_hash);
    expect(after.password_hash).not.toContain(NEW_PASSWORD);
    await expect(login(p.identifiant, p.password, later(now, 1))).rejects.toBeInstanceOf(BadCredentialsError);
    await expect(login(p.identifiant, NEW_PASSWORD, later(now, 2))).resolves.toMatchObject({ email: p.email });

    // AUD-1 and NOT-4, written with the change.
    expect(await traces(p.profileId, 'account.password.change')).toEqual([
      expect.objectContaining({ outcome: 'OK', target_type: 'account-password', target_id: 'changed', actor_type: 'PATIENT', mode: 'NORMAL' })]);
    expect(await securityEmails(p.email)).toEqual([expect.objectContaining({ securityEvent: 'password' })]);
    expect(await securityNotices(p.profileId)).toEqual(['password']);

    // A session opened before the change is refused; the ticket signs this browser in again, after it.
    expect(await patientSession(db, p.accountId, now.getTime() - 1000)).toBeNull();
    await expect(redeemTicket(db, sessionTicket, now)).resolves.toEqual({ audience: 'patient', subjectId: p.accountId });
    await expect(redeemTicket(db, sessionTicket, now)).resolves.toBeNull(); // single use
    expect(await patientSession(db, p.accountId, Date.now())).toMatchObject({ audience: 'patient', actor: { accountId: p.accountId } });
  });

  test('a login half done with the former password cannot be finished with its code once the password changed', async () => {
    const p = await anActivePatient(db);
    const now = new Date();
    const { challengeId } = await login(p.identifiant, p.password, now);
    const otp = await latestOtp(db, p.email);
    await passwordChange(holderActor(p), p.password, NEW_PASSWORD, later(now, 1));
    await expect(completeLogin(db, 'patient', { challengeId, otp }, later(now, 2))).rejects.toMatchObject({ field: 'otp' });
  });

  test('ACT-12: a wrong current password is refused on its field, counted like a login failure and traced; nothing changes', async () => {
    const p = await anActivePatient(db);
    const before = await account(p);
    await expect(passwordChange(holderActor(p), 'Pas-Le-Bon-1!'))
      .rejects.toMatchObject({ constructor: ValidationError, field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' });
    const after = await account(p);
    expect(after.password_hash).toBe(before.password_hash);
    expect(after.password_failures).toBe(before.password_failures + 1);
    expect(await traces(p.profileId, 'account.password.change')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'wrong-password' })]);
    expect(await securityEmails(p.email)).toEqual([]);
  });

  test('ACT-12: the 5th wrong current password locks login 15 minutes with the security email; the right one is then refused too', async () => {
    const p = await anActivePatient(db);
    const now = new Date();
    for (let i = 1; i <= 3; i++) await expect(passwordChange(holderActor(p), `Mauvais-${i}-Essai!`, NEW_PASSWORD, now)).rejects.toBeInstanceOf(ValidationError);
    await expect(passwordChange(holderActor(p), 'Mauvais-4-Essai!', NEW_PASSWORD, now)).rejects.toMatchObject({ message: expect.stringContaining('bloquée 15 minutes') });
    await expect(passwordChange(holderActor(p), 'Mauvais-5-Essai!', NEW_PASSWORD, now))
      .rejects.toMatchObject({ field: 'currentPassword', message: expect.stringContaining('la connexion est bloquée') });
    expect((await latestSecurityAlert(p.email))).toBeDefined();
    await expect(passwordChange(holderActor(p), p.password, NEW_PASSWORD, later(now, 1))).rejects.toMatchObject({ field: 'currentPassword', message: expect.stringContaining('Réessayez dans 14 minutes') });
    await expect(login(p.identifiant, p.password, later(now, 1))).rejects.toBeInstanceOf(LoginLockedError);
    // After the 15 minutes, the right password works and the counter starts again.
    await passwordChange(holderActor(p), p.password, NEW_PASSWORD, later(now, 16));
    expect((await account(p)).password_failures).toBe(0);
  });

  test.each([
    ['too short', 'Court1!', 'newPassword', 'entre 9 et 128 caractères'],
    ['containing the first name', 'Camille-2026-x!', 'newPassword', 'ne doit pas contenir votre prénom'],
    ['the same as the current one', 'Azur-Lagon-7x!', 'newPassword', 'différent du mot de passe actuel'],
  ])('ACT-8: a new password %s is refused on its field, nothing changes', async (_case, newPassword, field, message) => {
    const p = await anActivePatient(db);
    expect(p.password).toBe('Azur-Lagon-7x!');
    const before = await account(p);
    await expect(passwordChange(holderActor(p), p.password, newPassword)).rejects.toMatchObject({ constructor: ValidationError, field, message: expect.stringContaining(message) });
    expect(await account(p)).toEqual(before);
    expect(await traces(p.profileId, 'account.password.change')).toEqual([]);
  });

  test('a confirmation that differs is refused on the confirmation field', async () => {
    const p = await anActivePatient(db);
    await expect(changePassword(db, holderActor(p), { currentPassword: p.password, newPassword: NEW_PASSWORD, newPasswordConfirmation: 'Marée-Haute-43?' }, new Date()))
      .rejects.toMatchObject({ field: 'newPasswordConfirmation', message: 'Les deux nouveaux mots de passe saisis sont différents.' });
  });
});

describe('ACT-7, NOT-4: a patient changes their identifiant', () => {
  test('the new identifiant signs in, the old one no longer does; traced and told', async () => {
    const p = await anActivePatient(db);
    const identifiant = `nouveau.${randomUUID().slice(0, 8)}`;
    const now = new Date();
    await expect(changeIdentifiant(db, holderActor(p), { currentPassword: p.password, newIdentifiant: ` ${identifiant} ` }, now)).resolves.toEqual({ identifiant });
    await expect(login(p.identifiant, p.password, later(now, 1))).rejects.toBeInstanceOf(BadCredentialsError);
    await expect(login(identifiant.toUpperCase(), p.password, later(now, 1))).resolves.toMatchObject({ email: p.email });
    expect(await traces(p.profileId, 'account.identifiant.change')).toEqual([expect.objectContaining({ outcome: 'OK', target_type: 'account-identifiant' })]);
    expect(await securityEmails(p.email)).toEqual([expect.objectContaining({ securityEvent: 'identifiant' })]);
    expect(await securityNotices(p.profileId)).toEqual(['identifiant']);
  });

  test('an identifiant already used by another account (whatever the case) is refused with a clear French message', async () => {
    const [a, b] = await Promise.all([anActivePatient(db), anActivePatient(db)]);
    await expect(changeIdentifiant(db, holderActor(a), { currentPassword: a.password, newIdentifiant: b.identifiant.toUpperCase() }, new Date()))
      .rejects.toMatchObject({ field: 'newIdentifiant', message: 'Cet identifiant est déjà utilisé : choisissez-en un autre.' });
    expect((await account(a)).identifiant).toBe(a.identifiant);
  });

  test.each([
    ['an email', 'camille@exemple.fr', 'ne doit pas être une adresse e-mail'],
    ['too short', 'cam.t', 'au moins 8 caractères'],
    ['with accents', 'camille.hélène', 'lettres sans accent'],
    ['contained in the password', 'Azur-Lagon', 'Votre mot de passe contient cet identifiant'],
  ])('ACT-7: an identifiant that is %s is refused on its field', async (_case, newIdentifiant, message) => {
    const p = await anActivePatient(db);
    await expect(changeIdentifiant(db, holderActor(p), { currentPassword: p.password, newIdentifiant }, new Date()))
      .rejects.toMatchObject({ field: 'newIdentifiant', message: expect.stringContaining(message) });
    expect((await account(p)).identifiant).toBe(p.identifiant);
  });

  test('ACT-12: a wrong current password is refused on the identifiant form’s password field, counted and traced', async () => {
    const p = await anActivePatient(db);
    await expect(changeIdentifiant(db, holderActor(p), { currentPassword: 'Pas-Le-Bon-1!', newIdentifiant: `nouveau.${randomUUID().slice(0, 8)}` }, new Date()))
      .rejects.toMatchObject({ field: 'identifiantPassword', message: 'Le mot de passe actuel est incorrect.' });
    expect(await account(p)).toMatchObject({ identifiant: p.identifiant, password_failures: 1 });
    expect(await traces(p.profileId, 'account.identifiant.change')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'wrong-password' })]);
  });
});

describe('FS-4, AID-4: only the account itself changes its credentials', () => {
  test('an advisor is refused, even within an assisted visit of the person: traced DENIED (ASSISTED), nothing changes', async () => {
    const p = await anActivePatient(db);
    const tag = randomUUID().slice(0, 8);
    const site = await db.insertInto('france_services_sites').values({ name: `France Services de Tulle ${tag}`, commune: 'Tulle', departement: '19' })
      .returning('id').executeTakeFirstOrThrow();
    const staff = await db.insertInto('staff_users').values({ kind: 'ADVISOR', identifiant: `fs.${tag}`, password_hash: 'x', email: `fs.${tag}@fs.test`,
      display_name: 'Lucie Moreau', site_id: site.id, locked_until: null }).returning('id').executeTakeFirstOrThrow();
    const now = new Date();
    const inVisit: AdvisorActor = { kind: 'ADVISOR', staffId: staff.id, siteId: site.id, name: 'Lucie Moreau',
      visit: { id: randomUUID(), personProfileId: p.profileId, profileIds: [p.profileId], expiresAt: later(now, 60), endedAt: null, checkedAt: now } };
    const before = await account(p);
    await expect(passwordChange(inVisit, p.password)).rejects.toBeInstanceOf(OwnCredentialsOnlyError);
    await expect(changeIdentifiant(db, inVisit, { currentPassword: p.password, newIdentifiant: `conseil.${tag}` }, now)).rejects.toBeInstanceOf(OwnCredentialsOnlyError);
    expect(await account(p)).toEqual(before);
    expect(await traces(p.profileId, 'account.password.change')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'own-account-only', mode: 'ASSISTED' })]);
    expect(await traces(p.profileId, 'account.identifiant.change')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'own-account-only' })]);
  });

  test('an aidant changing their password changes their own account only, never the aidé’s', async () => {
    const [aide, aidant] = await Promise.all([anActivePatient(db), anActivePatient(db)]);
    const aidantActor: PatientActor = { ...holderActor(aidant), aidedProfileIds: [aide.profileId] };
    await passwordChange(holderActor(aide), aide.password, 'Aide-Secret-2026?');
    const aideBefore = await account(aide);
    // The aidé's password is not the aidant's: refused on the field, like any wrong password.
    await expect(passwordChange(aidantActor, 'Aide-Secret-2026?')).rejects.toMatchObject({ field: 'currentPassword' });
    await passwordChange(aidantActor, aidant.password);
    expect(await account(aide)).toEqual(aideBefore);
    expect(await securityNotices(aide.profileId)).toEqual(['password']); // the aidé's own change only
    expect(await securityNotices(aidant.profileId)).toEqual(['password']);
  });
});

async function latestSecurityAlert(to: string) {
  return (await emailsTo(db, to, 'security-alert')).at(-1);
}
