import { ensureStaffOnProfile } from '@/lib/access/staff-guard';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { transition } from '@/lib/accounts/lifecycle';
import { authorize } from '@/lib/access/policy';
import { recordAccess, recordAccesses } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { normalizeNir } from '@/lib/identity/nir';
import { enqueue } from '@/lib/queue/outbox';
import { findActivatedAccount, seatsTaken } from './find-account';
import { canAddRepresentative } from './rules';


/**
 * BO-5: after offline checks, an agent grants access to a second parent who was not invited (REP-4) or
 * adds a court-appointed guardian to a protected adult's profile (REP-10). Same limits as REP-5/REP-6.
 */
export async function grantRepresentative(db: Db, actor: Actor, input: { profileId: string; nir: string; birthDate: string; role: 'SECOND_PARENT' | 'GUARDIAN' }, now: Date): Promise<void> {
  const { profile, staff } = await ensureStaffOnProfile(db, actor, 'profile.representatives.admin', input.profileId, 'profile.representatives.grant', now);
  if (input.role === 'SECOND_PARENT' && profile.kind !== 'CHILD') throw new ValidationError('rep.not-minor', 'Un second parent ne peut être ajouté qu’au profil d’un mineur.', 'role');
  if (input.role === 'GUARDIAN' && profile.kind !== 'ADULT') throw new ValidationError('rep.not-adult', 'Un tuteur s’ajoute au profil d’un majeur protégé ; pour un mineur, choisissez « second parent ».', 'role');
  if (!['CREATED', 'ACTIVE'].includes(profile.state)) throw new ValidationError('rep.state', 'Ce profil n’est ni créé ni activé : aucun représentant ne peut y être ajouté.');
  const account = await findActivatedAccount(db, input.nir, input.birthDate);
  if (!account) throw new ValidationError('rep.unknown', 'Aucun compte activé ne correspond à ce numéro de sécurité sociale et à cette date de naissance.', 'nir');
  if (account.id === profile.holder) throw new ValidationError('rep.self', 'Le titulaire ne peut pas être son propre représentant.', 'nir');
  await db.transaction().execute(async (trx) => {
    const seats = await seatsTaken(trx, profile.id, now);
    if (seats.active.some((r) => r.account_id === account.id)) throw new ValidationError('rep.already', 'Cette personne représente déjà ce profil.', 'nir');
    if (seats.courtRevoked.includes(account.id)) throw new ValidationError('rep.revoked', 'L’accès de cette personne a été retiré par décision de justice pour ce profil.', 'nir');
    if (!canAddRepresentative(seats.active.length, 0)) throw new ValidationError('rep.max', 'Ce profil a déjà deux représentants légaux.');
    const rep = await trx.insertInto('representations').values({ account_id: account.id, profile_id: profile.id, role: input.role, granted_at: now,
      revoked_at: null, granted_by: staff.staffId, revoked_reason: null, revoked_by: null }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'profile.representatives.grant', profileId: profile.id, at: now, channel: 'BACKOFFICE', target: { type: 'representation', id: rep.id } });
  });
}

/**
 * REP-6: on a court decision checked offline, an agent withdraws ONE representative's access at once.
 * The other keeps access; the revoked person is told without detail and cannot be re-invited.
 */
export async function revokeRepresentative(db: Db, actor: Actor, input: { profileId: string; representationId: string }, now: Date): Promise<void> {
  const { profile, staff } = await ensureStaffOnProfile(db, actor, 'profile.representatives.admin', input.profileId, 'profile.representatives.revoke', now);
  await db.transaction().execute(async (trx) => {
    const rep = await trx.updateTable('representations').set({ revoked_at: now, revoked_reason: 'COURT', revoked_by: staff.staffId })
      .where('id', '=', input.representationId).where('profile_id', '=', profile.id).where('revoked_at', 'is', null)
      .returning('account_id').executeTakeFirst();
    if (!rep) throw new NotFoundError('Représentant légal');
    // Their open invitations for this child end with them.
    await trx.updateTable('representative_invitations').set({ status: 'EXPIRED' })
      .where('profile_id', '=', profile.id).where('inviter_account_id', '=', rep.account_id).where('status', '=', 'PENDING').execute();
    const account = await trx.selectFrom('accounts').select('email').where('id', '=', rep.account_id).executeTakeFirstOrThrow();
    await enqueue(trx, { kind: 'email', message: { template: 'representative-revoked', to: account.email, data: { childFirstName: profile.firstName } } });
    await recordAccess(trx, { actor, action: 'profile.representatives.revoke', profileId: profile.id, at: now, channel: 'BACKOFFICE', target: { type: 'representation', id: input.representationId } });
  });
}

/**
 * REP-7, BO-5: an ASE minor (no attached adult, known from the import) gets a profile with no
 * representative: T1 then T3 at once, CREATED, fed and read by professionals, opened at 18 (REP-8).
 */
export async function createAseProfile(db: Db, actor: Actor, input: { nir: string }, now: Date): Promise<{ profileId: string }> {
  const decision = authorize(actor, 'profile.create');
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: 'profile.create', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  const nir = normalizeNir(input.nir);
  const person = await db.selectFrom('insured_people').selectAll().where('nir', '=', nir).executeTakeFirst();
  if (!person || !person.ase) throw new ValidationError('ase.unknown', 'Ce numéro ne correspond à aucun mineur confié à l’ASE dans la population importée.', 'nir');
  const pending = transition(null, 'NOTICE_SENT', 'SYSTEM').to;
  const created = transition(pending, 'WINDOW_OVER', 'SYSTEM').to;
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('profiles').values({ nir, vitale_serial: person.vitale_serial, birth_name: person.birth_name, first_names: person.first_names,
      birth_date: person.birth_date, sex: person.sex, birth_place: person.birth_place, email: null, kind: 'CHILD', state: created, previous_state: pending,
      state_changed_at: now, notice_sent_at: null, opposition_deadline: null, activation_last_failure_at: null })
      .onConflict((oc) => oc.column('nir').doNothing()).returning('id').executeTakeFirst();
    if (!row) throw new ValidationError('ase.exists', 'Un profil existe déjà pour ce mineur.', 'nir');
    await recordAccesses(trx, [
      { actor, action: 'profile.create', profileId: row.id, at: now, channel: 'BACKOFFICE', target: { type: 'profile', id: row.id } },
      { actor, action: 'profile.ase-created', profileId: row.id, at: now, channel: 'BACKOFFICE', target: { type: 'profile', id: row.id } },
    ]);
    return { profileId: row.id };
  });
}
