import type { Db } from '@/db/client';
import { findProfileTarget, profileTargetFor } from '@/lib/accounts/profile-target';
import { recordAccess, type TraceInput } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';
import type { Actor } from './actor';
import { authorize, type Action, type ProfileTarget } from './policy';

/**
 * The gate of a use case on one profile, for any actor: the policy decides `policyAction`; a refusal
 * is traced on the profile's chain (AUD-1, failures included) and thrown with its French reason.
 * An unknown profile id answers NotFoundError, like one the actor may not reach (no existence leak
 * beyond the trace).
 */
export async function ensureOnProfile(db: Db, actor: Actor, policyAction: Action, profileId: string, traceAction: string,
  now: Date, channel: TraceInput['channel'] = 'WEB') {
  const profile = await findProfileTarget(db, profileId);
  const decision = authorize(actor, policyAction, { profile: profile.target });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId, decision, at: now, channel });
    throw new AccessDeniedError(decision.reason);
  }
  return profile;
}

/** `ensureOnProfile` for a read that needs only the decision: the target may come from the page's profile list. */
export async function ensureMayOnProfile(db: Db, actor: Actor, policyAction: Action, profileId: string, traceAction: string,
  now: Date): Promise<ProfileTarget> {
  const target = await profileTargetFor(db, actor, profileId);
  const decision = authorize(actor, policyAction, { profile: target });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId, decision, at: now });
    throw new AccessDeniedError(decision.reason);
  }
  return target;
}
