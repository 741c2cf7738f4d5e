import type { Db } from '@/db/client';
import type { AdvisorActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { checkPassword } from '@/lib/auth/credential-rules';
import { hashPassword } from '@/lib/auth/passwords';
import { ValidationError } from '@/lib/errors';
import { PasswordLinkError } from './advisor-errors';
import { advisorPasswordContext, passwordLinkState } from './advisor-rules';
import { hashPasswordLinkToken } from './password-links';

export type PasswordLinkTarget = { staffId: string; identifiant: string; displayName: string };

async function findLink(db: Db, token: string, lock: boolean) {
  if (!token || token.length > 100) return undefined;
  const q = db.selectFrom('staff_password_tokens').innerJoin('staff_users', 'staff_users.id', 'staff_password_tokens.staff_id')
    .select(['staff_password_tokens.id', 'staff_password_tokens.expires_at', 'staff_password_tokens.used_at', 'staff_password_tokens.voided_at',
      'staff_users.id as staff_id', 'staff_users.identifiant', 'staff_users.display_name', 'staff_users.site_id', 'staff_users.deactivated_at'])
    .where('staff_password_tokens.token_hash', '=', hashPasswordLinkToken(token)).where('staff_users.kind', '=', 'ADVISOR');
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

function usableLink(link: Awaited<ReturnType<typeof findLink>>, now: Date): NonNullable<typeof link> {
  if (!link) throw new PasswordLinkError('unknown');
  const state = passwordLinkState({ expiresAt: link.expires_at, usedAt: link.used_at, voidedAt: link.deactivated_at ? now : link.voided_at }, now);
  if (state !== 'usable') throw new PasswordLinkError(state);
  return link;
}

/** FS-1: the page of the emailed link checks it before showing the form (nothing is spent). */
export async function checkPasswordLink(db: Db, token: string, now: Date): Promise<PasswordLinkTarget> {
  const link = usableLink(await findLink(db, token, false), now);
  return { staffId: link.staff_id, identifiant: link.identifiant, displayName: link.display_name };
}

/**
 * FS-1: the advisor chooses their password through the single-use link (ACT-8 rules; their names and
 * identifiant are forbidden in it). The link is spent, the lockout lifted; then the normal login, password
 * + OTP. Traced on the advisor (AUD-1). The password is never seen by anyone else (FS-4).
 */
export async function setAdvisorPassword(db: Db, input: { token: string; password: string; confirmation: string }, now: Date): Promise<PasswordLinkTarget> {
  const preview = usableLink(await findLink(db, input.token, false), now);
  const errors = checkPassword(input.password, advisorPasswordContext({ identifiant: preview.identifiant, displayName: preview.display_name }));
  if (errors.length) throw new ValidationError('advisor.password-rules', errors.join(' '), 'password');
  if (input.password !== input.confirmation) {
    throw new ValidationError('advisor.password-mismatch', 'Les deux mots de passe saisis sont différents.', 'passwordConfirmation');
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    // Checked again under lock: two tabs on the same link spend it once.
    const link = usableLink(await findLink(trx, input.token, true), now);
    await trx.updateTable('staff_password_tokens').set({ used_at: now }).where('id', '=', link.id).execute();
    await trx.updateTable('staff_users').set({ password_hash: passwordHash, password_set_at: now, password_failures: 0, locked_until: null })
      .where('id', '=', link.staff_id).execute();
    const actor: AdvisorActor = { kind: 'ADVISOR', staffId: link.staff_id, siteId: link.site_id!, name: link.display_name };
    await recordAccess(trx, { actor, action: 'advisor.password.set', profileId: null, target: { type: 'staff_user', id: link.staff_id }, at: now, mode: 'NORMAL' });
    return { staffId: link.staff_id, identifiant: link.identifiant, displayName: link.display_name };
  });
}
