import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ActivationRefusedError } from '@/lib/auth/errors';
import type { DomainError } from '@/lib/errors';
import { THROTTLE_MESSAGES_FR, activationGate, afterActivationFailure } from '@/lib/auth/throttle-rules';

/** What a refusal names: its code prefix and what is blocked (ACT-14's reset shares the counter). */
type Refusal = { prefix: string; blocked: string; error: new (code: string, message: string) => DomainError };
const ACTIVATION: Refusal = { prefix: 'activation', blocked: 'l’activation', error: ActivationRefusedError };

/**
 * ACT-5: every identification by carte Vitale on the public site (activation, a child's activation, closure with
 * a code, password reset) shares one counter per profile: 30 s wait after 3 wrong tries, 30 min lock, codes voided
 * at 10 in 24 h.
 */
export async function ensureCodeAttemptAllowed(db: Db, profile: { id: string; activation_streak: number; activation_last_failure_at: Date | null },
  trace: { actor: Actor; action: string }, now: Date, refusal: Refusal = ACTIVATION): Promise<Date[]> {
  const failures = await db.selectFrom('activation_failures').select('at').where('profile_id', '=', profile.id)
    .where('at', '>', new Date(now.getTime() - 24.5 * 3600_000)).execute();
  const gate = activationGate({ consecutiveFailures: profile.activation_streak, lastFailureAt: profile.activation_last_failure_at,
    failuresLast24h: failures.map((f) => f.at) }, now);
  if (!gate.allowed) {
    await recordAccess(db, { ...trace, profileId: profile.id, at: now, denied: `${refusal.prefix}.${gate.reason}` });
    throw new refusal.error(`${refusal.prefix}.${gate.reason}`, gate.reason === 'wait'
      ? THROTTLE_MESSAGES_FR.activationWait(gate.retryAt, now) : THROTTLE_MESSAGES_FR.activationLocked(gate.retryAt, now, refusal.blocked));
  }
  return failures.map((f) => f.at);
}

/** Counts one wrong try (committed on its own, traced); returns true when the codes were just voided. */
export async function recordCodeFailure(db: Db, profileId: string, failuresLast24h: number, trace: { actor: Actor; action: string; denied: string }, now: Date): Promise<boolean> {
  const { invalidateCodes } = afterActivationFailure(failuresLast24h + 1);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('activation_failures').values({ profile_id: profileId, at: now }).execute();
    await trx.updateTable('profiles').set({ activation_streak: sql`activation_streak + 1`, activation_last_failure_at: now })
      .where('id', '=', profileId).execute();
    if (invalidateCodes) {
      await trx.updateTable('activation_codes').set({ invalidated_at: now })
        .where('profile_id', '=', profileId).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
    }
    await recordAccess(trx, { actor: trace.actor, action: trace.action, profileId, at: now, denied: trace.denied });
  });
  return invalidateCodes;
}
