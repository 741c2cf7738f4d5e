import type { Db } from '@/db/client';
import type { CareTeamGround } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { DomainError, ValidationError } from '@/lib/errors';
import { findByIns } from './check-access';
import { professionalNameKey } from './names';
import type { InsTraits } from './ins';
import { ensurePatient, type Channel } from './patient-gate';
import { isOccupationalPhysician } from './rules';

export const CARE_TEAM_GROUNDS: Record<CareTeamGround, string> = {
  NAMED: 'Je figure dans « Mes professionnels de santé » du patient',
  FACILITY: 'J’exerce dans l’établissement de santé qui prend en charge le patient',
  STRUCTURE: 'Je suis membre de la structure d’un professionnel déjà autorisé par le patient',
};

/** PRO-4: a care-team ground this professional cannot claim for this patient, refused and traced. */
export class CareTeamGroundError extends DomainError {}

/**
 * PRO-5: consent at the consultation, recorded only after the professional's explicit action (the
 * checkbox « Le patient m'a autorisé à accéder à son profil »), never auto-declared. A later
 * consultation re-attests it (traced); the patient sees « Autorisé depuis le … » until removing it.
 */
export async function declareConsent(db: Db, actor: ProfessionalActor, input: { ins: InsTraits; patientAgreed: boolean },
  now: Date, channel: Channel): Promise<{ profileId: string; renewed: boolean }> {
  if (input.patientAgreed !== true) {
    throw new ValidationError('consent.not-ticked', 'Cochez « Le patient m’a autorisé à accéder à son profil » : l’autorisation n’est jamais présumée.', 'accord');
  }
  // The authorisation is always given for an INS checked now (ID-8), never for a bare profile id.
  const { profile } = await findByIns(db, actor, input.ins, now, channel, 'patient.consent');
  const access = await ensurePatient(db, actor, profile.id, 'patient.authorise', 'patient.consent', now, channel);
  const profileId = profile.id;
  return db.transaction().execute(async (trx) => {
    const live = access.relation.authorisation;
    if (live) {
      // A consent supersedes a care-team presumption; either way the attestation is renewed.
      await trx.updateTable('professional_authorisations').set({ basis: 'CONSENT', care_team_ground: null, last_attested_at: now })
        .where('profile_id', '=', profileId).where('professional_id', '=', actor.professionalId).where('ended_at', 'is', null).execute();
    } else {
      await trx.insertInto('professional_authorisations').values({ profile_id: profileId, professional_id: actor.professionalId,
        basis: 'CONSENT', care_team_ground: null, granted_at: now, last_attested_at: now, ended_at: null, ended_by: null })
        .onConflict((oc) => oc.columns(['profile_id', 'professional_id']).where('ended_at', 'is', null).doUpdateSet({ last_attested_at: now }))
        .execute();
    }
    await recordAccess(trx, { actor, action: 'patient.consent', profileId, at: now, channel });
    return { profileId, renewed: Boolean(live) };
  });
}

/**
 * PRO-4: a member of the équipe de soins is deemed authorised once the patient is informed, absent
 * objection; each use records the attestation « patient informé ». The ground must hold: named in
 * « Mes professionnels de santé » (by name), a facility user (PRO-2), or a member of the same facility as
 * a professional already authorised. PRO-13: never for a médecin du travail.
 */
export async function attestCareTeam(db: Db, actor: ProfessionalActor, input: { ins: InsTraits; ground: CareTeamGround; patientInformed: boolean },
  now: Date, channel: Channel): Promise<{ profileId: string }> {
  if (input.patientInformed !== true) {
    throw new ValidationError('care-team.not-ticked', 'Cochez « Le patient a été informé » : l’équipe de soins n’accède qu’à un patient informé.', 'informe');
  }
  if (isOccupationalPhysician(actor)) {
    throw new CareTeamGroundError('care-team.occupational', 'Un médecin du travail ne fait pas partie de l’équipe de soins : il lui faut l’accord exprès du patient (PRO-13).', 'motif');
  }
  const { profile } = await findByIns(db, actor, input.ins, now, channel, 'patient.care-team');
  const profileId = profile.id;
  const access = await ensurePatient(db, actor, profileId, 'patient.authorise', 'patient.care-team', now, channel);
  const problem = await groundProblem(db, actor, profileId, input.ground);
  if (problem) {
    await recordAccess(db, { actor, action: 'patient.care-team', profileId, denied: `care-team-${input.ground.toLowerCase()}`, at: now, channel });
    throw new CareTeamGroundError(`care-team.${input.ground.toLowerCase()}`, problem, 'motif');
  }
  await db.transaction().execute(async (trx) => {
    if (access.relation.authorisation) {
      await trx.updateTable('professional_authorisations').set({ last_attested_at: now })
        .where('profile_id', '=', profileId).where('professional_id', '=', actor.professionalId).where('ended_at', 'is', null).execute();
    } else {
      await trx.insertInto('professional_authorisations').values({ profile_id: profileId, professional_id: actor.professionalId,
        basis: 'CARE_TEAM', care_team_ground: input.ground, granted_at: now, last_attested_at: now, ended_at: null, ended_by: null })
        .onConflict((oc) => oc.columns(['profile_id', 'professional_id']).where('ended_at', 'is', null).doUpdateSet({ last_attested_at: now }))
        .execute();
    }
    await recordAccess(trx, { actor, action: 'patient.care-team', profileId, at: now, channel });
  });
  return { profileId };
}

async function groundProblem(db: Db, actor: ProfessionalActor, profileId: string, ground: CareTeamGround): Promise<string | null> {
  switch (ground) {
    case 'NAMED': {
      const rows = await db.selectFrom('medical_entries').select('payload').where('profile_id', '=', profileId).where('kind', '=', 'PROFESSIONAL').execute();
      const me = professionalNameKey(actor.name);
      return rows.some((r) => professionalNameKey(String(r.payload.name ?? '')) === me) ? null
        : 'Vous ne figurez pas dans « Mes professionnels de santé » de ce patient : demandez-lui son autorisation.';
    }
    case 'FACILITY':
      return actor.facility ? null : 'Vous n’êtes pas connecté au titre d’un établissement de santé : demandez l’autorisation du patient.';
    case 'STRUCTURE': {
      if (!actor.facility) return 'Vous n’êtes pas connecté au titre d’une structure : demandez l’autorisation du patient.';
      const colleague = await db.selectFrom('professional_authorisations as a').innerJoin('professionals as p', 'p.id', 'a.professional_id')
        .select('a.id').where('a.profile_id', '=', profileId).where('a.ended_at', 'is', null)
        .where('p.facility_id', '=', actor.facility.id).where('p.id', '!=', actor.professionalId).limit(1).executeTakeFirst();
      return colleague ? null : 'Aucun professionnel de votre structure n’est autorisé par ce patient : demandez son autorisation.';
    }
  }
}
