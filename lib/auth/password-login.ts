import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Audience, OtpPurpose } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { notify } from '@/lib/notifications/notify';
import { enqueue } from '@/lib/queue/outbox';
import { DomainError } from '@/lib/errors';
import { BadCredentialsError, LoginLockedError, OtpRateLimitedError, ProfileNotAvailableError, WrongPortalError } from './errors';
import { issueTicket } from './login-tickets';
import { issueOtp, verifyOtp } from './otp-challenges';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { THROTTLE_MESSAGES_FR, afterPasswordFailure, passwordGate } from './throttle-rules';

/**
 * ACT-10..12: identifiant + password, then a one-time code by email, for patients (`accounts`) and
 * for CNAM staff and advisors (`staff_users`). Counters live in PostgreSQL, never in memory.
 */
export type Portal = 'patient' | 'backoffice' | 'advisor';

type Subject = {
  id: string; email: string; password_hash: string; password_failures: number; locked_until: Date | null;
  audience: Audience; actor: Actor; profileId: string | null; usable: boolean; state?: string | null; suspension_deadline?: string | null;
  /** FS-1: a deactivated staff account (advisor or agent) is refused, with its own message. */
  deactivated?: boolean;
};

/** FS-1: told only after the right password, like a profile's state (ACC-3). */
export class StaffAccountDeactivatedError extends DomainError {
  constructor(advisor: boolean) {
    super('login.deactivated', advisor
      ? 'Votre compte de conseiller France Services est désactivé. Adressez-vous à votre référent de l’Assurance Maladie.'
      : 'Votre compte est désactivé. Adressez-vous à votre responsable.');
  }
}

const TABLE = { patient: 'accounts', backoffice: 'staff_users', advisor: 'staff_users' } as const;
const PURPOSE: Record<Portal, OtpPurpose> = { patient: 'PATIENT_LOGIN', backoffice: 'STAFF_LOGIN', advisor: 'STAFF_LOGIN' };

async function findSubject(db: Db, portal: Portal, by: { identifiant?: string; id?: string }): Promise<Subject | undefined> {
  if (portal === 'patient') {
    const q = db.selectFrom('accounts').leftJoin('profiles', 'profiles.id', 'accounts.profile_id')
      .select(['accounts.id', 'accounts.email', 'accounts.password_hash', 'accounts.password_failures', 'accounts.locked_until',
        'accounts.profile_id', 'accounts.identifiant', 'profiles.state', 'profiles.first_names', 'profiles.birth_name',
        sql<string | null>`to_char(profiles.suspension_deadline, 'YYYY-MM-DD')`.as('suspension_deadline'),
        // CLO-8: an account whose own profile is closed still serves the profiles it represents.
        sql<boolean>`exists (select 1 from representations r where r.account_id = accounts.id and r.revoked_at is null)`.as('represents')]);
    const row = await (by.id ? q.where('accounts.id', '=', by.id)
      : q.where(sql`lower(accounts.identifiant)`, '=', by.identifiant!.toLowerCase())).executeTakeFirst();
    if (!row) return undefined;
    const name = row.first_names ? `${row.first_names.split(' ')[0]} ${row.birth_name}` : row.identifiant;
    return { ...row, audience: 'patient', profileId: row.profile_id, usable: !row.state || row.state === 'ACTIVE' || row.represents,
      actor: { kind: 'PATIENT', accountId: row.id, name, ownProfileId: row.profile_id, representedProfileIds: [] } };
  }
  const q = db.selectFrom('staff_users').selectAll();
  const row = await (by.id ? q.where('id', '=', by.id)
    : q.where(sql`lower(identifiant)`, '=', by.identifiant!.toLowerCase())).executeTakeFirst();
  if (!row) return undefined;
  const isAdvisor = row.kind === 'ADVISOR';
  if (isAdvisor !== (portal === 'advisor')) throw new WrongPortalError();
  const actor: Actor = isAdvisor
    ? { kind: 'ADVISOR', staffId: row.id, siteId: row.site_id!, name: row.display_name }
    : { kind: 'STAFF', staffId: row.id, role: row.kind as 'AGENT' | 'SUPERVISOR', name: row.display_name };
  return { ...row, audience: isAdvisor ? 'advisor' : 'staff', profileId: null, usable: !row.deactivated_at, deactivated: row.deactivated_at !== null, actor };
}

