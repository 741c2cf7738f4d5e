import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { config } from '@/lib/config';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';
import { issueCode } from './issue-code';

/** CMP-8: at most 3 codes per profile in any 24 hours, whoever asks. */
export const MAX_CODES_PER_24H = 3;

export class CodeReissueRefusedError extends DomainError {}

/**
 * BO-3: an agent sends a new code provisoire to the email on file. The new code voids the older
 * ones (CMP-7); the send goes through the outbox; the action is traced as SUPPORT, refusals too.
 */
export async function reissueCode(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  const profile = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.email', 'profiles.first_names', 'accounts.id as holder'])
    .where('profiles.id', '=', profileId).executeTakeFirst();
  if (!profile) throw new NotFoundError('Profil');
  const trace = { actor, action: 'profile.code.reissue', profileId, at: now, channel: 'BACKOFFICE' as const };
  const decision = authorize(actor, 'profile.code.reissue', { profile: { id: profile.id, state: profile.state, holderAccountId: profile.holder } });
  const refuse = async (reason: string, error: Error): Promise<never> => {
    await recordAccess(db, { ...trace, ...(decision.allowed ? { denied: reason } : { decision }) });
    throw error;
  };
  if (!decision.allowed) return refuse(decision.code, new AccessDeniedError(decision.reason));
  if (profile.state !== 'PENDING' && profile.state !== 'CREATED') {
    return refuse('not-awaiting-activation', new CodeReissueRefusedError('code.not-awaiting', 'Ce profil n’attend pas d’activation : aucun code provisoire ne peut être envoyé.'));
  }
  if (!profile.email) {
    return refuse('no-email', new CodeReissueRefusedError('code.no-email', 'Aucune adresse électronique connue : le code ne peut pas être envoyé par courriel.'));
  }
  const email = profile.email;
  const recent = await db.selectFrom('activation_codes').select(db.fn.countAll<number>().as('n'))
    .where('profile_id', '=', profileId).where('issued_at', '>', new Date(now.getTime() - 24 * 3600_000)).executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_CODES_PER_24H) {
    return refuse('code-cap', new CodeReissueRefusedError('code.cap', 'Trois codes provisoires ont déjà été envoyés à cette personne dans les dernières 24 heures. Réessayez plus tard.'));
  }
  await db.transaction().execute(async (trx) => {
    const { code, expiresAt } = await issueCode(trx, profileId, now);
    await enqueue(trx, {
      kind: 'email',
      message: { template: 'new-code', to: email, data: { firstName: profile.first_names.split(' ')[0] ?? '', appUrl: config().APP_URL, codeExpiresAt: expiresAt.toISOString() } },
      secrets: { code },
    });
    await recordAccess(trx, trace);
  });
}
