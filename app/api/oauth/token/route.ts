import { getDb } from '@/db/client';
import { ACCESS_TOKEN_TTL_S, FHIR_SCOPE, issueAccessToken } from '@/lib/api-clients/tokens';
import { InvalidClientError } from '@/lib/api-clients/errors';
import { clock } from '@/lib/clock';
import { parseBasic } from '@/lib/services/client-credentials';

const MAX_BODY_BYTES = 4_096;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** RFC 6749 §5.2 error; descriptions in French without accents (the RFC allows only ASCII there). */
const oauthError = (status: 400 | 401, error: string, description: string, basicChallenge = false) =>
  Response.json({ error, error_description: description }, {
    status, headers: { ...NO_STORE, ...(basicChallenge ? { 'www-authenticate': 'Basic realm="mon-espace-sante", charset="UTF-8"' } : {}) },
  });

/** RFC 6749 §2.3.1: the Basic user and password are form-urlencoded first. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * OAuth 2 token endpoint for professional software (RFC 6749 §4.4, client credentials): a form
 * `grant_type=client_credentials` (optional `scope=fhir`), the software authenticated by HTTP Basic or by
 * `client_id` / `client_secret` in the form (one method only). 200 `{ access_token, token_type, expires_in,
 * scope }`; 400 `invalid_request`, `unsupported_grant_type`, `invalid_scope`; 401 `invalid_client`.
 */
export async function POST(request: Request) {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'Le corps doit etre un formulaire application/x-www-form-urlencoded.');
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return oauthError(400, 'invalid_request', 'Requete trop volumineuse.');
  const form = new URLSearchParams(text);
  for (const name of ['grant_type', 'scope', 'client_id', 'client_secret']) {
    if (form.getAll(name).length > 1) return oauthError(400, 'invalid_request', `Parametre ${name} repete.`);
  }
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Parametre grant_type manquant.');
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Seul le type client_credentials est pris en charge.');
  const scope = form.get('scope');
  if (scope !== null && scope.trim() !== FHIR_SCOPE) return oauthError(400, 'invalid_scope', `Seule la portee ${FHIR_SCOPE} existe.`);

  const authorization = request.headers.get('authorization');
  const inForm = form.has('client_id') || form.has('client_secret');
  if (authorization && inForm) return oauthError(400, 'invalid_request', 'Une seule methode d authentification du logiciel a la fois.');
  const basic = authorization ? parseBasic(authorization) : undefined;
  const clientId = basic ? formDecode(basic.clientId) : form.get('client_id');
  const clientSecret = basic ? formDecode(basic.clientSecret) : form.get('client_secret');
  if (!clientId || !clientSecret) {
    return oauthError(401, 'invalid_client', 'Authentifiez le logiciel (HTTP Basic ou client_id et client_secret).', true);
  }
  try {
    const { accessToken } = await issueAccessToken(getDb(), { clientId, clientSecret }, clock.now());
    return Response.json({ access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_S, scope: FHIR_SCOPE }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof InvalidClientError) return oauthError(401, 'invalid_client', 'Identifiant ou secret du logiciel incorrect.', Boolean(authorization));
    throw error;
  }
}
