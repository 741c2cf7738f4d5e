import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { AdvisorStateError } from './advisor-errors';
import { lockAdvisor } from './advisor-row';
import { NO_PASSWORD } from './advisor-rules';
import { sendPasswordLink } from './password-links';

/**
 * FS-1: an agent or a supervisor resets an advisor account: the password stops working at once (and with it
 * any session, lib/auth/session.ts), the lockout is lifted, pending login codes are voided, and a new
 * single-use link valid 72 hours is emailed to the advisor — nobody at the CNAM sees or sets the password.
 * Also resends the invitation of an advisor who never chose one. Traced (AUD-1).
 */
export async function resetAdvisor(db: Db, actor: Actor, input: { id: string }, now: Date): Promise<void> {
  const staff = await ensureStaff(db, actor, 'advisor.reset', 'advisor.reset', now);
  await db.transaction().execute(async (trx) => {
    const row = await lockAdvisor(trx, input.id);
    if (row.deactivated_at) {
      throw new AdvisorStateError('advisor.deactivated', 'Ce compte est désactivé : un superviseur doit le réactiver avant de renvoyer un lien.');
    }
    const site = await trx.selectFrom('france_services_sites').select('name').where('id', '=', row.site_id!).executeTakeFirstOrThrow();
    await trx.updateTable('staff_users').set({ password_hash: NO_PASSWORD, password_set_at: null, password_failures: 0, locked_until: null })
      .where('id', '=', row.id).execute();
    await trx.updateTable('otp_challenges').set({ voided_at: now }).where('purpose', '=', 'STAFF_LOGIN').where('subject_id', '=', row.id)
      .where('used_at', 'is', null).where('voided_at', 'is', null).execute();
    await sendPasswordLink(trx, {
      staffId: row.id, email: row.email, displayName: row.display_name, siteName: site.name,
      purpose: row.password_set_at ? 'RESET' : 'INVITE', createdBy: staff.staffId,
    }, now);
    await recordAccess(trx, { actor, action: 'advisor.reset', profileId: null, target: { type: 'staff_user', id: row.id }, at: now, channel: 'BACKOFFICE' });
  });
}
