import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { config } from '@/lib/config';
import { frenchDay } from '@/emails';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { enqueue } from '@/lib/queue/outbox';
import { findActivatedAccount, seatsTaken } from './find-account';
import { canAddRepresentative, effectiveInvitationStatus, invitationExpiresAt } from './rules';

const NOT_FOUND = 'Aucun compte Mon espace santé activé ne correspond à ce numéro de sécurité sociale et à cette date de naissance. La personne doit d’abord activer son propre profil.';

/**
 * REP-3, REP-5, REP-6: a representative invites the second parent or a tutor (who must have an activated
 * account), by NIR + date of birth. At most two representatives, invitations included; a person whose
 * access was withdrawn by a court decision cannot be invited again for that child.
 */
export async function inviteRepresentative(db: Db, actor: PatientActor, input: { profileId: string; nir: string; birthDate: string; certified: boolean }, now: Date): Promise<{ invitationId: string }> {
  const profile = await findProfileTarget(db, input.profileId);
  const trace = { actor, action: 'profile.representatives.invite', profileId: profile.id, at: now };
  const decision = authorize(actor, 'profile.representatives.share', { profile: profile.target });
  if (!decision.allowed) {
    await recordAccess(db, { ...trace, decision });
    throw new AccessDeniedError(decision.reason);
  }
  if (!input.certified) throw new ValidationError('rep.certify', 'Cochez la case pour certifier que cette personne est représentant légal de l’enfant.', 'certified');
  const invitee = await findActivatedAccount(db, input.nir, input.birthDate);
  if (!invitee) throw new ValidationError('rep.invitee-unknown', NOT_FOUND, 'nir');
  if (invitee.id === actor.accountId) throw new ValidationError('rep.self', 'Vous êtes déjà représentant légal de cet enfant.', 'nir');
  return db.transaction().execute(async (trx) => {
    const seats = await seatsTaken(trx, profile.id, now);
    if (seats.active.some((r) => r.account_id === invitee.id)) throw new ValidationError('rep.already', 'Cette personne gère déjà ce profil.', 'nir');
    if (seats.courtRevoked.includes(invitee.id)) throw new ValidationError('rep.revoked', 'Cette personne ne peut pas être invitée pour cet enfant.', 'nir');
    if (!canAddRepresentative(seats.active.length, seats.open)) {
      throw new ValidationError('rep.max', 'Un profil ne peut avoir que deux représentants légaux, invitations en attente comprises.');
    }
    const inv = await trx.insertInto('representative_invitations').values({ profile_id: profile.id, inviter_account_id: actor.accountId,
      invitee_account_id: invitee.id, created_at: now, expires_at: invitationExpiresAt(now), answered_at: null })
      .returning('id').executeTakeFirstOrThrow();
    await enqueue(trx, { kind: 'email', message: { template: 'representative-invitation', to: invitee.email,
      data: { inviterName: actor.name, childFirstName: profile.firstName, appUrl: config().APP_URL, expiresOn: frenchDay(invitationExpiresAt(now)) } } });
    await recordAccess(trx, { ...trace, target: { type: 'invitation', id: inv.id } });
    return { invitationId: inv.id };
  });
}

