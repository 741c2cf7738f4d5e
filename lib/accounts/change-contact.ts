import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { issueOtp, verifyOtp } from '@/lib/auth/otp-challenges';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { confirmOwnPassword } from './change-credentials';
import { CONTACT_MESSAGES, maskedContact, parseContact, type ContactChannel } from './contact-rules';
import { managedAccount } from './managed-account';

const PURPOSE = { EMAIL: 'CONTACT_EMAIL', MOBILE: 'CONTACT_MOBILE' } as const;
const FIELD = { EMAIL: 'email', MOBILE: 'mobile' } as const;
/** ACT-13: where a wrong current password is told, per form. */
export const PASSWORD_FIELD = { EMAIL: 'emailPassword', MOBILE: 'mobilePassword', REMOVE_MOBILE: 'removeMobilePassword' } as const;
const TRACE = 'account.contact';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const whose = (db: Db, actor: Actor, now: Date) => managedAccount(db, actor, 'account.contact.change', TRACE, now);

/** The account's email and mobile as they are (the page shows them to the account holder or the person present). */
export async function contactDetails(db: Db, actor: Actor, now: Date): Promise<{ email: string; mobile: string | null }> {
  const { accountId } = await whose(db, actor, now);
  return db.selectFrom('accounts').select(['email', 'mobile']).where('id', '=', accountId).executeTakeFirstOrThrow();
}

/**
 * ACT-13: the account holder confirms with their current password. An advisor's visit (FS-2, FS-3) has
 * already checked the person's carte Vitale with the person present, and the advisor never handles a password.
 */
async function passwordConfirmed(db: Db, actor: Actor, password: string | undefined, field: string, now: Date): Promise<void> {
  if (actor.kind === 'PATIENT') await confirmOwnPassword(db, actor, password ?? '', field, TRACE, now);
}

/**
 * « Mes coordonnées », FS-3 step 1: a new email or mobile gets a 6-digit code (by email, by SMS), valid
 * 10 minutes, that the person types to confirm it is theirs (ACT-9, ACT-13); nothing changes until then.
 * The send caps of ACT-11 apply (60 s apart, 5 an hour).
 */
export async function startContactChange(db: Db, actor: Actor, input: { channel: ContactChannel; value: string; password?: string }, now: Date): Promise<{ challengeId: string; sentTo: string }> {
  const { accountId } = await whose(db, actor, now);
  const parsed = parseContact(input.channel, input.value);
  if (!parsed.ok) throw new ValidationError('contact.invalid', parsed.message, FIELD[input.channel]);
  const current = await db.selectFrom('accounts').select(['email', 'mobile']).where('id', '=', accountId).executeTakeFirstOrThrow();
  if ((input.channel === 'EMAIL' ? current.email.toLowerCase() : current.mobile) === parsed.value) {
    throw new ValidationError('contact.same', CONTACT_MESSAGES.same, FIELD[input.channel]);
  }
  await passwordConfirmed(db, actor, input.password, PASSWORD_FIELD[input.channel], now);
  const destination = input.channel === 'EMAIL' ? { email: parsed.value } : { mobile: parsed.value };
  const challengeId = await db.transaction().execute((trx) => issueOtp(trx, { purpose: PURPOSE[input.channel], subjectId: accountId, ...destination }, now));
  return { challengeId, sentTo: maskedContact(input.channel, parsed.value) };
}

/**
 * Step 2: the code typed, the new email (verified now) or mobile replaces the old one, in one transaction
 * with its trace (mode ASSISTED when an advisor helps, FS-5) and the NOT-4 security notice — sent before
 * the change, so that the former address hears of it too. A code issued for another account is refused.
 */
export async function confirmContactChange(db: Db, actor: Actor, input: { channel: ContactChannel; challengeId: string; otp: string }, now: Date): Promise<{ value: string }> {
  const { accountId, profileId } = await whose(db, actor, now);
  if (!UUID.test(input.challengeId)) throw new ValidationError('otp.unknown', 'Aucun code en cours : demandez un nouveau code.', 'otp');
  // A code issued for another account is refused before it is tried (no one spends or burns another's code).
  const challenge = await db.selectFrom('otp_challenges').select('subject_id').where('id', '=', input.challengeId).executeTakeFirst();
  if (challenge && challenge.subject_id !== accountId) {
    await recordAccess(db, { actor, action: TRACE, profileId, at: now, denied: 'other-account' });
    throw new AccessDeniedError('ce code a été envoyé pour un autre compte.');
  }
  const checked = await verifyOtp(db, { challengeId: input.challengeId, purpose: PURPOSE[input.channel], otp: input.otp }, now);
  const value = checked.email; // the challenge's destination: the new email or mobile
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('accounts').select('id').where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
    if (profileId) await notify(trx, { profileId, kind: 'SECURITY', data: { securityEvent: 'contact' }, at: now });
    await trx.updateTable('accounts').set(input.channel === 'EMAIL' ? { email: value, email_verified_at: now } : { mobile: value })
      .where('id', '=', accountId).execute();
    await recordAccess(trx, { actor, action: TRACE, profileId, at: now, target: { type: input.channel === 'EMAIL' ? 'account-email' : 'account-mobile', id: 'changed' } });
  });
  return { value };
}

/** The mobile removed (no code needed to stop receiving SMS; the password, ACT-13); a security event too (NOT-4). */
export async function removeMobile(db: Db, actor: Actor, now: Date, password?: string): Promise<void> {
  const { accountId, profileId } = await whose(db, actor, now);
  await passwordConfirmed(db, actor, password, PASSWORD_FIELD.REMOVE_MOBILE, now);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('accounts').select('mobile').where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
    if (!row.mobile) return;
    if (profileId) await notify(trx, { profileId, kind: 'SECURITY', data: { securityEvent: 'contact' }, at: now });
    await trx.updateTable('accounts').set({ mobile: null }).where('id', '=', accountId).execute();
    await recordAccess(trx, { actor, action: TRACE, profileId, at: now, target: { type: 'account-mobile', id: 'removed' } });
  });
}
