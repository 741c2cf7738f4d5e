import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { endLiveAuthorisation } from './authorised-professionals';

/**
 * PRO-7: find a professional to block, by name, profession, city or RPPS number (11 digits). At most
 * 20 answers; each tells whether this profile already blocks them.
 */
export async function searchProfessionals(db: Db, actor: Actor, profileId: string, query: string, now: Date) {
  await ensureOnProfile(db, actor, 'privacy.manage', profileId, 'professional.search', now);
  const q = query.trim().replace(/\s+/g, ' ');
  if (q.length < 2) throw new ValidationError('professional.query-short', 'Saisissez au moins 2 caractères : un nom, une profession, une ville ou un numéro RPPS.', 'recherche');
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.selectFrom('professionals as p')
    .select(['p.id', 'p.rpps', 'p.given_name', 'p.family_name', 'p.profession_label', 'p.city'])
    .select((eb) => eb.exists(eb.selectFrom('professional_blocks as b').select('b.id')
      .whereRef('b.professional_id', '=', 'p.id').where('b.profile_id', '=', profileId).where('b.unblocked_at', 'is', null)).as('blocked'))
    .where((eb) => eb.or([
      eb('p.rpps', '=', q),
      eb(sql`p.family_name || ' ' || p.given_name`, 'ilike', like),
      eb(sql`p.given_name || ' ' || p.family_name`, 'ilike', like),
      eb('p.profession_label', 'ilike', like),
      eb('p.city', 'ilike', like),
    ]))
    .orderBy('p.family_name').orderBy('p.given_name').limit(20).execute();
}

/** PRO-7: the professionals this profile blocks now. */
export async function blockedProfessionals(db: Db, profileId: string) {
  return db.selectFrom('professional_blocks as b').innerJoin('professionals as p', 'p.id', 'b.professional_id')
    .select(['p.id', 'p.rpps', 'p.given_name', 'p.family_name', 'p.profession_label', 'p.city', 'b.blocked_at'])
    .where('b.profile_id', '=', profileId).where('b.unblocked_at', 'is', null).orderBy('b.blocked_at', 'desc').execute();
}

/** PRO-6, PRO-7: block without giving a reason; from then on this professional never gets in. */
export async function blockProfessional(db: Db, actor: Actor, input: { profileId: string; professionalId: string }, now: Date): Promise<void> {
  await ensureOnProfile(db, actor, 'privacy.manage', input.profileId, 'professional.block', now);
  await db.transaction().execute(async (trx) => {
    const pro = await trx.selectFrom('professionals').select('id').where('id', '=', input.professionalId).executeTakeFirst();
    if (!pro) throw new NotFoundError('Professionnel de santé');
    await trx.insertInto('professional_blocks').values({ profile_id: input.profileId, professional_id: pro.id, blocked_at: now,
      blocked_by: actor.kind === 'PATIENT' ? actor.accountId : 'inconnu', unblocked_at: null })
      .onConflict((oc) => oc.columns(['profile_id', 'professional_id']).where('unblocked_at', 'is', null).doNothing()).execute();
    // PRO-7: blocking ends the live authorisation; unblocking leaves NONE, "Autorisé" only after a new consent.
    await endLiveAuthorisation(trx, actor, { profileId: input.profileId, professionalId: pro.id }, now);
    // VIS-7: blocking the administrateur ends the role.
    await trx.updateTable('privacy_settings').set({ administrateur_id: null, updated_at: now })
      .where('profile_id', '=', input.profileId).where('administrateur_id', '=', pro.id).execute();
    await recordAccess(trx, { actor, action: 'professional.block', profileId: input.profileId, target: { type: 'professional', id: pro.id }, at: now });
  });
}

/** PRO-7: unblocking resets the professional to no authorisation: "Autorisé" comes back only with a new consent. */
export async function unblockProfessional(db: Db, actor: Actor, input: { profileId: string; professionalId: string }, now: Date): Promise<void> {
  await ensureOnProfile(db, actor, 'privacy.manage', input.profileId, 'professional.unblock', now);
  await db.transaction().execute(async (trx) => {
    const lifted = await trx.updateTable('professional_blocks').set({ unblocked_at: now })
      .where('profile_id', '=', input.profileId).where('professional_id', '=', input.professionalId).where('unblocked_at', 'is', null)
      .returning('id').executeTakeFirst();
    if (!lifted) throw new NotFoundError('Blocage');
    await recordAccess(trx, { actor, action: 'professional.unblock', profileId: input.profileId, target: { type: 'professional', id: input.professionalId }, at: now });
  });
}

/** PRO-6 for the professional side: is this professional blocked by this profile? */
export async function isBlocked(db: Db, profileId: string, professionalId: string): Promise<boolean> {
  const row = await db.selectFrom('professional_blocks').select('id').where('profile_id', '=', profileId)
    .where('professional_id', '=', professionalId).where('unblocked_at', 'is', null).executeTakeFirst();
  return Boolean(row);
}
