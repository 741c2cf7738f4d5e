import { hkdfSync, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Db } from '@/db/client';
import { config } from '@/lib/config';
import { clientSecretMatches, credentialsTooLong } from '@/lib/services/client-credentials';
import { CLIENT_COLUMNS, findActiveClient, toApiClient, type ApiClient } from './active-clients';
import { isUuid } from './client-rules';
import { ApiAuthError, InvalidClientError } from './errors';

/** Access tokens are valid one hour (RFC 6749 `expires_in`); the only scope is the FHIR API. */
export const ACCESS_TOKEN_TTL_S = 3600;
export const FHIR_SCOPE = 'fhir';

const keys = new Map<string, Uint8Array>();

/** HS256 key, HKDF-SHA256 of AUTH_SECRET with its own label: no other use of the secret can make or read these tokens. */
function signingKey(): Uint8Array {
  const secret = config().AUTH_SECRET;
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, 'mes-api-clients', 'FHIR API access token (HS256)', 32));
    keys.set(secret, key);
  }
  return key;
}

const issuer = () => config().APP_URL;
const audience = () => `${config().APP_URL}/api/fhir/r4`;

export type IssuedToken = { accessToken: string; expiresIn: number; client: ApiClient };

/**
 * OAuth 2 client credentials (RFC 6749 §4.4): a registered, ACTIVE software gets a signed JWT access token
 * (RFC 9068 `at+jwt`, `sub` = the software's id, scope `fhir`, one hour). Unknown id, wrong secret and
 * revoked software all answer InvalidClientError after the same argon2 work.
 */
export async function issueAccessToken(db: Db, credentials: { clientId: string; clientSecret: string }, now: Date): Promise<IssuedToken> {
  if (credentialsTooLong(credentials)) throw new InvalidClientError();
  const row = await db.selectFrom('api_clients').select([...CLIENT_COLUMNS, 'client_secret_hash'])
    .where('client_id', '=', credentials.clientId).executeTakeFirst();
  // The secret is checked first, so a revoked software's answer takes the same time as a wrong secret's.
  if (!(await clientSecretMatches(row, credentials.clientSecret)) || row!.status !== 'ACTIVE') throw new InvalidClientError();
  const client = toApiClient(row!);
  const iat = Math.floor(now.getTime() / 1000);
  const accessToken = await new SignJWT({ scope: FHIR_SCOPE, client_id: client.clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setIssuer(issuer()).setAudience(audience()).setSubject(client.id).setJti(randomUUID())
    .setIssuedAt(iat).setExpirationTime(iat + ACCESS_TOKEN_TTL_S)
    .sign(signingKey());
  return { accessToken, expiresIn: ACCESS_TOKEN_TTL_S, client };
}

/**
 * The software behind an access token: signature, issuer, audience, type, scope and expiry (at `now`)
 * checked, then the software must still be ACTIVE (read at most every 5 s: no argon2, usually no database).
 * Throws ApiAuthError 401 `jeton-invalide`, `jeton-expire` or `logiciel-revoque`.
 */
export async function verifyAccessToken(db: Db, token: string, now: Date): Promise<ApiClient> {
  let sub: string | undefined;
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: ['HS256'], typ: 'at+jwt', issuer: issuer(), audience: audience(), currentDate: now, requiredClaims: ['exp', 'sub'],
    });
    if (payload.scope !== FHIR_SCOPE) throw new Error('scope');
    sub = payload.sub;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new ApiAuthError('jeton-expire', 'Le jeton d’accès a expiré : demandez-en un nouveau.');
    throw new ApiAuthError('jeton-invalide', 'Le jeton d’accès n’est pas valide.');
  }
  if (!sub || !isUuid(sub)) throw new ApiAuthError('jeton-invalide', 'Le jeton d’accès n’est pas valide.');
  const client = await findActiveClient(db, sub);
  if (!client) throw new ApiAuthError('logiciel-revoque', 'Ce logiciel n’est plus autorisé à utiliser l’API : son enregistrement a été révoqué.');
  return client;
}
