import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { AdvisorEmailTakenError, UnknownSiteError } from './advisor-errors';
import { NO_PASSWORD, advisorDisplayName, createAdvisorInput, type CreateAdvisorInput } from './advisor-rules';
import { sendPasswordLink } from './password-links';

/** Whether a staff account (any kind) already uses this email, as its email or as its identifiant. */
async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('staff_users').select('id')
    .where((eb) => eb.or([eb(sql<string>`lower(email)`, '=', email), eb(sql<string>`lower(identifiant)`, '=', email)]))
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * FS-1: a CNAM supervisor creates a France Services advisor's personal account — name, professional email
 * (also their identifiant), one site. The account has no password yet: a single-use link valid 72 hours is
 * emailed to choose it, then the advisor logs in with password + OTP. Traced in the back-office (AUD-1).
 */
export async function createAdvisor(db: Db, actor: Actor, input: CreateAdvisorInput, now: Date): Promise<{ id: string }> {
  const staff = await ensureStaff(db, actor, 'advisor.manage', 'advisor.create', now);
  const parsed = createAdvisorInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError('advisor.invalid', issue.message, String(issue.path[0] ?? 'email'));
  }
  const { givenName, familyName, email, siteId } = parsed.data;
  const site = await db.selectFrom('france_services_sites').select(['id', 'name']).where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new UnknownSiteError();
  if (await emailTaken(db, email)) throw new AdvisorEmailTakenError();
  const displayName = advisorDisplayName(givenName, familyName);
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('staff_users').values({
        kind: 'ADVISOR', identifiant: email, password_hash: NO_PASSWORD, password_set_at: null, email, display_name: displayName,
        site_id: site.id, locked_until: null, created_by: staff.staffId, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await sendPasswordLink(trx, { staffId: id, email, displayName, siteName: site.name, purpose: 'INVITE', createdBy: staff.staffId }, now);
      await recordAccess(trx, { actor, action: 'advisor.create', profileId: null, target: { type: 'staff_user', id }, at: now, channel: 'BACKOFFICE' });
      return { id };
    });
  } catch (error) {
    // Two supervisors creating the same advisor at once: the identifiant's unique index decides.
    if ((error as { code?: string }).code === '23505') throw new AdvisorEmailTakenError();
    throw error;
  }
}
