import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { normalizeMobile } from '@/lib/population/row-rules';
import { notify } from '../notify';

/** The account's own mobile for notification SMS (NOT-1, NOT-7), or null. */
export async function accountMobile(db: Db, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'PATIENT') return null;
  const row = await db.selectFrom('accounts').select('mobile').where('id', '=', actor.accountId).executeTakeFirst();
  return row?.mobile ?? null;
}

/**
 * Sets (or, with an empty value, removes) the mobile that receives this account's notification SMS.
 * A French mobile (06, 07, +33 6, +33 7), stored as +33…. A change of contact details is a security
 * event (NOT-4): the holder is told, on the channels as they now are.
 */
export async function setAccountMobile(db: Db, actor: Actor, input: { mobile: string }, now: Date): Promise<string | null> {
  const decision = authorize(actor, 'notifications.manage');
  if (!decision.allowed || actor.kind !== 'PATIENT') {
    await recordAccess(db, { actor, action: 'notification.preferences', profileId: null, decision, at: now });
    throw new AccessDeniedError(decision.allowed ? 'wrong-audience' : decision.reason);
  }
  const raw = input.mobile.trim();
  const mobile = raw === '' ? null : normalizeMobile(raw);
  if (mobile === undefined) {
    throw new ValidationError('account.mobile-invalid', 'Saisissez un numéro de mobile français : 06 ou 07 suivi de 8 chiffres, ou +33 6 ou +33 7.', 'mobile');
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('accounts').select('mobile').where('id', '=', actor.accountId).forUpdate().executeTakeFirstOrThrow();
    if (before.mobile === mobile) return;
    await trx.updateTable('accounts').set({ mobile }).where('id', '=', actor.accountId).execute();
    await recordAccess(trx, { actor, action: 'notification.preferences', profileId: actor.ownProfileId, at: now,
      target: { type: 'account-mobile', id: mobile ? 'set' : 'removed' } });
    if (actor.ownProfileId) await notify(trx, { profileId: actor.ownProfileId, kind: 'SECURITY', data: { securityEvent: 'contact' }, at: now });
  });
  return mobile;
}
