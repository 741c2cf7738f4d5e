import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { TransitionRefusedError, transition } from '@/lib/accounts/lifecycle';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { config } from '@/lib/config';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';

/**
 * OPP-9, ACC-2 T14: an opposition is withdrawn on request (recorded by an agent). The profile goes to
 * CREATED, the opposition is marked withdrawn, and a new code provisoire is issued and emailed.
 */
export async function withdrawOpposition(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  const profile = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.email', 'profiles.first_names', 'accounts.id as holder'])
    .where('profiles.id', '=', profileId).executeTakeFirst();
  if (!profile) throw new NotFoundError('Profil');
  const trace = { actor, action: 'profile.oppose.withdraw', profileId, at: now, channel: 'BACKOFFICE' as const };
  const decision = authorize(actor, 'profile.oppose.withdraw', { profile: { id: profile.id, state: profile.state, holderAccountId: profile.holder } });
  if (!decision.allowed) {
    await recordAccess(db, { ...trace, decision });
    throw new AccessDeniedError(decision.reason);
  }
  let to;
  try {
    to = transition(profile.state, 'OPPOSITION_WITHDRAWN', 'SUPPORT').to;
  } catch (e) {
    if (e instanceof TransitionRefusedError) await recordAccess(db, { ...trace, denied: e.code });
    throw e;
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ state: to, previous_state: profile.state, state_changed_at: now }).where('id', '=', profileId).execute();
    await trx.updateTable('oppositions').set({ withdrawn_at: now }).where('profile_id', '=', profileId).where('withdrawn_at', 'is', null).execute();
    const { code, expiresAt } = await issueCode(trx, profileId, now);
    if (profile.email) {
      await enqueue(trx, { kind: 'email', secrets: { code }, message: { template: 'new-code', to: profile.email,
        data: { firstName: profile.first_names.split(' ')[0] ?? '', appUrl: config().APP_URL, codeExpiresAt: expiresAt.toISOString() } } });
    }
    await recordAccess(trx, trace);
  });
}
