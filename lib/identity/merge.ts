import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { transition } from '@/lib/accounts/lifecycle';
import { recordAccess } from '@/lib/audit/record-access';
import { closeInTransaction } from '@/lib/closure/close-profile';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { moveRecord } from './move-record';
import { normalizeNir } from './nir';

const same = (a: string, b: string) => a.trim().toLocaleUpperCase('fr') === b.trim().toLocaleUpperCase('fr');

/**
 * BO-4: two profiles turned out to be one person (an old temporary number, a second registration). The
 * duplicate is closed as MERGED and points to the profile kept; its representatives and, if the kept
 * one has none, its holder account move over, and so does its record (`moveRecord`: documents, measures,
 * profil médical, care history, notifications). Traces stay on each profile's own chain (AUD-7).
 */
export async function mergeDuplicate(db: Db, actor: Actor, input: { keepProfileId: string; duplicateNir: string; reason: string }, now: Date): Promise<void> {
  const keep = await findProfileTarget(db, input.keepProfileId);
  const decision = authorize(actor, 'profile.close.record', { profile: keep.target });
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: 'profile.merge', profileId: keep.id, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  if (input.reason.trim().length < 5) throw new ValidationError('merge.reason', 'Indiquez le justificatif de la fusion.', 'reason');
  let nir: string;
  try { nir = normalizeNir(input.duplicateNir); } catch (e) { throw new ValidationError('merge.nir', (e as Error).message, 'duplicateNir'); }
  const dup = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.birth_name', 'profiles.first_names', 'profiles.birth_date', 'accounts.id as account'])
    .where('profiles.nir', '=', nir).executeTakeFirst();
  const kept = await db.selectFrom('profiles').select(['birth_name', 'first_names', 'birth_date']).where('id', '=', keep.id).executeTakeFirstOrThrow();
  if (!dup || dup.id === keep.id) throw new ValidationError('merge.unknown', 'Aucun autre profil ne porte ce numéro de sécurité sociale.', 'duplicateNir');
  if (!same(dup.birth_name, kept.birth_name) || !same(dup.first_names, kept.first_names) || dup.birth_date !== kept.birth_date) {
    throw new ValidationError('merge.not-same-person', 'Les deux profils ne désignent pas la même personne (nom, prénoms et date de naissance diffèrent) : corrigez d’abord l’état civil.', 'duplicateNir');
  }
  if (dup.state !== 'CREATED' && dup.state !== 'ACTIVE') {
    throw new ValidationError('merge.state', 'Seul un doublon créé ou activé peut être fusionné.', 'duplicateNir');
  }
  if (!['PENDING', 'CREATED', 'ACTIVE'].includes(keep.state)) throw new ValidationError('merge.keep-state', 'Le profil conservé doit être ouvert.');
  if (dup.account && keep.holder) {
    throw new ValidationError('merge.two-accounts', 'Les deux profils ont chacun un compte activé : la personne doit d’abord fermer celui qu’elle n’utilise pas.', 'duplicateNir');
  }
  await db.transaction().execute(async (trx) => {
    const moved = await trx.selectFrom('representations').select(['id', 'account_id']).where('profile_id', '=', dup.id).where('revoked_at', 'is', null).execute();
    const already = new Set((await trx.selectFrom('representations').select('account_id').where('profile_id', '=', keep.id).where('revoked_at', 'is', null).execute()).map((r) => r.account_id));
    for (const r of moved.filter((m) => !already.has(m.account_id))) {
      await trx.updateTable('representations').set({ profile_id: keep.id }).where('id', '=', r.id).execute();
    }
    if (dup.account) {
      await trx.updateTable('accounts').set({ profile_id: keep.id }).where('id', '=', dup.account).execute();
      // The person had activated the duplicate: the kept profile is activated with the same account (T4).
      if (keep.state !== 'ACTIVE') {
        const { to } = transition(keep.state, 'ACTIVATION', 'ENROLMENT');
        await trx.updateTable('profiles').set({ state: to, previous_state: keep.state, state_changed_at: now, activated_at: now }) // HIS-4
          .where('id', '=', keep.id).execute();
        await trx.updateTable('activation_codes').set({ invalidated_at: now })
          .where('profile_id', '=', keep.id).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
      }
    }
    await moveRecord(trx, dup.id, keep.id);
    await closeInTransaction(db, trx, actor, { profileId: dup.id, deleteData: false, reason: 'MERGED' }, 'BACKOFFICE', now);
    await trx.updateTable('profiles').set({ merged_into: keep.id }).where('id', '=', dup.id).execute();
    await recordAccess(trx, { actor, action: 'profile.merge', profileId: keep.id, at: now, channel: 'BACKOFFICE', target: { type: 'profile', id: dup.id } });
  });
}
