import type { Db } from '@/db/client';
import { normalizeCode } from '@/lib/auth/codes';
import { ACTIVATION_MISMATCH_FR, ActivationRefusedError } from '@/lib/auth/errors';
import { sameHash } from '@/lib/auth/secrets';
import { THROTTLE_MESSAGES_FR } from '@/lib/auth/throttle-rules';
import { ensureCodeAttemptAllowed, recordCodeFailure } from './code-attempts';
import { normalizeNir } from '@/lib/identity/nir';
import { hashCode } from './issue-code';
import { carteVitaleMatches } from '@/lib/auth/credential-rules';

const ENROLMENT = { kind: 'ENROLMENT' } as const;
const ENROLMENT_TTL_MS = 30 * 60_000;

export type StartActivationInput = { nir: string; vitaleSerial: string; birthDate: string; code: string; reopenConsent?: boolean };

export class ReopenConsentRequiredError extends ActivationRefusedError {
  constructor(deletionPending: boolean) {
    super('activation.reopen-consent', deletionPending
      ? 'Ce profil est fermé et sa suppression est demandée. Réactiver annule votre demande de suppression : cochez la case pour confirmer.'
      : 'Ce profil est fermé. Pour le rouvrir et retrouver ses données, cochez la case pour confirmer.', 'reopenConsent');
  }
}

/**
 * ACT-1 (a), ACT-4, ACT-5: checks identity and code provisoire. Identity mismatches all get one generic
 * message; only a matching identity learns that its code expired or was used. Every failure is counted
 * and traced in its own committed transaction, then thrown.
 */
export async function startActivation(db: Db, input: StartActivationInput, now: Date): Promise<{ enrolmentId: string }> {
  const profile = await db.selectFrom('profiles').selectAll().where('nir', '=', normalizeNir(input.nir)).executeTakeFirst();
  if (!profile) throw new ActivationRefusedError('activation.mismatch', ACTIVATION_MISMATCH_FR);

  const failures = await ensureCodeAttemptAllowed(db, profile, { actor: ENROLMENT, action: 'profile.activate' }, now);

  // ACT-4: only a person whose identity matches may learn that their code expired or was used.
  const identityMatches = carteVitaleMatches(profile, input);
  // REP-8: a child's profile activated by its parents is handed over at 18, still ACTIVE, without a holder account.
  // CLO-6, CLO-7: a closed profile (not a death) reopens through activation with a new code.
  const reopening = (profile.state === 'CLOSED' || profile.state === 'DELETION_REQUESTED') && profile.closure_reason !== 'DECEASED';
  const reachable = profile.state === 'PENDING' || profile.state === 'CREATED' || reopening || (profile.state === 'ACTIVE' && profile.handed_over_at !== null
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
    const invalidateCodes = await recordCodeFailure(db, profile.id, failures.length, { actor: ENROLMENT, action: 'profile.activate', denied: error.code }, now);
    if (invalidateCodes) throw new ActivationRefusedError('activation.codes-invalidated', THROTTLE_MESSAGES_FR.codesInvalidated);
    throw error;
  }

  if (reopening && !input.reopenConsent) throw new ReopenConsentRequiredError(profile.state === 'DELETION_REQUESTED');

  return db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ activation_streak: 0 }).where('id', '=', profile.id).execute();
    const enrolment = await trx.insertInto('enrolments')
      .values({ profile_id: profile.id, code_id: code.id, expires_at: new Date(now.getTime() + ENROLMENT_TTL_MS) })
      .returning('id').executeTakeFirstOrThrow();
    return { enrolmentId: enrolment.id };
  });
}
