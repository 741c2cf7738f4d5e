import type { Db } from '@/db/client';
import { ensureCodeAttemptAllowed, recordCodeFailure } from '@/lib/accounts/code-attempts';
import { hashCode } from '@/lib/accounts/issue-code';
import { ACTIVATION_MISMATCH_FR, ActivationRefusedError } from '@/lib/auth/errors';
import { normalizeCode } from '@/lib/auth/codes';
import { sameHash } from '@/lib/auth/secrets';
import { THROTTLE_MESSAGES_FR } from '@/lib/auth/throttle-rules';
import { ValidationError } from '@/lib/errors';
import { normalizeNir } from '@/lib/identity/nir';
import { closeInTransaction } from './close-profile';
import { carteVitaleMatches } from '@/lib/auth/credential-rules';

const PUBLIC = { kind: 'PUBLIC' } as const;

/**
 * OPP-8, CLO-2: after creation, an opposition is a closure. For a CREATED profile it needs NIR, Vitale
 * serial, date of birth and a valid code provisoire (a new one can be requested, CMP-8). Wrong tries
 * count like activation attempts (ACT-5); the code is used up by the closure.
 */
export async function closeCreatedWithCode(db: Db, input: { nir: string; vitaleSerial: string; birthDate: string; code: string; deleteData: boolean }, now: Date): Promise<void> {
  let nir: string;
  try { nir = normalizeNir(input.nir); } catch { throw new ActivationRefusedError('activation.mismatch', ACTIVATION_MISMATCH_FR); }
  const profile = await db.selectFrom('profiles').selectAll().where('nir', '=', nir).executeTakeFirst();
  if (!profile) throw new ActivationRefusedError('activation.mismatch', ACTIVATION_MISMATCH_FR);
  const trace = { actor: PUBLIC, action: 'profile.close' };
  const failures = await ensureCodeAttemptAllowed(db, profile, trace, now);
  const identityMatches = carteVitaleMatches(profile, input);
  const codes = identityMatches ? await db.selectFrom('activation_codes').selectAll().where('profile_id', '=', profile.id)
    .where('used_at', 'is', null).where('invalidated_at', 'is', null).where('expires_at', '>', now).execute() : [];
  const code = codes.find((c) => sameHash(c.code_hash, hashCode(normalizeCode(input.code))));
  if (!code) {
    const voided = await recordCodeFailure(db, profile.id, failures.length, { ...trace, denied: 'activation.mismatch' }, now);
    throw new ActivationRefusedError(voided ? 'activation.codes-invalidated' : 'activation.mismatch', voided ? THROTTLE_MESSAGES_FR.codesInvalidated : ACTIVATION_MISMATCH_FR);
  }
  if (profile.state === 'PENDING') {
    throw new ValidationError('closure.still-pending', 'Votre profil n’est pas encore créé : vous pouvez encore vous y opposer, sans code, depuis la page « M’opposer à Mon espace santé ».');
  }
  if (profile.state === 'ACTIVE') {
    throw new ValidationError('closure.active', 'Votre profil est activé : connectez-vous et fermez-le depuis « Fermer mon profil ».');
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('activation_codes').set({ used_at: now }).where('id', '=', code.id).execute();
    await trx.updateTable('profiles').set({ activation_streak: 0 }).where('id', '=', profile.id).execute();
    await closeInTransaction(db, trx, PUBLIC, { profileId: profile.id, deleteData: input.deleteData, reason: 'OPPOSITION' }, 'WEB', now);
  });
}
