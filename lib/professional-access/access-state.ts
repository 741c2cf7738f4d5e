import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { DEFAULT_PRIVACY, type PrivacySettings } from '@/lib/access/document-access';
import type { ProfileTarget } from '@/lib/access/policy';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import type { AuthorisationBasis, CareTeamGround, EmergencyMode } from '@/db/schema';
import type { ProRelation } from './rules';

export type PatientFacts = {
  profile: ProfileTarget & { kind: 'ADULT' | 'CHILD'; firstNames: string; birthName: string; birthDate: string; sex: number;
    birthPlace: string | null; activatedAt: Date | null; closedAt: Date | null; closureReason: string | null };
  privacy: PrivacySettings;
  relation: ProRelation;
};

/**
 * Everything the professional side needs about one profile and this professional, in one round trip:
 * the profile (state, identity for ID-8), its privacy settings (VIS-3, EMG-1, VIS-7), the block (PRO-6),
 * the live authorisation (PRO-4/5), the running emergency grant (EMG-2/3) and the médecin traitant
 * (declared to the fund, PRO-3). Undefined when the profile does not exist.
 */
export async function loadPatientFacts(db: Db, actor: ProfessionalActor, profileId: string, now: Date): Promise<PatientFacts | undefined> {
  const proId = actor.professionalId;
  const row = await db.selectFrom('profiles as p')
    .leftJoin('accounts as a', 'a.profile_id', 'p.id')
    .leftJoin('privacy_settings as s', 's.profile_id', 'p.id')
    .leftJoin('professional_authorisations as pa', (j) => j.onRef('pa.profile_id', '=', 'p.id')
      .on('pa.professional_id', '=', proId).on('pa.ended_at', 'is', null))
    .select(['p.id', 'p.state', 'p.kind', 'p.first_names', 'p.birth_name', 'p.birth_date', 'p.sex', 'p.birth_place', 'p.activated_at',
      'p.closed_at', 'p.closure_reason', 'p.declared_gp_id', 'a.id as holder',
      's.mask_all', 's.emergency_regulation', 's.emergency_other', 's.emergency_masked_visible', 's.administrateur_id',
      'pa.basis', 'pa.care_team_ground', 'pa.granted_at', 'pa.last_attested_at'])
    .select((eb) => eb.exists(eb.selectFrom('professional_blocks as b').select('b.id').whereRef('b.profile_id', '=', 'p.id')
      .where('b.professional_id', '=', proId).where('b.unblocked_at', 'is', null)).as('blocked'))
    .select(sql<{ id: string; mode: EmergencyMode; started_at: string; expires_at: string } | null>`(
      select json_build_object('id', e.id, 'mode', e.mode, 'started_at', e.started_at, 'expires_at', e.expires_at)
      from emergency_accesses e where e.profile_id = p.id and e.professional_id = ${proId} and e.expires_at > ${now}
      order by e.expires_at desc limit 1)`.as('emergency'))
    .where('p.id', '=', profileId).executeTakeFirst();
  if (!row) return undefined;
  const privacy: PrivacySettings = row.mask_all === null ? DEFAULT_PRIVACY : {
    maskAll: row.mask_all, emergencyRegulation: row.emergency_regulation!, emergencyOther: row.emergency_other!,
    emergencyMaskedVisible: row.emergency_masked_visible!,
  };
  return {
    profile: {
      id: row.id, state: row.state as ProfileState, holderAccountId: row.holder, kind: row.kind, firstNames: row.first_names,
      birthName: row.birth_name, birthDate: row.birth_date, sex: row.sex, birthPlace: row.birth_place, activatedAt: row.activated_at,
      closedAt: row.closed_at, closureReason: row.closure_reason,
    },
    privacy,
    relation: {
      blocked: Boolean(row.blocked),
      authorisation: row.basis ? { basis: row.basis as AuthorisationBasis, ground: row.care_team_ground as CareTeamGround | null,
        grantedAt: row.granted_at!, lastAttestedAt: row.last_attested_at! } : null,
      administrateur: row.administrateur_id === proId,
      medecinTraitant: row.declared_gp_id === proId,
      emergency: row.emergency ? { id: row.emergency.id, mode: row.emergency.mode, startedAt: new Date(row.emergency.started_at),
        expiresAt: new Date(row.emergency.expires_at) } : null,
    },
  };
}
