import type { Db } from '@/db/client';
import { recordAccess } from '@/lib/audit/record-access';

/**
 * Pro Santé Connect claims (as the real PSC returns them): `SubjectNameID` is the national id
 * (8 + RPPS), `SubjectRefPro.exercices[]` carries the profession.
 */
export type PscClaims = {
  sub: string;
  SubjectNameID?: string;
  preferred_username?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  SubjectRefPro?: { exercices?: { codeProfession?: string; libelleProfession?: string }[] };
};

const PROFESSION_LABELS: Record<string, string> = { '10': 'Médecin', '21': 'Pharmacien', '60': 'Infirmier', '40': 'Chirurgien-dentiste', '50': 'Sage-femme' };

export function professionalFromClaims(c: PscClaims) {
  const nationalId = c.SubjectNameID ?? c.preferred_username ?? c.sub;
  const rpps = nationalId.length === 12 && nationalId.startsWith('8') ? nationalId.slice(1) : nationalId;
  const exercice = c.SubjectRefPro?.exercices?.[0];
  const code = exercice?.codeProfession ?? '';
  return {
    rpps,
    given_name: c.given_name ?? '',
    family_name: c.family_name ?? '',
    email: c.email ?? null,
    profession_code: code,
    profession_label: exercice?.libelleProfession ?? PROFESSION_LABELS[code] ?? 'Professionnel de santé',
  };
}

/** After a successful PSC login: keep the professional's identity current and trace the login. */
export async function recordProfessionalLogin(db: Db, claims: PscClaims, now: Date): Promise<string> {
  const pro = professionalFromClaims(claims);
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('professionals').values({ ...pro, last_login_at: now })
      .onConflict((oc) => oc.column('rpps').doUpdateSet({ ...pro, last_login_at: now }))
      .returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, {
      actor: { kind: 'PROFESSIONAL', professionalId: row.id, rpps: pro.rpps, name: `${pro.given_name} ${pro.family_name}`,
        professionCode: pro.profession_code, professionLabel: pro.profession_label },
      action: 'account.login', profileId: null, at: now, channel: 'PRO',
    });
    return row.id;
  });
}
