import { sql, type Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { checkIdentifiant, checkPassword } from '@/lib/auth/credential-rules';
import { issueTicket } from '@/lib/auth/login-tickets';
import { verifyPassword, hashPassword } from '@/lib/auth/passwords';
import { PASSWORD_LOCK_AFTER_CONSECUTIVE, THROTTLE_MESSAGES_FR, afterPasswordFailure, passwordGate } from '@/lib/auth/throttle-rules';
import { config } from '@/lib/config';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import type { SecurityEvent } from '@/lib/notifications/kinds';
import { notify } from '@/lib/notifications/notify';
import { enqueue } from '@/lib/queue/outbox';

/**
 * « Mes coordonnées »: an account changes its own password or identifiant (ACT-7, ACT-8), after typing its
 * current password. Only the account itself: never an aidant for the aidé (AID-4: accounts are separate, and
 * each only ever changes its own) nor an advisor, even during a visit (FS-4: an advisor never sees a password).
 * A wrong current password counts like a wrong login (ACT-12). Each change is traced and told (NOT-4).
 */

/** The form fields each error belongs to (components/account/CredentialsForms shows them). */
export const CREDENTIAL_FIELDS = {
  currentPassword: 'currentPassword', newPassword: 'newPassword', newPasswordConfirmation: 'newPasswordConfirmation',
  identifiantPassword: 'identifiantPassword', newIdentifiant: 'newIdentifiant',
} as const;
const F = CREDENTIAL_FIELDS;

export const CREDENTIAL_TRACES = { password: 'account.password.change', identifiant: 'account.identifiant.change' } as const;

/** FS-4, AID-4: only a patient-side account, on itself. */
export class OwnCredentialsOnlyError extends AccessDeniedError {
  constructor() { super('seul le titulaire du compte peut changer son identifiant ou son mot de passe, depuis son propre compte.'); }
}

type Owned = {
  actor: PatientActor; accountId: string; profileId: string | null; identifiant: string; email: string; passwordHash: string;
  failures: number; lockedUntil: Date | null; birthName: string; firstNames: string; birthDate: string;
};

async function ownAccount(db: Db, actor: Actor, trace: string, now: Date): Promise<Owned> {
  const decision = authorize(actor, 'account.credentials.change');
  if (!decision.allowed || actor.kind !== 'PATIENT') {
    const profileId = actor.kind === 'ADVISOR' ? actor.visit?.personProfileId ?? null : null;
    await recordAccess(db, { actor, action: trace, profileId, at: now, denied: 'own-account-only' });
    throw new OwnCredentialsOnlyError();
  }
  const row = await db.selectFrom('accounts').leftJoin('profiles', 'profiles.id', 'accounts.profile_id')
    .select(['accounts.id', 'accounts.profile_id', 'accounts.identifiant', 'accounts.email', 'accounts.password_hash',
      'accounts.password_failures', 'accounts.locked_until', 'profiles.birth_name', 'profiles.first_names', 'profiles.birth_date'])
    .where('accounts.id', '=', actor.accountId).executeTakeFirstOrThrow();
  return {
    actor, accountId: row.id, profileId: row.profile_id, identifiant: row.identifiant, email: row.email, passwordHash: row.password_hash,
    failures: row.password_failures, lockedUntil: row.locked_until,
    birthName: row.birth_name ?? '', firstNames: row.first_names ?? '', birthDate: row.birth_date ?? '',
  };
}

/** The identifiant the page shows; only to the account itself (FS-4: never on an advisor's screen). */
export async function ownIdentifiant(db: Db, actor: Actor, now: Date): Promise<string> {
  return (await ownAccount(db, actor, 'account.credentials.read', now)).identifiant;
}

/**
 * ACT-12: the current password, checked like at login — refused while login is locked; a wrong one is counted
 * (the 5th locks 15 minutes and sends the security email), traced, then told on its field.
 */
async function checkCurrentPassword(db: Db, a: Owned, password: string, field: string, trace: string, now: Date): Promise<void> {
  const gate = passwordGate({ consecutiveFailures: a.failures, lockedUntil: a.lockedUntil }, now);
  if (!gate.allowed) {
    await recordAccess(db, { actor: a.actor, action: trace, profileId: a.profileId, at: now, denied: 'login-locked' });
    throw new ValidationError('credentials.locked', THROTTLE_MESSAGES_FR.passwordLocked(gate.retryAt, now), field);
  }
  if (await verifyPassword(a.passwordHash, password)) return;
  const failures = await db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('accounts').set({ password_failures: sql`password_failures + 1` })
      .where('id', '=', a.accountId).returning('password_failures').executeTakeFirstOrThrow();
    const after = afterPasswordFailure(row.password_failures, now);
    if (after.lockedUntil) {
      await trx.updateTable('accounts').set({ locked_until: after.lockedUntil }).where('id', '=', a.accountId).execute();
      const lockedUntil = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(after.lockedUntil);
      await enqueue(trx, { kind: 'email', message: { template: 'security-alert', to: a.email, data: { event: 'login-locked', lockedUntil } } });
      if (a.profileId) await notify(trx, { profileId: a.profileId, kind: 'SECURITY', data: { securityEvent: 'lockout' }, at: now, inAppOnly: true });
    }
    await recordAccess(trx, { actor: a.actor, action: trace, profileId: a.profileId, at: now, denied: 'wrong-password' });
    return { count: row.password_failures, lockedUntil: after.lockedUntil };
  });
  if (failures.lockedUntil) throw new ValidationError('credentials.locked', THROTTLE_MESSAGES_FR.passwordLocked(failures.lockedUntil, now), field);
  const lastTry = failures.count % PASSWORD_LOCK_AFTER_CONSECUTIVE === PASSWORD_LOCK_AFTER_CONSECUTIVE - 1;
  throw new ValidationError('credentials.wrong-password', lastTry
    ? 'Le mot de passe actuel est incorrect. Attention : après une nouvelle erreur, la connexion à votre compte sera bloquée 15 minutes.'
    : 'Le mot de passe actuel est incorrect.', field);
}

