import type { Db } from '@/db/client';
import type { Actor, StaffActor } from './actor';
import { authorize, type Action, type Decision } from './policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';

/** AUD-1: a refusal is traced as one, also when the policy allowed the action to a non-agent (e.g. an advisor in a visit). */
const refusal = (decision: Decision) => (decision.allowed ? { denied: 'staff-only' } : { decision });

/**
 * A back-office use case's gate: the policy decides `policyAction`; a refusal is traced under
 * `traceAction` (AUD-1, failures included) and thrown with its French reason. Only CNAM agents pass.
 */
export async function ensureStaff(db: Db, actor: Actor, policyAction: Action, traceAction: string, now: Date): Promise<StaffActor> {
  const decision = authorize(actor, policyAction);
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: traceAction, profileId: null, ...refusal(decision), at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  return actor;
}

/** The same for an action on one profile: the refusal is traced on that profile's chain. */
export async function ensureStaffOnProfile(db: Db, actor: Actor, policyAction: Action, profileId: string, traceAction: string, now: Date) {
  const profile = await findProfileTarget(db, profileId);
  const decision = authorize(actor, policyAction, { profile: profile.target });
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: traceAction, profileId, ...refusal(decision), at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  return { profile, staff: actor };
}
