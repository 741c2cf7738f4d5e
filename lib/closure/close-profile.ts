import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB, ClosureReason } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { authorize, type Action } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { TransitionRefusedError, transition, type LifecycleActor, type LifecycleEvent } from '@/lib/accounts/lifecycle';
import { recordAccess, type TraceInput } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { enqueue } from '@/lib/queue/outbox';
import { purgeDueOn } from './rules';

export type ClosureInput = { profileId: string; deleteData: boolean; reason?: ClosureReason; event?: LifecycleEvent };

const lifecycleActor = (actor: Actor): LifecycleActor =>
  actor.kind === 'STAFF' || actor.kind === 'ADVISOR' ? 'SUPPORT' : actor.kind === 'SYSTEM' ? 'SYSTEM' : 'PATIENT';

/**
 * Applies one lifecycle event to a profile inside `trx`: checks ACC-2, writes the state and the trace.
 * A refused transition is traced (in its own transaction, so it survives the rollback) and thrown.
 */
export async function applyTransition(
  db: Db, trx: Transaction<DB>, input: { profileId: string; event: LifecycleEvent; actor: Actor; action: string; channel?: TraceInput['channel'] },
  now: Date, extra: Record<string, unknown> = {},
): Promise<{ from: string; to: string }> {
  const profile = await trx.selectFrom('profiles').select(['state', 'previous_state']).where('id', '=', input.profileId).forUpdate().executeTakeFirstOrThrow();
  let to: string;
  try {
    to = transition(profile.state, input.event, lifecycleActor(input.actor), profile.previous_state ?? undefined).to;
  } catch (e) {
    if (e instanceof TransitionRefusedError) {
      await recordAccess(db, { actor: input.actor, action: input.action, profileId: input.profileId, at: now, denied: e.code, channel: input.channel });
    }
    throw e;
  }
  await trx.updateTable('profiles').set({ state: to as never, previous_state: profile.state, state_changed_at: now, ...extra })
    .where('id', '=', input.profileId).execute();
  await recordAccess(trx, { actor: input.actor, action: input.action, profileId: input.profileId, at: now, channel: input.channel });
  return { from: profile.state, to };
}

/** CLO-3: what ends with the profile at once (the policy already refuses every access by state). */
async function endLinks(trx: Transaction<DB>, profileId: string): Promise<void> {
  await trx.updateTable('representative_invitations').set({ status: 'EXPIRED' }).where('profile_id', '=', profileId).where('status', '=', 'PENDING').execute();
  await trx.updateTable('activation_codes').set({ invalidated_at: new Date() })
    .where('profile_id', '=', profileId).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
  // CLO-6: re-opening restores blocks, not service consents: they end with the closure (CAT-5).
  await trx.updateTable('service_consents').set({ revoked_at: new Date() }).where('profile_id', '=', profileId).where('revoked_at', 'is', null).execute();
}

/** Who asks: the holder's side on the web (CLO-1), an advisor in a visit (FS-3), or an agent (CLO-2, BO-2). */
const closureAction = (actor: Actor): Action =>
  actor.kind === 'PATIENT' ? 'profile.close' : actor.kind === 'ADVISOR' ? 'profile.close.assist' : 'profile.close.record';
/** Advisors work on the web with the person present (their traces say ASSISTED); agents in the back-office. */
const closureChannel = (actor: Actor): TraceInput['channel'] => (actor.kind === 'STAFF' ? 'BACKOFFICE' : 'WEB');

async function authorizeClosure(db: Db, actor: Actor, profileId: string, traceAction: string, now: Date) {
  const profile = await findProfileTarget(db, profileId);
  const decision = authorize(actor, closureAction(actor), { profile: profile.target });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId: profile.id, decision, at: now });
    throw new AccessDeniedError(decision.reason);
  }
}

/**
 * CLO-1..3, CLO-5, CLO-8, ACC-2 T5 (+T9): closes a CREATED or ACTIVE profile at once, optionally with the
 * deletion request. The holder or a representative on the web (CLO-1), an advisor with the person present
 * (FS-3) or an agent (CLO-2, BO-2). A parent's closure never closes the children's profiles; their account
 * stays for them (CLO-8).
 */
export async function closeProfile(db: Db, actor: Actor, input: ClosureInput, now: Date): Promise<void> {
  await authorizeClosure(db, actor, input.profileId, 'profile.close', now);
  await db.transaction().execute(async (trx) => {
    await closeInTransaction(db, trx, actor, { ...input, reason: input.reason ?? (actor.kind === 'PATIENT' ? 'HOLDER' : 'SUPPORT') }, closureChannel(actor), now);
  });
}

/**
 * CLO-5, ACC-2 T9: the deletion of a closed profile's archive, asked by phone or letter (agent) or at France
 * Services (FS-3): purge due at +30 days; the dated confirmation says so. The lifecycle refuses any other state.
 */
export async function requestDeletion(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  await authorizeClosure(db, actor, profileId, 'profile.deletion-request', now);
  await db.transaction().execute(async (trx) => {
    await requestDeletionInTransaction(db, trx, actor, profileId, closureChannel(actor), now);
    const holder = await holderContact(trx, profileId);
    if (holder.to && holder.closedAt) {
      await enqueue(trx, { kind: 'email', message: { template: 'closure', to: holder.to,
        data: { firstName: holder.firstName, closedAt: holder.closedAt.toISOString(), deletion: true } } });
    }
  });
}

async function holderContact(trx: Transaction<DB>, profileId: string) {
  const row = await trx.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.first_names', 'profiles.email', 'profiles.closed_at', 'accounts.email as account_email']).where('profiles.id', '=', profileId).executeTakeFirstOrThrow();
  return { firstName: row.first_names.split(' ')[0] ?? '', to: row.account_email ?? row.email, closedAt: row.closed_at };
}

/** The closure itself, for callers that already hold a transaction (OPP-8, death, suspension end). */
export async function closeInTransaction(db: Db, trx: Transaction<DB>, actor: Actor, input: ClosureInput & { reason: ClosureReason },
  channel: TraceInput['channel'], now: Date): Promise<void> {
  const event: LifecycleEvent = input.event ?? (input.reason === 'DECEASED' ? 'DEATH' : 'CLOSURE');
  await applyTransition(db, trx, { profileId: input.profileId, event, actor, action: input.reason === 'DECEASED' ? 'profile.death' : 'profile.close', channel },
    now, { closed_at: now, closure_reason: input.reason });
  await endLinks(trx, input.profileId);
  if (input.deleteData) await requestDeletionInTransaction(db, trx, actor, input.profileId, channel, now);
  if (input.reason !== 'DECEASED' && input.reason !== 'MERGED') {
    // NOT-4: closure is told in the centre (kept through the archive) and by its own detailed email.
    await notify(trx, { profileId: input.profileId, kind: 'CLOSURE', at: now, inAppOnly: true });
    const holder = await holderContact(trx, input.profileId);
    if (holder.to) {
      await enqueue(trx, { kind: 'email', message: { template: 'closure', to: holder.to,
        data: { firstName: holder.firstName, closedAt: now.toISOString(), deletion: input.deleteData } } });
    }
  }
}

/** CLO-5, T9: deletion requested (at closure or during the archive): purge due at +30 days. */
export async function requestDeletionInTransaction(db: Db, trx: Transaction<DB>, actor: Actor, profileId: string, channel: TraceInput['channel'], now: Date): Promise<void> {
  await applyTransition(db, trx, { profileId, event: 'DELETION_REQUEST', actor, action: 'profile.deletion-request', channel }, now,
    { deletion_requested_at: now, purge_due_on: purgeDueOn(now) });
}
