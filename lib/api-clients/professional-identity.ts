import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { professionalActor, professionalFromClaims, upsertProfessional, type PscClaims } from '@/lib/auth/professional-login';
import type { ApiClient } from './active-clients';
import { ApiAuthError } from './errors';
import { parseFacilityUser, type FacilityUser } from './facility-user';
import { verifyPscToken, type PscTrust } from './psc-token';
import { verifyAccessToken } from './tokens';

/** Who calls the professional API: the registered software, and the professional acting through it. */
export type ApiCall = { client: ApiClient; actor: ProfessionalActor };

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Every call to the professional API: the software's access token (`Authorization: Bearer`, from
 * /api/oauth/token), then who acts, EITHER
 * - `X-PSC-Token`: the professional's Pro Santé Connect JWT (PRO-1), verified against the issuer's keys; OR
 * - `X-Facility-User` (PRO-2), only from software registered for a facility: the facility names its
 *   human user, and the actor then acts as that facility (traced HEALTHCARE_FACILITY).
 * The professional's row is kept current (`upsertProfessional`) and remembered a minute per identity, so
 * a steady stream of calls costs two signature checks and no database round trip.
 * Throws ApiAuthError: 401 (token or identity missing or invalid), 403 (facility header from software
 * without a facility), 503 (Pro Santé Connect keys unreachable).
 * `trust` overrides the configured Pro Santé Connect issuer and audiences (tests).
 */
export async function authenticateApiCall(db: Db, headers: Headers, now: Date, trust?: PscTrust): Promise<ApiCall> {
  const bearer = BEARER.exec(headers.get('authorization') ?? '');
  if (!bearer) throw new ApiAuthError('jeton-absent', 'Jeton d’accès absent : envoyez l’en-tête « Authorization: Bearer <jeton> » obtenu sur /api/oauth/token.');
  const client = await verifyAccessToken(db, bearer[1]!, now);

  const pscToken = headers.get('x-psc-token')?.trim();
  const facilityUser = headers.get('x-facility-user');
  if (pscToken && facilityUser !== null) {
    throw new ApiAuthError('identites-multiples', 'Envoyez soit X-PSC-Token, soit X-Facility-User, pas les deux : une seule personne agit.');
  }
  if (facilityUser !== null) {
    if (!client.facility) {
      throw new ApiAuthError('logiciel-sans-etablissement',
        'Ce logiciel n’est pas enregistré pour un établissement : il ne peut pas déclarer son utilisateur (X-Facility-User). Utilisez X-PSC-Token.', 403);
    }
    const parsed = parseFacilityUser(facilityUser);
    if (!parsed.ok) throw new ApiAuthError('utilisateur-etablissement-invalide', parsed.message);
    const row = await professionalRow(db, facilityClaims(parsed.user, client.facility), true);
    return { client, actor: professionalActor(row) };
  }
  if (!pscToken) {
    throw new ApiAuthError('identite-absente', 'Identité du professionnel absente : envoyez son jeton Pro Santé Connect (X-PSC-Token) ou, pour un logiciel d’établissement, l’utilisateur (X-Facility-User).');
  }
  const claims = await verifyPscToken(pscToken, now, trust);
  return { client, actor: professionalActor(await professionalRow(db, claims, false)) };
}

/** PRO-2: the declared user, as Pro Santé Connect would describe them practising in the facility. */
function facilityClaims(u: FacilityUser, facility: { finess: string; name: string }): PscClaims {
  return {
    sub: `8${u.rpps}`, SubjectNameID: `8${u.rpps}`, given_name: u.givenName, family_name: u.familyName,
    SubjectRefPro: { exercices: [{
      codeProfession: u.professionCode, codeSavoirFaire: u.specialtyCode ?? undefined,
      activites: [{ numeroFinessEtablissement: facility.finess, raisonSocialeSite: facility.name }],
    }] },
  };
}

type ProfessionalRow = Awaited<ReturnType<typeof upsertProfessional>>;

/** Rows by the identity they were written from (a changed profession or facility is written again at once). */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const rows = new Map<string, { row: ProfessionalRow; until: number }>();

async function professionalRow(db: Db, claims: PscClaims, declaredByFacility: boolean): Promise<ProfessionalRow> {
  const key = JSON.stringify(professionalFromClaims(claims));
  const t = performance.now();
  const hit = rows.get(key);
  if (hit && t < hit.until) return hit.row;
  if (declaredByFacility) {
    // A facility does not know the email Pro Santé Connect gave: keep it.
    const known = await db.selectFrom('professionals').select('email').where('rpps', '=', professionalFromClaims(claims).rpps).executeTakeFirst();
    if (known?.email) claims = { ...claims, email: known.email };
  }
  const row = await upsertProfessional(db, claims, null);
  if (rows.size >= MAX_ENTRIES) rows.delete(rows.keys().next().value!);
  rows.set(key, { row, until: t + TTL_MS });
  return row;
}
