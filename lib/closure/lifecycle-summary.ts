import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';
import { archiveEndsOn, deletionAlertOn } from './rules';

/**
 * BO-6: what an agent needs to handle closure, suspension and death for one profile: its state and
 * the dates and reasons of the lifecycle (never medical content). The read is authorized and traced.
 */
export async function lifecycleSummary(db: Db, actor: Actor, profileId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
      .select(['profiles.id', 'profiles.nir', 'profiles.first_names', 'profiles.birth_name', 'profiles.birth_date', 'profiles.state',
        'profiles.previous_state', 'profiles.state_changed_at', 'profiles.closed_at', 'profiles.closure_reason', 'profiles.deletion_requested_at',
        'profiles.purge_due_on', 'profiles.suspended_at', 'profiles.suspension_reason', 'profiles.suspension_deadline',
        'profiles.suspension_objected_at', 'accounts.id as holder'])
      .where('profiles.id', '=', profileId).executeTakeFirst();
    if (!p) throw new NotFoundError('Profil');
    const decision = authorize(actor, 'profile.admin.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holder } });
    await recordAccess(trx, { actor, action: 'profile.admin.read', profileId: p.id, decision, at: now, channel: 'BACKOFFICE' });
    if (!decision.allowed) throw new AccessDeniedError(decision.reason);
    return {
      id: p.id, name: `${p.first_names} ${p.birth_name}`, nirMasked: p.state === 'PURGED' ? null : maskNir(p.nir), birthDate: p.birth_date,
      state: p.state, previousState: p.previous_state, stateChangedAt: p.state_changed_at,
      closedAt: p.closed_at, closureReason: p.closure_reason, archiveEndsOn: p.closed_at ? archiveEndsOn(p.closed_at) : null,
      deletionRequestedAt: p.deletion_requested_at, purgeDueOn: p.purge_due_on,
      deletionAlertOn: p.deletion_requested_at ? deletionAlertOn(p.deletion_requested_at) : null,
      suspendedAt: p.suspended_at, suspensionReason: p.suspension_reason, suspensionDeadline: p.suspension_deadline,
      suspensionObjectedAt: p.suspension_objected_at,
    };
  });
}

export type LifecycleSummary = Awaited<ReturnType<typeof lifecycleSummary>>;
