import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import type { Professional } from '@/db/schema';
import { recordAccess } from '@/lib/audit/record-access';

/**
 * Pro Santé Connect claims (as the real PSC returns them): `SubjectNameID` is the national id
 * (8 + RPPS), `SubjectRefPro.exercices[]` carries the profession, the specialty (savoir-faire) and
 * the activities (structures where the professional practises).
 */
export type PscActivity = {
  /** The structure's identifier (SIRET, FINESS...) and name. */
  identifiantStructure?: string;
  raisonSocialeSite?: string;
  /** FINESS établissement: the activity is in a health facility (PRO-2). */
  numeroFinessEtablissement?: string;
  codeSecteurActivite?: string;
};
export type PscClaims = {
  sub: string;
  SubjectNameID?: string;
  preferred_username?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  SubjectRefPro?: { exercices?: { codeProfession?: string; libelleProfession?: string; codeSavoirFaire?: string; libelleSavoirFaire?: string;
    activites?: PscActivity[] }[] };
};

const PROFESSION_LABELS: Record<string, string> = {
  '10': 'Médecin', '21': 'Pharmacien', '40': 'Chirurgien-dentiste', '50': 'Sage-femme', '60': 'Infirmier',
  '70': 'Masseur-kinésithérapeute', '80': 'Pédicure-podologue',
};

/**
 * EMG-3: the activity sector our stand-in Pro Santé Connect gives SAMU regulation centres. Project choice:
 * map it to the real TRE_R02 sector code when deploying against the real PSC.
 */
export const SAMU_REGULATION_SECTOR = 'SA-SAMU';

export function professionalFromClaims(c: PscClaims) {
  const nationalId = c.SubjectNameID ?? c.preferred_username ?? c.sub;
  const rpps = nationalId.length === 12 && nationalId.startsWith('8') ? nationalId.slice(1) : nationalId;
  const exercice = c.SubjectRefPro?.exercices?.[0];
  const code = exercice?.codeProfession ?? '';
  const activity = exercice?.activites?.[0];
  // PRO-2: an activity in a FINESS établissement makes the user act for that facility.
  const finess = activity?.numeroFinessEtablissement?.trim();
  return {
    rpps,
    given_name: c.given_name ?? '',
    family_name: c.family_name ?? '',
    email: c.email ?? null,
    profession_code: code,
    profession_label: exercice?.libelleProfession ?? PROFESSION_LABELS[code] ?? 'Professionnel de santé',
    specialty_code: exercice?.codeSavoirFaire || null,
    specialty_label: exercice?.libelleSavoirFaire || null,
    facility_id: finess ? `FINESS ${finess}` : null,
    facility_name: finess ? (activity?.raisonSocialeSite?.trim() || `Établissement ${finess}`) : null,
    regulation_centre: activity?.codeSecteurActivite === SAMU_REGULATION_SECTOR,
  };
}

/** The actor a professional row makes (pages, API and tests build it the same way). */
export function professionalActor(p: Pick<Professional, 'id' | 'rpps' | 'given_name' | 'family_name' | 'profession_code' | 'profession_label'
  | 'specialty_code' | 'facility_id' | 'facility_name' | 'regulation_centre'>): ProfessionalActor {
  return {
    kind: 'PROFESSIONAL', professionalId: p.id, rpps: p.rpps, name: `${p.given_name} ${p.family_name}`.trim(),
    professionCode: p.profession_code, professionLabel: p.profession_label, specialtyCode: p.specialty_code,
    facility: p.facility_id && p.facility_name ? { id: p.facility_id, name: p.facility_name } : null,
    regulationCentre: p.regulation_centre,
  };
}

/** Keep the professional's identity current (PRO-1: the token is the source of truth); returns the row. */
export async function upsertProfessional(db: Db, claims: PscClaims, now: Date | null) {
  const pro = professionalFromClaims(claims);
  const values = now ? { ...pro, last_login_at: now } : pro;
  return db.insertInto('professionals').values(values)
    .onConflict((oc) => oc.column('rpps').doUpdateSet(values))
    .returningAll().executeTakeFirstOrThrow();
}

/** After a successful PSC login: keep the professional's identity current and trace the login. */
export async function recordProfessionalLogin(db: Db, claims: PscClaims, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await upsertProfessional(trx, claims, now);
    await recordAccess(trx, { actor: professionalActor(row), action: 'account.login', profileId: null, at: now, channel: 'PRO' });
    return row.id;
  });
}
