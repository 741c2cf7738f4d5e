import type { Db } from '@/db/client';
import type { Actor, AdvisorActor, AdvisorVisit } from '@/lib/access/actor';
import { authorize, type Action } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';
import { NoActiveVisitError, VisitExpiredError } from './errors';
import { closingOf } from './rules';

/** An advisor inside their active visit: what the guard hands to every advisor page and action. */
export type AdvisorInVisit = AdvisorActor & { visit: AdvisorVisit };

async function openVisit(db: Db, advisorId: string) {
  return db.selectFrom('assisted_visits').select(['id', 'profile_id', 'expires_at', 'ended_at'])
    .where('advisor_id', '=', advisorId).where('ended_at', 'is', null).executeTakeFirst();
}

/**
 * FS-2: an open visit past its 60 minutes is closed as EXPIRED (at its expiry). Returns whether one was.
 * The closing is traced on the global chain (no profile is read).
 */
export async function closeExpiredVisit(db: Db, actor: AdvisorActor, now: Date): Promise<boolean> {
  const open = await openVisit(db, actor.staffId);
  const closing = open && closingOf({ endedAt: open.ended_at, expiresAt: open.expires_at }, now);
  if (!open || !closing) return false;
  await db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('assisted_visits').set({ ended_at: closing.endedAt, end_reason: closing.reason })
      .where('id', '=', open.id).where('ended_at', 'is', null).executeTakeFirst();
    if (done.numUpdatedRows > 0n) {
      await recordAccess(trx, { actor, action: 'assisted-visit.end', profileId: null, at: now, target: { type: 'assisted-visit', id: open.id } });
    }
  });
  return true;
}

/**
 * FS-2: the guard of every advisor page and action during a visit: this advisor's open visit (one at a
 * time), refused once its 60 minutes are over (the visit is then closed as EXPIRED). The returned actor
 * carries the visit, which the policy reads (lib/access/policy.ts `advisorInVisit`).
 */
export async function requireActiveVisit(db: Db, actor: Actor, now: Date): Promise<AdvisorInVisit> {
  const access = authorize(actor, 'advisor.access');
  if (!access.allowed || actor.kind !== 'ADVISOR') {
    await recordAccess(db, { actor, action: 'assisted-visit.use', profileId: null, decision: access, at: now });
    throw new AccessDeniedError(access.allowed ? 'réservé aux conseillers France Services.' : access.reason);
  }
  if (await closeExpiredVisit(db, actor, now)) {
    await recordAccess(db, { actor, action: 'assisted-visit.use', profileId: null, at: now, denied: 'advisor-visit-expired' });
    throw new VisitExpiredError();
  }
  const open = await openVisit(db, actor.staffId);
  if (!open) throw new NoActiveVisitError();
  const covered = await db.selectFrom('assisted_visit_profiles').select('profile_id').where('visit_id', '=', open.id).execute();
  return { ...actor, visit: { id: open.id, personProfileId: open.profile_id, profileIds: covered.map((c) => c.profile_id),
    expiresAt: open.expires_at, endedAt: open.ended_at, checkedAt: now } };
}

/**
 * An action on one profile within the visit: the policy decides (FS-2 covered, FS-3 allowed, FS-4 never
 * medical); a refusal is traced on that profile's chain and thrown with its French reason.
 */
export async function ensureInVisit(db: Db, actor: AdvisorInVisit, action: Action, profileId: string, traceAction: string, now: Date) {
  const profile = await findProfileTarget(db, profileId);
  const decision = authorize(actor, action, { profile: profile.target });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId, decision, at: now });
    throw new AccessDeniedError(decision.reason);
  }
  return profile;
}
