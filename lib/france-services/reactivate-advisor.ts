import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { AdvisorStateError } from './advisor-errors';
import { lockAdvisor } from './advisor-row';

/**
 * FS-1: a supervisor reactivates a deactivated advisor account; the password chosen before still works (an
 * agent can reset it if needed, which sends a new link). Traced (AUD-1).
 */
export async function reactivateAdvisor(db: Db, actor: Actor, input: { id: string }, now: Date): Promise<void> {
  await ensureStaff(db, actor, 'advisor.manage', 'advisor.reactivate', now);
  await db.transaction().execute(async (trx) => {
    const row = await lockAdvisor(trx, input.id);
    if (!row.deactivated_at) throw new AdvisorStateError('advisor.not-deactivated', 'Ce compte de conseiller n’est pas désactivé.');
    await trx.updateTable('staff_users').set({ deactivated_at: null, deactivated_by: null, password_failures: 0, locked_until: null })
      .where('id', '=', row.id).execute();
    await recordAccess(trx, { actor, action: 'advisor.reactivate', profileId: null, target: { type: 'staff_user', id: row.id }, at: now, channel: 'BACKOFFICE' });
  });
}
