import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { notify } from '@/lib/notifications/notify';
import { fileJustificatif } from './justificatif';
import { findLink, lockAndCount } from './links';
import { effectiveAidantStatus, isAdult, MAX_AIDES_PER_AIDANT } from './rules';

/**
 * AID-3, AID-5: the invited account accepts or refuses. Accepting files the « Justificatif d’accès aidant »
 * in the aidé's documents in the same transaction as the status change; the aidé is notified either way
 * (INVITATION) and the answer is traced in the aidé's history.
 */
export async function respondAidantInvitation(db: Db, actor: PatientActor, input: { linkId: string; accept: boolean }, now: Date): Promise<{ documentId: string | null }> {
  const link = await findLink(db, input.linkId);
  if (!link || link.aidant_account_id !== actor.accountId) throw new NotFoundError('Invitation');
  const status = effectiveAidantStatus(link, now);
  if (status !== 'PENDING') {
    throw new ValidationError('aid.invitation-closed', status === 'EXPIRED'
      ? 'Cette invitation a expiré : demandez à la personne de vous inviter à nouveau.'
      : 'Cette invitation n’attend plus de réponse.');
  }
  const action = input.accept ? 'profile.aidants.accept' : 'profile.aidants.refuse';
  const trace = { actor, action, profileId: link.aided_profile_id, at: now, target: { type: 'aidant-link', id: link.id } };
  if (input.accept && link.aide_state !== 'ACTIVE') {
    // AID-6: a suspended or closed profile takes no new aidant.
    await recordAccess(db, { ...trace, denied: 'aide-not-active' });
    throw new ValidationError('aid.aide-unavailable', 'Le profil de cette personne n’est pas ouvert en ce moment : l’invitation ne peut pas être acceptée.');
  }
  if (input.accept && (!actor.ownProfileId || !isAdult(link.aidant_birth_date, parisIsoDay(now)))) {
    await recordAccess(db, { ...trace, denied: 'aidant-not-adult' });
    throw new ValidationError('aid.aidant-minor', 'Seule une personne majeure peut être aidant (AID-1).');
  }
  const answered = async (trx: Db) => {
    const updated = await trx.updateTable('aidant_links').set({ status: input.accept ? 'ACCEPTED' : 'REFUSED', responded_at: now })
      .where('id', '=', link.id).where('status', '=', 'PENDING').where('expires_at', '>', now).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new ValidationError('aid.invitation-closed', 'Cette invitation n’attend plus de réponse.');
  };
  // The aidé's people hear of the answer; notified before the status changes, so a new aidant is not told of its own acceptance.
  const tell = (trx: Db) => notify(trx, { profileId: link.aided_profile_id, kind: 'INVITATION', at: now });
  if (!input.accept) {
    await db.transaction().execute(async (trx) => { await tell(trx); await answered(trx); await recordAccess(trx, trace); });
    return { documentId: null };
  }
  const documentId = await fileJustificatif(db, actor, link, { acceptedAt: now }, 'profile.aidants.justificatif', async (trx) => {
    const counts = await lockAndCount(trx, link.aided_profile_id, actor.accountId, now);
    if (counts.acceptedForAidant >= MAX_AIDES_PER_AIDANT) {
      throw new ValidationError('aid.max-aidant', `Vous aidez déjà ${MAX_AIDES_PER_AIDANT} personnes : mettez fin à une aide avant d’en accepter une autre.`);
    }
    await tell(trx);
    await answered(trx);
  }, (trx) => recordAccess(trx, trace));
  return { documentId };
}
