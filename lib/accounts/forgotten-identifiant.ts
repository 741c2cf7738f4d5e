import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { PublicPersonActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { canSendOtp } from '@/lib/auth/codes';
import { formatRemainingFr } from '@/lib/auth/throttle-rules';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';
import { getRedis } from '@/lib/runtime/redis';

/**
 * ACT-14 « Identifiant oublié »: an email address; when it is the verified address of accounts, their identifiant
 * is emailed there. The answer never says whether the address is known (no enumeration): the same message for
 * every address, and the same caps as the one-time codes (ACT-11: 60 s apart, 5 an hour), counted per typed
 * address in Redis whether or not it is known. Every request is traced.
 */
export const IDENTIFIANT_TRACE = 'account.identifiant.reminder';
const ONLINE: PublicPersonActor = { kind: 'PUBLIC' };

export const IDENTIFIANT_SENT_FR =
  'Si cette adresse électronique est celle, vérifiée, d’un compte Mon espace santé, vous allez recevoir votre identifiant dans quelques minutes. ' +
  'Pensez à regarder dans vos courriers indésirables.';

export class IdentifiantReminderLimitedError extends DomainError {
  constructor(message: string) { super('identifiant.rate-limited', message); }
}

/** ACT-11-like caps per address; counts this request when allowed. The address is stored hashed, the set expires. */
async function limitByAddress(email: string, now: Date): Promise<void> {
  const redis = getRedis();
  const key = `${config().QUEUE_PREFIX}:identifiant-reminder:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
  const hourAgo = now.getTime() - 3600_000;
  await redis.zremrangebyscore(key, 0, hourAgo);
  const sent = (await redis.zrange(key, 0, -1, 'WITHSCORES')).filter((_, i) => i % 2 === 1).map((s) => new Date(Number(s)));
  const gate = canSendOtp(sent, now);
  if (!gate.ok) {
    throw new IdentifiantReminderLimitedError(gate.reason === 'too-soon'
      ? `Une demande vient d’être faite pour cette adresse. Vous pourrez recommencer dans ${formatRemainingFr(gate.retryAt, now)}.`
      : `Trop de demandes pour cette adresse. Réessayez dans ${formatRemainingFr(gate.retryAt, now)}.`);
  }
  await redis.multi().zadd(key, now.getTime(), `${now.getTime()}-${Math.random()}`).pexpire(key, 3600_000).exec();
}

/** Returns the one message the page shows, whatever the address. */
export async function sendForgottenIdentifiant(db: Db, input: { email: string }, now: Date): Promise<string> {
  const email = input.email.trim().toLowerCase();
  await limitByAddress(email, now);
  const accounts = await db.selectFrom('accounts').select(['identifiant', 'profile_id', 'email'])
    .where(sql`lower(email)`, '=', email).where('email_verified_at', 'is not', null).orderBy('created_at').execute();
  await db.transaction().execute(async (trx) => {
    if (accounts.length === 0) {
      await recordAccess(trx, { actor: ONLINE, action: IDENTIFIANT_TRACE, profileId: null, at: now, denied: 'unknown-address' });
      return;
    }
    await enqueue(trx, { kind: 'email', secrets: { identifiants: accounts.map((a) => a.identifiant).join('\n') },
      message: { template: 'identifiant-reminder', to: accounts[0]!.email, data: { appUrl: config().APP_URL } } });
    for (const a of accounts) {
      await recordAccess(trx, { actor: ONLINE, action: IDENTIFIANT_TRACE, profileId: a.profile_id, at: now, target: { type: 'account-identifiant', id: 'sent' } });
    }
  });
  return IDENTIFIANT_SENT_FR;
}
