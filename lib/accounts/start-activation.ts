import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { recordAccess } from '@/lib/audit/record-access';
import { normalizeCode } from '@/lib/auth/codes';
import { ACTIVATION_MISMATCH_FR, ActivationRefusedError } from '@/lib/auth/errors';
import { sameHash } from '@/lib/auth/secrets';
import { THROTTLE_MESSAGES_FR, activationGate, afterActivationFailure } from '@/lib/auth/throttle-rules';
import { normalizeNir } from '@/lib/identity/nir';
import { hashCode } from './issue-code';

const ENROLMENT = { kind: 'ENROLMENT' } as const;
const ENROLMENT_TTL_MS = 30 * 60_000;

export type StartActivationInput = { nir: string; vitaleSerial: string; birthDate: string; code: string };

/**
 * ACT-1 (a), ACT-4, ACT-5: checks identity and code provisoire. Identity mismatches all get one generic
 * message; only a matching identity learns that its code expired or was used. Every failure is counted
 * and traced in its own committed transaction, then thrown.
 */
export async function startActivation(db: Db, input: StartActivationInput, now: Date): Promise<{ enrolmentId: string }> {
  const profile = await db.selectFrom('profiles').selectAll().where('nir', '=', normalizeNir(input.nir)).executeTakeFirst();
  if (!profile) throw new ActivationRefusedError('activation.mismatch', ACTIVATION_MISMATCH_FR);

  const failures = await db.selectFrom('activation_failures').select('at').where('profile_id', '=', profile.id)
    .where('at', '>', new Date(now.getTime() - 24.5 * 3600_000)).execute();
  const gate = activationGate({ consecutiveFailures: profile.activation_streak, lastFailureAt: profile.activation_last_failure_at,
    failuresLast24h: failures.map((f) => f.at) }, now);
  if (!gate.allowed) {
    await recordAccess(db, { actor: ENROLMENT, action: 'profile.activate', profileId: profile.id, at: now, denied: `activation.${gate.reason}` });
    throw new ActivationRefusedError(`activation.${gate.reason}`, gate.reason === 'wait'
      ? THROTTLE_MESSAGES_FR.activationWait(gate.retryAt, now) : THROTTLE_MESSAGES_FR.activationLocked(gate.retryAt, now));
  }

  // ACT-4: only a person whose identity matches may learn that their code expired or was used.
  const identityMatches = profile.vitale_serial === input.vitaleSerial.replace(/\s/g, '') && profile.birth_date === input.birthDate;
  // REP-8: a child's profile activated by its parents is handed over at 18, still ACTIVE, without a holder account.
  const reachable = profile.state === 'PENDING' || profile.state === 'CREATED' || (profile.state === 'ACTIVE' && profile.handed_over_at !== null
    && !(await db.selectFrom('accounts').select('id').where('profile_id', '=', profile.id).executeTakeFirst()));
  const codeHash = hashCode(normalizeCode(input.code));
  const codes = identityMatches
    ? await db.selectFrom('activation_codes').selectAll().where('profile_id', '=', profile.id).execute() : [];
  const code = codes.find((c) => sameHash(c.code_hash, codeHash));
  let refusal: ActivationRefusedError | undefined;
  if (!code) refusal = new ActivationRefusedError('activation.mismatch', ACTIVATION_MISMATCH_FR);
  else if (code.used_at) refusal = new ActivationRefusedError('activation.code-used', 'Ce code provisoire a déjà été utilisé. Si vous avez déjà activé votre profil, connectez-vous.', 'code');
  else if (!reachable) refusal = new ActivationRefusedError('activation.mismatch', ACTIVATION_MISMATCH_FR);
  else if (code.invalidated_at || code.expires_at <= now) {
    refusal = new ActivationRefusedError('activation.code-expired', 'Ce code provisoire a expiré ou a été remplacé. Demandez un nouveau code provisoire au 3422.', 'code');
  }

  if (refusal || !code) {
    const error = refusal ?? new ActivationRefusedError('activation.mismatch', ACTIVATION_MISMATCH_FR);
    const { invalidateCodes } = afterActivationFailure(failures.length + 1);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('activation_failures').values({ profile_id: profile.id, at: now }).execute();
      await trx.updateTable('profiles').set({ activation_streak: sql`activation_streak + 1`, activation_last_failure_at: now })
        .where('id', '=', profile.id).execute();
      if (invalidateCodes) {
        await trx.updateTable('activation_codes').set({ invalidated_at: now })
          .where('profile_id', '=', profile.id).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
      }
      await recordAccess(trx, { actor: ENROLMENT, action: 'profile.activate', profileId: profile.id, at: now, denied: error.code });
    });
    if (invalidateCodes) throw new ActivationRefusedError('activation.codes-invalidated', THROTTLE_MESSAGES_FR.codesInvalidated);
    throw error;
  }

  return db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ activation_streak: 0 }).where('id', '=', profile.id).execute();
    const enrolment = await trx.insertInto('enrolments')
      .values({ profile_id: profile.id, code_id: code.id, expires_at: new Date(now.getTime() + ENROLMENT_TTL_MS) })
      .returning('id').executeTakeFirstOrThrow();
    return { enrolmentId: enrolment.id };
  });
}