/** NOT-4 in the caller's transaction: the in-app notice and the holder's email; an email alone when no active profile of its own. */
async function tellHolder(trx: Transaction<DB>, a: Pick<Owned, 'accountId' | 'profileId'>, securityEvent: SecurityEvent, email: string, now: Date): Promise<void> {
  const sent = a.profileId ? await notify(trx, { profileId: a.profileId, kind: 'SECURITY', data: { securityEvent }, at: now }) : undefined;
  if (sent?.emailedAccountIds.includes(a.accountId)) return;
  await enqueue(trx, { kind: 'email', message: { template: 'notification', to: email, data: {
    kind: 'SECURITY', appUrl: config().APP_URL, profileFirstName: null, profileId: null, securityEvent } } });
}

/** The account changed between reading and writing (another tab, another change): nothing was written. */
const changedMeanwhile = (field: string) =>
  new ValidationError('credentials.changed-meanwhile', 'Vos identifiants viennent d’être modifiés par ailleurs : rechargez la page et recommencez.', field);

/** A login half done with the former password (its code not yet typed, its ticket not yet redeemed) must not open a session. */
async function voidPendingLogins(trx: Transaction<DB>, accountId: string, now: Date): Promise<void> {
  await trx.updateTable('otp_challenges').set({ voided_at: now }).where('purpose', '=', 'PATIENT_LOGIN')
    .where('subject_id', '=', accountId).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
  await trx.updateTable('login_tickets').set({ used_at: now }).where('audience', '=', 'patient')
    .where('subject_id', '=', accountId).where('used_at', 'is', null).execute();
}

type NewPassword = { newPassword: string; newPasswordConfirmation: string };
type PasswordOwner = { accountId: string; profileId: string | null; email: string; passwordHash: string;
  identifiant: string; birthName: string; firstNames: string; birthDate: string };

/**
 * ACT-8, shared by the change (« Mes coordonnées ») and the reset (ACT-14): the activation rules, different from the
 * password in force, confirmed — each told on its field. Returns the new hash.
 */
export async function checkedNewPassword(a: PasswordOwner, input: NewPassword, fields: { newPassword: string; newPasswordConfirmation: string }): Promise<string> {
  const errors = checkPassword(input.newPassword, { identifiant: a.identifiant, birthName: a.birthName, firstNames: a.firstNames, birthDate: a.birthDate });
  if (errors.length) throw new ValidationError('credentials.password', errors.join(' '), fields.newPassword);
  if (await verifyPassword(a.passwordHash, input.newPassword)) {
    throw new ValidationError('credentials.password-same', 'Le nouveau mot de passe doit être différent du mot de passe actuel.', fields.newPassword);
  }
  if (input.newPassword !== input.newPasswordConfirmation) {
    throw new ValidationError('credentials.password-confirmation', 'Les deux nouveaux mots de passe saisis sont différents.', fields.newPasswordConfirmation);
  }
  return hashPassword(input.newPassword);
}

/**
 * The new password in force, in the caller's transaction: the hash, `password_changed_at` (every session opened before
 * ends: lib/auth/session.ts), the lockout cleared, half-done logins voided, the NOT-4 notice. False when the password
 * changed meanwhile (nothing written).
 */