/** Step 1: checks the password (lockout after 5 wrong ones) and sends the login code. */
export async function startLogin(db: Db, portal: Portal, input: { identifiant: string; password: string }, now: Date): Promise<{ challengeId: string; email: string }> {
  let subject: Subject | undefined;
  try {
    subject = await findSubject(db, portal, { identifiant: input.identifiant.trim() });
  } catch (e) {
    await burnPasswordCheck(input.password);
    throw e;
  }
  if (!subject) {
    await burnPasswordCheck(input.password);
    throw new BadCredentialsError();
  }
  const gate = passwordGate({ consecutiveFailures: subject.password_failures, lockedUntil: subject.locked_until }, now);
  const s = subject;
  if (!gate.allowed) {
    await recordAccess(db, { actor: s.actor, action: 'account.login', profileId: s.profileId, at: now, denied: 'login-locked' });
    throw new LoginLockedError(THROTTLE_MESSAGES_FR.passwordLocked(gate.retryAt, now));
  }
  if (!(await verifyPassword(s.password_hash, input.password))) {
    const failures = s.password_failures + 1;
    const after = afterPasswordFailure(failures, now);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable(TABLE[portal]).set({ password_failures: failures, locked_until: after.lockedUntil }).where('id', '=', s.id).execute();
      if (after.sendSecurityEmail && after.lockedUntil) {
        const lockedUntil = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(after.lockedUntil);
        await enqueue(trx, { kind: 'email', message: { template: 'security-alert', to: s.email, data: { event: 'login-locked', lockedUntil } } });
        // NOT-4: the holder also finds it in the notification centre of their own profile.
        if (portal === 'patient' && s.profileId) {
          await notify(trx, { profileId: s.profileId, kind: 'SECURITY', data: { securityEvent: 'lockout' }, at: now, inAppOnly: true });
        }
      }
      await recordAccess(trx, { actor: s.actor, action: 'account.login', profileId: s.profileId, at: now,
        denied: 'wrong-password' });
    });
    if (after.lockedUntil) throw new LoginLockedError(THROTTLE_MESSAGES_FR.passwordLocked(after.lockedUntil, now));
    throw new BadCredentialsError();
  }
  if (s.deactivated) {
    await recordAccess(db, { actor: s.actor, action: 'account.login', profileId: null, at: now, denied: 'account-deactivated', channel: 'BACKOFFICE' });
    throw new StaffAccountDeactivatedError(portal === 'advisor');
  }
  if (!s.usable) {
    await recordAccess(db, { actor: s.actor, action: 'account.login', profileId: s.profileId, at: now, denied: 'profile-unavailable' });
    throw new ProfileNotAvailableError(s.state, s.suspension_deadline);
  }
  return db.transaction().execute(async (trx) => {
    await trx.updateTable(TABLE[portal]).set({ password_failures: 0, locked_until: null }).where('id', '=', s.id).execute();
    const challengeId = await issueOtp(trx, { purpose: PURPOSE[portal], subjectId: s.id, email: s.email }, now).catch((e) => {
      throw e instanceof OtpRateLimitedError ? new OtpRateLimitedError(e.message, undefined) : e;
    });
    return { challengeId, email: s.email };
  });
}

/** Step 2: the code from the email; success traces the login and returns a next-auth ticket. */
export async function completeLogin(db: Db, portal: Portal, input: { challengeId: string; otp: string }, now: Date): Promise<string> {
  const { subjectId } = await verifyOtp(db, { challengeId: input.challengeId, purpose: PURPOSE[portal], otp: input.otp }, now);
  const subject = await findSubject(db, portal, { id: subjectId });
  if (subject?.deactivated) throw new StaffAccountDeactivatedError(portal === 'advisor');
  if (!subject || !subject.usable) throw new ProfileNotAvailableError();
  return db.transaction().execute(async (trx) => {
    if (portal === 'patient') await trx.updateTable('accounts').set({ last_login_at: now }).where('id', '=', subject.id).execute();
    else await trx.updateTable('staff_users').set({ last_login_at: now }).where('id', '=', subject.id).execute(); // FS-1: shown in the back-office
    await recordAccess(trx, { actor: subject.actor, action: 'account.login', profileId: subject.profileId, at: now,
      channel: portal === 'patient' ? 'WEB' : 'BACKOFFICE' });
    return issueTicket(trx, subject.audience, subject.id, now);
  });
}

/** "Renvoyer un code" (ACT-11 caps apply). */
export async function resendLoginOtp(db: Db, portal: Portal, challengeId: string, now: Date): Promise<string> {
  const ch = await db.selectFrom('otp_challenges').select(['subject_id', 'destination'])
    .where('id', '=', challengeId).where('purpose', '=', PURPOSE[portal]).executeTakeFirst();
  if (!ch) throw new BadCredentialsError();
  return db.transaction().execute((trx) => issueOtp(trx, { purpose: PURPOSE[portal], subjectId: ch.subject_id, email: ch.destination }, now));
}
