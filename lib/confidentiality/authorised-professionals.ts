import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PRO-4, PRO-5: the professionals authorised on a profile now (one live row per professional): by the
 * patient's consent at a consultation, or as a member of the équipe de soins once the patient was
 * informed. The holder or a representative sees them, never an aidant (AID-4) nor an advisor (FS-4).
 */
export async function listAuthorisedProfessionals(db: Db, actor: Actor, profileId: string, now: Date) {
  await ensureOnProfile(db, actor, 'privacy.manage', profileId, 'professional.authorisation.list', now);
  return db.selectFrom('professional_authorisations as a').innerJoin('professionals as p', 'p.id', 'a.professional_id')
    .select(['p.id', 'p.rpps', 'p.given_name', 'p.family_name', 'p.profession_code', 'p.profession_label', 'p.city', 'p.facility_name',
      'a.basis', 'a.care_team_ground', 'a.granted_at', 'a.last_attested_at'])
    .where('a.profile_id', '=', profileId).where('a.ended_at', 'is', null)
    .orderBy('a.granted_at', 'desc').orderBy('p.family_name').execute();
}

export type AuthorisedProfessional = Awaited<ReturnType<typeof listAuthorisedProfessionals>>[number];

/**
 * PRO-5: the patient removes an authorisation. The row is kept (ended_at, ended_by) for the history;
 * the professional needs a new consent (or a new care-team attestation) to come back.
 */
export async function endAuthorisation(db: Db, actor: Actor, input: { profileId: string; professionalId: string }, now: Date): Promise<void> {
  await ensureOnProfile(db, actor, 'privacy.manage', input.profileId, 'professional.authorisation.end', now);
  if (!UUID.test(input.professionalId)) throw new NotFoundError('Autorisation');
  await db.transaction().execute(async (trx) => {
    const ended = await endLiveAuthorisation(trx, actor, input, now);
    if (!ended) throw new NotFoundError('Autorisation');
    await recordAccess(trx, { actor, action: 'professional.authorisation.end', profileId: input.profileId,
      target: { type: 'professional', id: input.professionalId }, at: now });
  });
}

/**
 * Ends the live authorisation of one professional on one profile, if any (no gate, no trace: the
 * calling use case does both in its transaction). True when there was one.
 */
export async function endLiveAuthorisation(trx: Db, actor: Actor, input: { profileId: string; professionalId: string }, now: Date): Promise<boolean> {
  const row = await trx.updateTable('professional_authorisations')
    .set({ ended_at: now, ended_by: actor.kind === 'PATIENT' ? actor.accountId : actor.kind })
    .where('profile_id', '=', input.profileId).where('professional_id', '=', input.professionalId).where('ended_at', 'is', null)
    .returning('id').executeTakeFirst();
  return Boolean(row);
}
