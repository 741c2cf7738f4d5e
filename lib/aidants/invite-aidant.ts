import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { normalizeNir } from '@/lib/identity/nir';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { notify } from '@/lib/notifications/notify';
import { lockAndCount } from './links';
import { aidantInvitationExpiresAt, aidantLimitBroken, isAdult, MAX_AIDANTS_PER_AIDE, MAX_AIDES_PER_AIDANT } from './rules';

/** AID-3: one message whatever did not match (unknown NIR, wrong date, minor, no activated account): never says which. */
export const AIDANT_NOT_FOUND = 'Nous ne pouvons pas envoyer d’invitation à cette personne. Vérifiez son numéro de sécurité sociale et sa date de naissance : elle doit être majeure et avoir activé son propre profil Mon espace santé.';
export const HOLDER_ONLY = 'seul le titulaire majeur d’un profil choisit ses aidants : le profil d’un enfant ne peut pas avoir d’aidant (AID-1).';

/**
 * AID-1..3: the aidé (the adult holder of the profile, never a representative for a child) invites an adult
 * with an activated account, by NIR + date of birth, after ticking the declaration. At most 3 aidants per
 * aidé and 5 aidés per aidant, pending invitations included (AID-2). The invited account is notified
 * (INVITATION); the invitation is traced in the aidé's history in the same transaction.
 */
export async function inviteAidant(db: Db, actor: PatientActor, input: { profileId: string; nir: string; birthDate: string; declared: boolean },
  now: Date): Promise<{ linkId: string }> {
  const profile = await findProfileTarget(db, input.profileId);
  const trace = { actor, action: 'profile.aidants.invite', profileId: profile.id, at: now };
  // AID-4: managing aidants is managing sharing (never an aidant); AID-1: only the adult holder.
  const decision = authorize(actor, 'privacy.manage', { profile: profile.target });
  if (!decision.allowed) {
    await recordAccess(db, { ...trace, decision });
    throw new AccessDeniedError(decision.reason);
  }
  const today = parisIsoDay(now);
  if (actor.ownProfileId !== profile.id || !isAdult(profile.birth_date, today)) {
    await recordAccess(db, { ...trace, denied: 'aidant-holder-only' });
    throw new AccessDeniedError(HOLDER_ONLY);
  }
  if (!input.declared) {
    throw new ValidationError('aid.declaration', 'Cochez la case pour déclarer que cette personne vous aide dans votre vie quotidienne, à titre non professionnel.', 'declared');
  }
  const invitee = await findInvitee(db, input.nir, input.birthDate);
  if (!invitee || !isAdult(invitee.birth_date, today)) throw new ValidationError('aid.invitee-unknown', AIDANT_NOT_FOUND, 'nir');
  if (invitee.account_id === actor.accountId) throw new ValidationError('aid.self', 'Vous ne pouvez pas être votre propre aidant.', 'nir');
  return db.transaction().execute(async (trx) => {
    const counts = await lockAndCount(trx, profile.id, invitee.account_id, now);
    if (counts.pair > 0) throw new ValidationError('aid.already', 'Cette personne est déjà votre aidant, ou une invitation lui a déjà été envoyée.', 'nir');
    const broken = aidantLimitBroken(counts.forAide, counts.forAidant);
    if (broken === 'aide-full') {
      throw new ValidationError('aid.max-aide', `Vous avez déjà ${MAX_AIDANTS_PER_AIDE} aidants, invitations en attente comprises : retirez un aidant ou une invitation avant d’en inviter un autre.`);
    }
    if (broken === 'aidant-full') {
      throw new ValidationError('aid.max-aidant', `Cette personne aide déjà ${MAX_AIDES_PER_AIDANT} personnes, invitations en attente comprises : elle ne peut pas en aider une de plus.`, 'nir');
    }
    const link = await trx.insertInto('aidant_links').values({ aided_profile_id: profile.id, aidant_account_id: invitee.account_id,
      invited_by_account_id: actor.accountId, invited_at: now, expires_at: aidantInvitationExpiresAt(now), responded_at: null, revoked_at: null,
      revoked_by: null, justificatif_document_id: null }).returning('id').executeTakeFirstOrThrow();
    // NOT-7: the invited person hears of it on their own profile (email unless nothing is deliverable).
    await notify(trx, { profileId: invitee.profile_id, kind: 'INVITATION', at: now });
    await recordAccess(trx, { ...trace, target: { type: 'aidant-link', id: link.id } });
    return { linkId: link.id };
  });
}

/** AID-1: an ACTIVE profile with its activated account, by NIR and date of birth. */
async function findInvitee(db: Db, nir: string, birthDate: string) {
  let normalized: string;
  try { normalized = normalizeNir(nir); } catch { return undefined; }
  return db.selectFrom('accounts').innerJoin('profiles', 'profiles.id', 'accounts.profile_id')
    .select(['accounts.id as account_id', 'profiles.id as profile_id', 'profiles.birth_date'])
    .where('profiles.nir', '=', normalized).where('profiles.birth_date', '=', birthDate).where('profiles.state', '=', 'ACTIVE')
    .executeTakeFirst();
}
