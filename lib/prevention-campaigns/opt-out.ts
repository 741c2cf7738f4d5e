import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';

export async function isOptedOut(db: Db, profileId: string): Promise<boolean> {
  return !!(await db.selectFrom('prevention_opt_outs').select('profile_id').where('profile_id', '=', profileId).executeTakeFirst());
}

/**
 * PRV-8: the holder or a representative opts the profile out of prevention messages, without a reason,
 * or back in. Immediate (the next batch's SQL no longer picks the profile), traced in the same
 * transaction, reversible. Calendar items (AGD-6) stay.
 */
export async function setPreventionOptOut(db: Db, actor: Actor, input: { profileId: string; optedOut: boolean }, now: Date): Promise<void> {
  const profile = await findProfileTarget(db, input.profileId);
  const action = input.optedOut ? 'prevention.opt-out' : 'prevention.opt-in';
  const decision = authorize(actor, 'prevention.manage', { profile: profile.target });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action, profileId: profile.id, decision, at: now, channel: 'WEB' });
    throw new AccessDeniedError(decision.reason);
  }
  await db.transaction().execute(async (trx) => {
    if (input.optedOut) {
      await trx.insertInto('prevention_opt_outs')
        .values({ profile_id: profile.id, at: now, by_account: actor.kind === 'PATIENT' ? actor.accountId : null })
        .onConflict((oc) => oc.column('profile_id').doNothing()).execute();
    } else {
      await trx.deleteFrom('prevention_opt_outs').where('profile_id', '=', profile.id).execute();
    }
    await recordAccess(trx, { actor, action, profileId: profile.id, decision, at: now, channel: 'WEB' });
  });
}
