import type { Db } from '@/db/client';
import type { Actor, StaffActor } from './actor';
import { authorize, type Action } from './policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';

/**
 * A back-office use case's gate: the policy decides `policyAction`; a refusal is traced under
 * `traceAction` (AUD-1, failures included) and thrown with its French reason. Only CNAM agents pass.
 */
export async function ensureStaff(db: Db, actor: Actor, policyAction: Action, traceAction: string, now: Date): Promise<StaffActor> {
  const decision = authorize(actor, policyAction);
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: traceAction, profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  return actor;
}

/** The same for an action on one profile: the refusal is traced on that profile's chain. */
export async function ensureStaffOnProfile(db: Db, actor: Actor, policyAction: Action, profileId: string, traceAction: string, now: Date) {
  const profile = await findProfileTarget(db, profileId);
  const decision = authorize(actor, policyAction, { profile: profile.target });
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: traceAction, profileId, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  return { profile, staff: actor };
}
