import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize, type Target } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { findProfileTarget } from './profile-target';

/**
 * The account whose own settings an actor changes (notification switches, NOT-1; contact details, NOT-4):
 * a patient-side actor's own account; FS-3, an advisor within an assisted visit, the visited person's
 * (the guard set `actor.visit`). A refusal is traced under `traceAction`, then thrown.
 */
export async function managedAccount(db: Db, actor: Actor, action: 'notifications.manage' | 'account.contact.change', traceAction: string,
  now: Date): Promise<{ accountId: string; profileId: string | null }> {
  const personProfileId = actor.kind === 'ADVISOR' ? actor.visit?.personProfileId ?? null : null;
  const target: Target = personProfileId ? { profile: (await findProfileTarget(db, personProfileId)).target } : {};
  const decision = authorize(actor, action, target);
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId: personProfileId, decision, at: now });
    throw new AccessDeniedError(decision.reason);
  }
  if (actor.kind === 'PATIENT') return { accountId: actor.accountId, profileId: actor.ownProfileId };
  if (!target.profile?.holderAccountId) {
    throw new ValidationError('account.none', 'Cette personne n’a pas encore activé son profil : elle n’a pas encore de compte Mon espace santé.');
  }
  return { accountId: target.profile.holderAccountId, profileId: target.profile.id };
}
