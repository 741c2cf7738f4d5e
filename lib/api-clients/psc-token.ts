import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { PscClaims } from '@/lib/auth/professional-login';
import { config } from '@/lib/config';
import { ApiAuthError } from './errors';

/** Whom we trust for professionals' tokens: the Pro Santé Connect issuer and the audiences (client ids) accepted. */
export type PscTrust = { issuer: string; audiences: readonly string[] };

/** From lib/config: PSC_ISSUER, and our own PSC client id as the audience. */
export const configuredPscTrust = (): PscTrust => ({ issuer: config().PSC_ISSUER, audiences: [config().PSC_CLIENT_ID] });

type Jwks = ReturnType<typeof createRemoteJWKSet>;

/**
 * One key set per issuer and process, found through the issuer's discovery document. jose keeps the keys
 * (refetched after 10 minutes, or on an unknown `kid` at most every 30 s), so a verification is one
 * signature check, no network. A failed discovery is forgotten, to be tried again on the next call.
 */
const keySets = new Map<string, Promise<Jwks>>();

async function discover(issuer: string): Promise<Jwks> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`PSC discovery: HTTP ${res.status}`);
  const meta = (await res.json()) as { issuer?: string; jwks_uri?: string };
  if (meta.issuer !== issuer || !meta.jwks_uri) throw new Error('PSC discovery: issuer mismatch or no jwks_uri');
  return createRemoteJWKSet(new URL(meta.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000, timeoutDuration: 5_000 });
}

function keySet(issuer: string): Promise<Jwks> {
  let found = keySets.get(issuer);
  if (!found) {
    found = discover(issuer);
    keySets.set(issuer, found);
    found.catch(() => keySets.delete(issuer));
  }
  return found;
}

const unavailable = () => new ApiAuthError('psc-indisponible', 'Pro Santé Connect ne répond pas : l’identité du professionnel ne peut pas être vérifiée. Réessayez dans quelques instants.', 503);
const invalid = (why: string) => new ApiAuthError('jeton-psc-invalide', `Le jeton Pro Santé Connect (X-PSC-Token) n’est pas valide : ${why}`);

/**
 * PRO-1: the professional's identity from a Pro Santé Connect JWT (id_token, or an access token in JWT
 * form): signature by the issuer's published keys (asymmetric algorithms only: never `none` nor HS*),
 * issuer, expiry at `now`, and audience (`aud`, or `azp` for access tokens issued to our client).
 * The token must name the professional (RPPS) and their profession (SubjectRefPro).
 */
export async function verifyPscToken(token: string, now: Date, trust: PscTrust = configuredPscTrust()): Promise<PscClaims> {
  let jwks: Jwks;
  try {
    jwks = await keySet(trust.issuer);
  } catch {
    throw unavailable();
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, {
      issuer: trust.issuer, currentDate: now, requiredClaims: ['exp', 'sub'],
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new ApiAuthError('jeton-psc-expire', 'Le jeton Pro Santé Connect (X-PSC-Token) a expiré : le professionnel doit se reconnecter.');
    if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw unavailable(); // keys unreachable
    throw invalid(error instanceof errors.JWTClaimValidationFailed ? 'émetteur non reconnu.' : 'signature non reconnue.');
  }
  const aud = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
  if (!aud.some((a) => trust.audiences.includes(a)) && !trust.audiences.includes(String(payload.azp ?? ''))) throw invalid('il n’est pas destiné à Mon espace santé.');
  const claims = payload as unknown as PscClaims;
  const id = claims.SubjectNameID ?? claims.preferred_username ?? claims.sub;
  if (!/^8?\d{11}$/.test(id ?? '') || !claims.SubjectRefPro?.exercices?.[0]?.codeProfession) {
    throw invalid('il ne donne pas l’identité professionnelle (RPPS et profession).');
  }
  return claims;
}
