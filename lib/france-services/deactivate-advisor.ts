import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { AdvisorStateError } from './advisor-errors';
import { lockAdvisor } from './advisor-row';
import { voidPasswordLinks } from './password-links';

/**
 * FS-1: a supervisor deactivates an advisor account, effective at once: the advisor's next request finds no
 * session (lib/auth/session.ts re-reads the account on every request), a login is refused, and pending
 * password links and login codes stop working. The account and its traces stay. Traced (AUD-1).
 */
export async function deactivateAdvisor(db: Db, actor: Actor, input: { id: string }, now: Date): Promise<void> {
  const staff = await ensureStaff(db, actor, 'advisor.manage', 'advisor.deactivate', now);
  await db.transaction().execute(async (trx) => {
    const row = await lockAdvisor(trx, input.id);
    if (row.deactivated_at) throw new AdvisorStateError('advisor.already-deactivated', 'Ce compte de conseiller est déjà désactivé.');
    await trx.updateTable('staff_users').set({ deactivated_at: now, deactivated_by: staff.staffId }).where('id', '=', row.id).execute();
    await voidPasswordLinks(trx, row.id, now);
    await trx.updateTable('otp_challenges').set({ voided_at: now }).where('purpose', '=', 'STAFF_LOGIN').where('subject_id', '=', row.id)
      .where('used_at', 'is', null).where('voided_at', 'is', null).execute();
    await recordAccess(trx, { actor, action: 'advisor.deactivate', profileId: null, target: { type: 'staff_user', id: row.id }, at: now, channel: 'BACKOFFICE' });
  });
}