export async function storeNewPassword(trx: Transaction<DB>, a: PasswordOwner, passwordHash: string, now: Date): Promise<boolean> {
  const updated = await trx.updateTable('accounts')
    .set({ password_hash: passwordHash, password_changed_at: now, password_failures: 0, locked_until: null })
    .where('id', '=', a.accountId).where('password_hash', '=', a.passwordHash).executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  await voidPendingLogins(trx, a.accountId, now);
  await tellHolder(trx, a, 'password', a.email, now);
  return true;
}

export type PasswordChangeInput = { currentPassword: string; newPassword: string; newPasswordConfirmation: string };

/**
 * ACT-8: the new password, under the activation rules, different from the current one. On success, in one
 * transaction: the hash, `password_changed_at` (every session opened before it ends: lib/auth/session.ts),
 * pending login codes and tickets voided, the NOT-4 notice, the trace; and a one-minute ticket with which the
 * caller signs the current browser in again, so that it alone stays signed in.
 */
export async function changePassword(db: Db, actor: Actor, input: PasswordChangeInput, now: Date): Promise<{ sessionTicket: string }> {
  const trace = CREDENTIAL_TRACES.password;
  const a = await ownAccount(db, actor, trace, now);
  await checkCurrentPassword(db, a, input.currentPassword, F.currentPassword, trace, now);
  const passwordHash = await checkedNewPassword(a, input, F);
  return db.transaction().execute(async (trx) => {
    if (!await storeNewPassword(trx, a, passwordHash, now)) throw changedMeanwhile(F.currentPassword);
    await recordAccess(trx, { actor: a.actor, action: trace, profileId: a.profileId, at: now, target: { type: 'account-password', id: 'changed' } });
    return { sessionTicket: await issueTicket(trx, 'patient', a.accountId, now) };
  });
}

export type IdentifiantChangeInput = { currentPassword: string; newIdentifiant: string };

/** ACT-7: a new identifiant, under the activation rules and unique case-insensitively; the password must not contain it (ACT-8). */
export async function changeIdentifiant(db: Db, actor: Actor, input: IdentifiantChangeInput, now: Date): Promise<{ identifiant: string }> {
  const trace = CREDENTIAL_TRACES.identifiant;
  const a = await ownAccount(db, actor, trace, now);
  await checkCurrentPassword(db, a, input.currentPassword, F.identifiantPassword, trace, now);
  const identifiant = input.newIdentifiant.trim();
  const errors = checkIdentifiant(identifiant);
  if (errors.length) throw new ValidationError('credentials.identifiant', errors.join(' '), F.newIdentifiant);
  if (identifiant === a.identifiant) throw new ValidationError('credentials.identifiant-same', 'C’est déjà votre identifiant : saisissez-en un nouveau.', F.newIdentifiant);
  if (input.currentPassword.toLowerCase().includes(identifiant.toLowerCase())) {
    throw new ValidationError('credentials.identifiant-in-password',
      'Votre mot de passe contient cet identifiant : choisissez-en un autre, ou changez d’abord votre mot de passe.', F.newIdentifiant);
  }
  const taken = new ValidationError('credentials.identifiant-taken', 'Cet identifiant est déjà utilisé : choisissez-en un autre.', F.newIdentifiant);
  const other = await db.selectFrom('accounts').select('id').where(sql`lower(identifiant)`, '=', identifiant.toLowerCase())
    .where('id', '!=', a.accountId).executeTakeFirst();
  if (other) throw taken;
  try {
    await db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('accounts').set({ identifiant, password_failures: 0, locked_until: null })
        .where('id', '=', a.accountId).where('identifiant', '=', a.identifiant).where('password_hash', '=', a.passwordHash).executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw changedMeanwhile(F.identifiantPassword);
      await tellHolder(trx, a, 'identifiant', a.email, now);
      await recordAccess(trx, { actor: a.actor, action: trace, profileId: a.profileId, at: now, target: { type: 'account-identifiant', id: 'changed' } });
    });
  } catch (error) {
    // Two people choosing the same identifiant at once: the unique index decides (ACT-7).
    if ((error as { code?: string }).code === '23505') throw taken;
    throw error;
  }
  return { identifiant };
}

/**
 * ACT-13: the account's current password, asked before a change of email or mobile; checked and counted
 * like the forms above (a wrong one is told on `field`).
 */
export async function confirmOwnPassword(db: Db, actor: Actor, password: string, field: string, trace: string, now: Date): Promise<void> {
  const a = await ownAccount(db, actor, trace, now);
  await checkCurrentPassword(db, a, password, field, trace, now);
}
