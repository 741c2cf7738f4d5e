import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { isBlocked } from './professional-blocks';

/**
 * VIS-7: the holder (or a representative) designates at most one administrateur, a professional who
 * sees masked documents. A blocked professional cannot be designated; blocking the administrateur
 * ends the role (professional-blocks.ts). Being authorised on the profile (PRO-4/PRO-5) is checked by
 * the professional side when the role is used.
 */
export async function designateAdministrateur(db: Db, actor: Actor, input: { profileId: string; professionalId: string }, now: Date): Promise<void> {
  await ensureOnProfile(db, actor, 'privacy.manage', input.profileId, 'privacy.administrateur', now);
  const pro = await db.selectFrom('professionals').select('id').where('id', '=', input.professionalId).executeTakeFirst();
  if (!pro) throw new NotFoundError('Professionnel de santé');
  if (await isBlocked(db, input.profileId, pro.id)) {
    throw new ValidationError('administrateur.blocked', 'Ce professionnel est bloqué : débloquez-le avant de le désigner administrateur.');
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('privacy_settings').values({ profile_id: input.profileId, administrateur_id: pro.id, updated_at: now })
      .onConflict((oc) => oc.column('profile_id').doUpdateSet({ administrateur_id: pro.id, updated_at: now })).execute();
    await recordAccess(trx, { actor, action: 'privacy.administrateur', profileId: input.profileId, target: { type: 'professional', id: pro.id }, at: now });
  });
}

/** VIS-7: the holder withdraws the role. */
export async function removeAdministrateur(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  await ensureOnProfile(db, actor, 'privacy.manage', profileId, 'privacy.administrateur.remove', now);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('privacy_settings').set({ administrateur_id: null, updated_at: now }).where('profile_id', '=', profileId).execute();
    await recordAccess(trx, { actor, action: 'privacy.administrateur.remove', profileId, at: now });
  });
}

/** The current administrateur of a profile, if any. */
export async function administrateurOf(db: Db, profileId: string) {
  return db.selectFrom('privacy_settings as s').innerJoin('professionals as p', 'p.id', 's.administrateur_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.profession_label', 'p.city', 'p.rpps'])
    .where('s.profile_id', '=', profileId).executeTakeFirst();
}