/** REP-3: the invitee accepts (becomes SECOND_PARENT) or refuses; the inviter is told either way. */
export async function answerInvitation(db: Db, actor: PatientActor, input: { invitationId: string; accept: boolean }, now: Date): Promise<void> {
  const inv = await db.selectFrom('representative_invitations').selectAll().where('id', '=', input.invitationId).executeTakeFirst();
  if (!inv || inv.invitee_account_id !== actor.accountId) throw new NotFoundError('Invitation');
  const status = effectiveInvitationStatus(inv, now);
  if (status !== 'PENDING') {
    throw new ValidationError('rep.invitation-closed', status === 'EXPIRED' ? 'Cette invitation a expiré : demandez à la personne de vous inviter à nouveau.' : 'Vous avez déjà répondu à cette invitation.');
  }
  const profile = await findProfileTarget(db, inv.profile_id);
  await db.transaction().execute(async (trx) => {
    const seats = await seatsTaken(trx, inv.profile_id, now);
    if (input.accept && seats.active.length >= 2) throw new ValidationError('rep.max', 'Ce profil a déjà deux représentants légaux.');
    const updated = await trx.updateTable('representative_invitations').set({ status: input.accept ? 'ACCEPTED' : 'REFUSED', answered_at: now })
      .where('id', '=', inv.id).where('status', '=', 'PENDING').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new ValidationError('rep.invitation-closed', 'Vous avez déjà répondu à cette invitation.');
    let target = { type: 'invitation', id: inv.id };
    if (input.accept) {
      const rep = await trx.insertInto('representations').values({ account_id: actor.accountId, profile_id: inv.profile_id, role: 'SECOND_PARENT',
        granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).returning('id').executeTakeFirstOrThrow();
      target = { type: 'representation', id: rep.id };
    }
    const inviter = await trx.selectFrom('accounts').select('email').where('id', '=', inv.inviter_account_id).executeTakeFirstOrThrow();
    await enqueue(trx, { kind: 'email', message: { template: 'representative-answer', to: inviter.email,
      data: { inviteeName: actor.name, childFirstName: profile.firstName, accepted: input.accept } } });
    await recordAccess(trx, { actor, action: input.accept ? 'profile.representatives.accept' : 'profile.representatives.refuse', profileId: inv.profile_id, at: now, target });
  });
}

/** The invitations this account received, newest first, with their effective status (REP-3 expiry). */
export async function invitationsReceived(db: Db, actor: PatientActor, now: Date) {
  const rows = await db.selectFrom('representative_invitations as i')
    .innerJoin('profiles as p', 'p.id', 'i.profile_id')
    .innerJoin('accounts as a', 'a.id', 'i.inviter_account_id').innerJoin('profiles as ip', 'ip.id', 'a.profile_id')
    .select(['i.id', 'i.status', 'i.created_at', 'i.expires_at', 'p.first_names as child_first_names', 'ip.first_names as inviter_first_names', 'ip.birth_name as inviter_birth_name'])
    .where('i.invitee_account_id', '=', actor.accountId).orderBy('i.created_at', 'desc').limit(50).execute();
  return rows.map((r) => ({ ...r, status: effectiveInvitationStatus(r, now), childFirstName: r.child_first_names.split(' ')[0] ?? '',
    inviterName: `${r.inviter_first_names.split(' ')[0] ?? ''} ${r.inviter_birth_name}` }));
}

/** REP-5: who manages a profile, and the invitations sent for it (for its representatives and for BO). */
export async function representativesOf(db: Db, profileId: string, now: Date) {
  const reps = await db.selectFrom('representations as r').innerJoin('accounts as a', 'a.id', 'r.account_id').innerJoin('profiles as p', 'p.id', 'a.profile_id')
    .select(['r.id', 'r.role', 'r.granted_at', 'r.revoked_at', 'r.revoked_reason', 'r.account_id', 'p.first_names', 'p.birth_name'])
    .where('r.profile_id', '=', profileId).orderBy('r.granted_at').execute();
  const invitations = await db.selectFrom('representative_invitations as i').innerJoin('accounts as a', 'a.id', 'i.invitee_account_id')
    .innerJoin('profiles as p', 'p.id', 'a.profile_id')
    .select(['i.id', 'i.status', 'i.created_at', 'i.expires_at', 'p.first_names', 'p.birth_name'])
    .where('i.profile_id', '=', profileId).orderBy('i.created_at', 'desc').execute();
  return {
    active: reps.filter((r) => !r.revoked_at),
    ended: reps.filter((r) => r.revoked_at),
    invitations: invitations.map((i) => ({ ...i, status: effectiveInvitationStatus(i, now) })),
  };
}

/**
 * REP-5: what a representative sees of a child's profile management (representatives, invitations sent).
 * Goes through the policy; a refusal is traced. The holder's side reads are not traced (AUD-4 self-noise).
 */
export async function childManagement(db: Db, actor: PatientActor, profileId: string, now: Date) {
  const profile = await findProfileTarget(db, profileId);
  const decision = authorize(actor, 'profile.representatives.share', { profile: profile.target });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'profile.representatives.read', profileId: profile.id, decision, at: now });
    throw new AccessDeniedError(decision.reason);
  }
  return { firstName: profile.firstName, ...(await representativesOf(db, profile.id, now)) };
}

/** REP-3: the daily job records expired invitations (their effective status already says so). */
export async function expireInvitations(db: Db, now: Date): Promise<number> {
  const r = await db.updateTable('representative_invitations').set({ status: 'EXPIRED' })
    .where('status', '=', 'PENDING').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
