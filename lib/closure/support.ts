import { ensureStaffOnProfile } from '@/lib/access/staff-guard';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { deliverHeldMessagesIn } from '@/lib/messaging/deliver-held-messages';
import { enqueue } from '@/lib/queue/outbox';
import { applyTransition, closeInTransaction } from './close-profile';
import { suspensionDeadline } from './rules';


/**
 * CLO-9, ACC-2 T6: the CNAM suspends a profile (serious malfunction or fraud). The holder is notified by
 * email (and the letter is printable from the back-office); the 42 days to object run from today.
 */
export async function suspendProfile(db: Db, actor: Actor, input: { profileId: string; reason: string }, now: Date): Promise<void> {
  const profile = (await ensureStaffOnProfile(db, actor, 'profile.close.record', input.profileId, 'profile.suspend', now)).profile;
  const reason = input.reason.trim();
  if (reason.length < 5) throw new ValidationError('suspension.reason', 'Indiquez le motif de la suspension (5 caractères au moins).', 'reason');
  const deadline = suspensionDeadline(now);
  await db.transaction().execute(async (trx) => {
    await applyTransition(db, trx, { profileId: profile.id, event: 'SUSPENSION', actor, action: 'profile.suspend', channel: 'BACKOFFICE' }, now,
      { suspended_at: now, suspension_reason: reason.slice(0, 500), suspension_deadline: deadline, suspension_objected_at: null });
    await notify(trx, { profileId: profile.id, kind: 'SUSPENSION', at: now, inAppOnly: true }); // NOT-4; its detailed email follows
    const to = profile.holder_email ?? profile.email;
    if (to) await enqueue(trx, { kind: 'email', message: { template: 'suspension', to, data: { firstName: profile.firstName, lastObjectionDay: deadline } } });
  });
}

/** CLO-10: the holder objected (by phone or letter, keyed by an agent): the automatic closure stops. */
export async function recordSuspensionObjection(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  const profile = (await ensureStaffOnProfile(db, actor, 'profile.close.record', profileId, 'profile.suspension-objection', now)).profile;
  if (profile.state !== 'SUSPENDED') throw new ValidationError('suspension.not-suspended', 'Ce profil n’est pas suspendu.');
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('profiles').set({ suspension_objected_at: now })
      .where('id', '=', profileId).where('state', '=', 'SUSPENDED').where('suspension_objected_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new ValidationError('suspension.already-objected', 'La contestation de cette suspension est déjà enregistrée.');
    await recordAccess(trx, { actor, action: 'profile.suspension-objection', profileId, at: now, channel: 'BACKOFFICE' });
  });
}

/** CLO-10, T7: the suspension is lifted; the profile returns to the state it had. */
export async function liftSuspension(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  await ensureStaffOnProfile(db, actor, 'profile.close.record', profileId, 'profile.suspension-lift', now);
  await db.transaction().execute(async (trx) => {
    await applyTransition(db, trx, { profileId, event: 'SUSPENSION_LIFTED', actor, action: 'profile.suspension-lift', channel: 'BACKOFFICE' }, now,
      { suspension_deadline: null });
    await deliverHeldMessagesIn(trx, profileId, now); // MSG-12: messages held during the suspension, if ACTIVE again
  });
}

/**
 * CLO-10: after an objection, the agent closes with a reasoned decision: the suspension is lifted (T7)
 * and the profile closed (T5) in one transaction, both traced.
 */
export async function closeSuspendedWithDecision(db: Db, actor: Actor, input: { profileId: string; decision: string }, now: Date): Promise<void> {
  const profile = (await ensureStaffOnProfile(db, actor, 'profile.close.record', input.profileId, 'profile.close', now)).profile;
  if (profile.state !== 'SUSPENDED') throw new ValidationError('suspension.not-suspended', 'Ce profil n’est pas suspendu.');
  if (input.decision.trim().length < 5) throw new ValidationError('suspension.decision', 'Motivez la décision de fermeture (5 caractères au moins).', 'decision');
  await db.transaction().execute(async (trx) => {
    await applyTransition(db, trx, { profileId: input.profileId, event: 'SUSPENSION_LIFTED', actor, action: 'profile.suspension-lift', channel: 'BACKOFFICE' }, now,
      { suspension_reason: `${profile.state === 'SUSPENDED' ? 'Fermeture après contestation : ' : ''}${input.decision.trim().slice(0, 400)}` });
    await closeInTransaction(db, trx, actor, { profileId: input.profileId, deleteData: false, reason: 'SUSPENSION' }, 'BACKOFFICE', now);
  });
}

/** CLO-11, T15: the death is recorded; the profile closes with reason DECEASED (no email to the holder). */
export async function recordDeath(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  await ensureStaffOnProfile(db, actor, 'profile.close.record', profileId, 'profile.death', now);
  await db.transaction().execute(async (trx) => {
    await closeInTransaction(db, trx, actor, { profileId, deleteData: false, reason: 'DECEASED' }, 'BACKOFFICE', now);
  });
}
