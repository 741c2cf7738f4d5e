import { ensureStaff } from '@/lib/access/staff-guard';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { maskNir } from './nir';


/**
 * ID-11, BO-4: civil-status corrections go through the back-office, names and first names only, with
 * the reason kept in the trace (SUPPORT, shown to the holder in their history).
 */
export async function correctCivilStatus(db: Db, actor: Actor, input: { profileId: string; birthName: string; firstNames: string; reason: string }, now: Date): Promise<void> {
  const profile = await findProfileTarget(db, input.profileId);
  const decision = authorize(actor, 'profile.admin.read', { profile: profile.target });
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: 'profile.civil-status', profileId: profile.id, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  const birthName = input.birthName.trim().toUpperCase();
  const firstNames = input.firstNames.trim().replace(/\s+/g, ' ');
  if (!/^[\p{L}' -]{1,80}$/u.test(birthName)) throw new ValidationError('civil.birth-name', 'Saisissez un nom de naissance (lettres, espaces, tirets, apostrophes).', 'birthName');
  if (!/^[\p{L}' -]{1,120}$/u.test(firstNames)) throw new ValidationError('civil.first-names', 'Saisissez les prénoms (lettres, espaces, tirets, apostrophes).', 'firstNames');
  if (input.reason.trim().length < 5) throw new ValidationError('civil.reason', 'Indiquez la pièce justificative ou le motif de la correction.', 'reason');
  if (profile.state === 'PURGED') throw new ValidationError('civil.purged', 'Ce profil est supprimé : il ne peut plus être corrigé.');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ birth_name: birthName, first_names: firstNames }).where('id', '=', profile.id).execute();
    await recordAccess(trx, { actor, action: 'profile.civil-status', profileId: profile.id, at: now, channel: 'BACKOFFICE', target: { type: 'profile', id: profile.id } });
  });
}

/** CMP-10, BO-4: openings found impossible, oldest first, NIR masked (ID-10). */
export async function openingFailures(db: Db, actor: Actor, now: Date) {
  await ensureStaff(db, actor, 'backoffice.access', 'backoffice.opening-failures', now);
  const rows = await db.selectFrom('opening_failures as f').innerJoin('insured_people as ip', 'ip.nir', 'f.nir')
    .leftJoin('campaigns as c', 'c.id', 'f.campaign_id')
    .select(['f.id', 'f.nir', 'f.reason', 'f.created_at', 'ip.birth_name', 'ip.first_names', 'ip.birth_date', 'ip.departement', 'c.name as campaign'])
    .where('f.resolved_at', 'is', null).orderBy('f.created_at').limit(200).execute();
  return rows.map(({ nir, ...r }) => ({ ...r, nirMasked: maskNir(nir) }));
}

/** BO-4: the case is settled offline (identity qualified, duplicate merged at the fund): the next campaign may write again. */
export async function resolveOpeningFailure(db: Db, actor: Actor, input: { failureId: string; resolution: string }, now: Date): Promise<void> {
  const staff = await ensureStaff(db, actor, 'backoffice.access', 'backoffice.opening-failures', now);
  if (input.resolution.trim().length < 5) throw new ValidationError('failure.resolution', 'Décrivez comment le cas a été résolu.', 'resolution');
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('opening_failures').set({ resolved_at: now, resolved_by: staff.staffId, resolution: input.resolution.trim().slice(0, 500) })
      .where('id', '=', input.failureId).where('resolved_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('Cas');
    await recordAccess(trx, { actor, action: 'backoffice.opening-failure.resolve', profileId: null, at: now, channel: 'BACKOFFICE', target: { type: 'opening_failure', id: input.failureId } });
  });
}
