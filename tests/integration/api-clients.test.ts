import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as tokenEndpoint } from '@/app/api/oauth/token/route';
import { closeDb, getDb } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { ApiAuthError } from '@/lib/api-clients/errors';
import { listApiClients } from '@/lib/api-clients/list-clients';
import { authenticateApiCall } from '@/lib/api-clients/professional-identity';
import type { PscTrust } from '@/lib/api-clients/psc-token';
import { registerApiClient } from '@/lib/api-clients/register-client';
import { revokeApiClient } from '@/lib/api-clients/revoke-client';
import { issueAccessToken, verifyAccessToken } from '@/lib/api-clients/tokens';
import { recordAccess } from '@/lib/audit/record-access';
import { startProSanteConnect, type ProSanteConnectHandle } from '@/lib/dev/pro-sante-connect/server';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { pscIdToken } from '../support/psc-id-token';
import { aStaffMember } from '../factories';

const db = getDb();
const now = () => new Date();

// The local stand-in Pro Santé Connect, on a random port; its id_tokens are obtained through its real
// authorization-code + PKCE flow, driven with fetch as a browser would (no dev-only minting shortcut).
const PSC_CLIENT = { id: 'mes-local', secret: 'mes-local-secret', redirectUri: 'http://localhost:3000/api/auth/callback/psc' };
let psc: ProSanteConnectHandle;
let trust: PscTrust;
beforeAll(async () => {
  psc = await startProSanteConnect({ port: 0, redirectUris: [PSC_CLIENT.redirectUri] });
  trust = { issuer: psc.url, audiences: [PSC_CLIENT.id] };
});
afterAll(async () => {
  await psc?.close();
  await closeDb();
});

let gpToken: Promise<string> | undefined;
const gpIdToken = () => (gpToken ??= pscIdToken(psc.url, '10100000001', PSC_CLIENT));

const FINESS = '750712184';
async function aSoftware(facility = false) {
  const agent = await aStaffMember(db);
  const name = `Logiciel test ${randomInt(1e9)}`;
  const created = await registerApiClient(db, agent, {
    name, editor: 'Éditeur test', finess: facility ? FINESS : '', facilityName: facility ? 'Centre hospitalier de test' : '',
  }, now());
  return { ...created, agent };
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
async function askToken(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await tokenEndpoint(new Request('http://localhost/api/oauth/token', {
    method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  }));
  return { status: response.status, headers: response.headers, body: await response.json() as Record<string, unknown> };
}
const tokenFor = async (s: { clientId: string; clientSecret: string }) =>
  (await askToken({ grant_type: 'client_credentials' }, { authorization: basic(s.clientId, s.clientSecret) })).body.access_token as string;

/** The ApiAuthError an authentication throws (fails the test when none is thrown). */
async function refusal(promise: Promise<unknown>): Promise<ApiAuthError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiAuthError);
  return error as ApiAuthError;
}
const call = (headers: Record<string, string>, at = now()) => authenticateApiCall(db, new Headers(headers), at, trust);

describe('back-office registration of professional software', () => {
  test('an agent registers a software: client id and a secret shown once, stored only as an argon2 hash, traced SUPPORT', async () => {
    const s = await aSoftware();
    expect(s.clientId).toMatch(/^lps-[0-9a-f]{20}$/);
    expect(s.clientSecret.length).toBeGreaterThanOrEqual(43);
    const row = await db.selectFrom('api_clients').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: s.name, editor: 'Éditeur test', client_id: s.clientId, status: 'ACTIVE', facility_id: null, created_by: s.agent.staffId });
    expect(row.client_secret_hash).toMatch(/^\$argon2id\$/);
    expect(row.client_secret_hash).not.toContain(s.clientSecret);
    const trace = await db.selectFrom('access_events').select(['actor_type', 'actor_id', 'outcome', 'channel', 'target_id', 'profile_id'])
      .where('action', '=', 'api-client.register').where('target_id', '=', s.id).executeTakeFirstOrThrow();
    expect(trace).toEqual({ actor_type: 'SUPPORT', actor_id: s.agent.staffId, outcome: 'OK', channel: 'BACKOFFICE', target_id: s.id, profile_id: null });
    const listed = await listApiClients(db, s.agent, now());
    expect(listed.find((c) => c.id === s.id)).toMatchObject({ name: s.name, clientId: s.clientId, status: 'ACTIVE', facility: null });
  });

  test('a facility software keeps its FINESS and raison sociale; a second software cannot take the same name', async () => {
    const s = await aSoftware(true);
    const listed = await listApiClients(db, s.agent, now());
    expect(listed.find((c) => c.id === s.id)?.facility).toEqual({ finess: FINESS, name: 'Centre hospitalier de test' });
    const again = registerApiClient(db, s.agent, { name: s.name.toUpperCase(), editor: 'Autre' }, now());
    await expect(again).rejects.toBeInstanceOf(ValidationError);
    await expect(again).rejects.toMatchObject({ field: 'name', message: expect.stringMatching(/porte déjà ce nom/) });
    await expect(registerApiClient(db, s.agent, { name: 'Logiciel FINESS faux', editor: 'Éditeur', finess: '750712185', facilityName: 'CH' }, now()))
      .rejects.toMatchObject({ field: 'finess' });
  });

  test('only staff manage software: a professional is refused, and the refusal is traced', async () => {
    const pro: ProfessionalActor = { kind: 'PROFESSIONAL', professionalId: crypto.randomUUID(), rpps: '10100000001', name: 'Claire Martin', professionCode: '10', professionLabel: 'Médecin' };
    await expect(registerApiClient(db, pro, { name: 'Logiciel pirate', editor: 'X' }, now())).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.selectFrom('api_clients').select('id').where('name', '=', 'Logiciel pirate').executeTakeFirst()).toBeUndefined();
    const trace = await db.selectFrom('access_events').select(['outcome', 'reason']).where('action', '=', 'api-client.register')
      .where('actor_id', '=', '10100000001').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(trace).toEqual({ outcome: 'DENIED', reason: 'wrong-audience' });
  });
});

describe('token endpoint (OAuth 2 client credentials)', () => {
  test('HTTP Basic: 200 with a Bearer token valid one hour, never cached; the token names the software', async () => {
    const s = await aSoftware();
    const res = await askToken({ grant_type: 'client_credentials' }, { authorization: basic(s.clientId, s.clientSecret) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'fhir' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const client = await verifyAccessToken(db, res.body.access_token as string, now());
    expect(client).toEqual({ id: s.id, name: s.name, editor: 'Éditeur test', clientId: s.clientId, facility: null });
  });

  test('client_id and client_secret in the form work too', async () => {
    const s = await aSoftware();
    const res = await askToken({ grant_type: 'client_credentials', client_id: s.clientId, client_secret: s.clientSecret, scope: 'fhir' });
    expect(res.status).toBe(200);
    expect((await verifyAccessToken(db, res.body.access_token as string, now())).id).toBe(s.id);
  });

  test('a wrong secret, an unknown client or no credentials: 401 invalid_client, no token', async () => {
    const s = await aSoftware();
    const wrong = await askToken({ grant_type: 'client_credentials' }, { authorization: basic(s.clientId, `${s.clientSecret}x`) });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(wrong.body).not.toHaveProperty('access_token');
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic /);
    const unknown = await askToken({ grant_type: 'client_credentials', client_id: 'lps-inconnu', client_secret: s.clientSecret });
    expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await askToken({ grant_type: 'client_credentials' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  test('RFC 6749 errors: unsupported grant type, missing grant type, unknown scope, two auth methods, not a form', async () => {
    const s = await aSoftware();
    const auth = { authorization: basic(s.clientId, s.clientSecret) };
    expect(await askToken({ grant_type: 'password', username: 'x', password: 'y' }, auth)).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await askToken({}, auth)).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await askToken({ grant_type: 'client_credentials', scope: 'admin' }, auth)).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(await askToken({ grant_type: 'client_credentials', client_id: s.clientId, client_secret: s.clientSecret }, auth))
      .toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const json = await tokenEndpoint(new Request('http://localhost/api/oauth/token', {
      method: 'POST', body: JSON.stringify({ grant_type: 'client_credentials' }), headers: { 'content-type': 'application/json', ...auth },
    }));
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });

  test('a revoked software gets no new token, and the token it holds stops working at once', async () => {
    const s = await aSoftware();
    const token = await tokenFor(s);
    expect((await verifyAccessToken(db, token, now())).id).toBe(s.id);
    await revokeApiClient(db, s.agent, { id: s.id }, now());
    expect((await refusal(verifyAccessToken(db, token, now()))).code).toBe('logiciel-revoque');
    expect(await askToken({ grant_type: 'client_credentials' }, { authorization: basic(s.clientId, s.clientSecret) }))
      .toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    await expect(issueAccessToken(db, { clientId: s.clientId, clientSecret: s.clientSecret }, now())).rejects.toThrow(/incorrect/);
    const row = await db.selectFrom('api_clients').select(['status', 'revoked_at']).where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('REVOKED');
    expect(row.revoked_at).toBeInstanceOf(Date);
    await expect(revokeApiClient(db, s.agent, { id: s.id }, now())).rejects.toThrow(/déjà révoqué/);
    expect(await db.selectFrom('access_events').select('outcome').where('action', '=', 'api-client.revoke').where('target_id', '=', s.id).execute())
      .toEqual([{ outcome: 'OK' }]);
  });

  test('an expired token is refused (one hour after issue), a tampered or foreign one too', async () => {
    const s = await aSoftware();
    const issuedAt = now();
    const { accessToken } = await issueAccessToken(db, s, issuedAt);
    expect((await verifyAccessToken(db, accessToken, new Date(issuedAt.getTime() + 3_599_000))).id).toBe(s.id);
    const expired = await refusal(verifyAccessToken(db, accessToken, new Date(issuedAt.getTime() + 3_601_000)));
    expect(expired).toMatchObject({ code: 'jeton-expire', status: 401, wwwAuthenticate: expect.stringContaining('invalid_token') });
    const [header, payload, signature] = accessToken.split('.');
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: crypto.randomUUID() })).toString('base64url');
    expect((await refusal(verifyAccessToken(db, `${header}.${other}.${signature}`, issuedAt))).code).toBe('jeton-invalide');
    const foreign = await new SignJWT({ scope: 'fhir' }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setSubject(s.id)
      .setIssuedAt().setExpirationTime('1h').sign(randomBytes(32));
    expect((await refusal(verifyAccessToken(db, foreign, issuedAt))).code).toBe('jeton-invalide');
    expect((await refusal(verifyAccessToken(db, 'pas-un-jeton', issuedAt))).code).toBe('jeton-invalide');
  });
});

describe('PRO-1: the professional acts through their Pro Santé Connect token', () => {
  test('a real PSC id_token is verified against the issuer’s keys; the professional row exists and the actor is the GP', async () => {
    const s = await aSoftware();
    const bearer = `Bearer ${await tokenFor(s)}`;
    const { client, actor } = await call({ authorization: bearer, 'x-psc-token': await gpIdToken() });
    expect(client.id).toBe(s.id);
    expect(actor).toMatchObject({ kind: 'PROFESSIONAL', rpps: '10100000001', name: 'Claire Martin', professionCode: '10', specialtyCode: 'SM54', facility: null });
    const row = await db.selectFrom('professionals').select(['id', 'profession_label']).where('rpps', '=', '10100000001').executeTakeFirstOrThrow();
    expect(actor.professionalId).toBe(row.id);
    expect(row.profession_label).toBe('Médecin');
    // Second call: same actor (the row is remembered), nothing else needed.
    expect((await call({ authorization: bearer, 'x-psc-token': await gpIdToken() })).actor).toEqual(actor);
  });

  test('forged PS tokens are refused: changed payload, unsigned, signed by another key under PSC’s kid, wrong audience, expired', async () => {
    const s = await aSoftware();
    const bearer = `Bearer ${await tokenFor(s)}`;
    const real = await gpIdToken();
    const [header, payload, signature] = real.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const changed = Buffer.from(JSON.stringify({ ...claims, SubjectNameID: '810100000099', sub: '810100000099' })).toString('base64url');
    expect((await refusal(call({ authorization: bearer, 'x-psc-token': `${header}.${changed}.${signature}` }))).code).toBe('jeton-psc-invalide');

    const unsigned = new UnsecuredJWT(claims).encode();
    expect((await refusal(call({ authorization: bearer, 'x-psc-token': unsigned }))).code).toBe('jeton-psc-invalide');

    const { kid } = JSON.parse(Buffer.from(header!, 'base64url').toString()) as { kid: string };
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const impostor = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    const forged = await refusal(call({ authorization: bearer, 'x-psc-token': impostor }));
    expect(forged).toMatchObject({ code: 'jeton-psc-invalide', status: 401, message: expect.stringMatching(/^Le jeton Pro Santé Connect/) });

    const otherAudience = await refusal(authenticateApiCall(db, new Headers({ authorization: bearer, 'x-psc-token': real }), now(), { ...trust, audiences: ['autre-client'] }));
    expect(otherAudience).toMatchObject({ code: 'jeton-psc-invalide', message: expect.stringMatching(/pas destiné à Mon espace santé/) });
    // An issuer whose keys cannot be found is our outage, not the caller's fault: 503, never accepted.
    const unreachable = await refusal(authenticateApiCall(db, new Headers({ authorization: bearer, 'x-psc-token': real }), now(), { ...trust, issuer: `${psc.url}/autre` }));
    expect(unreachable).toMatchObject({ code: 'psc-indisponible', status: 503 });

    const later = new Date(Date.now() + 2 * 3_600_000); // both tokens expired: the bearer is refused first
    expect((await refusal(call({ authorization: bearer, 'x-psc-token': real }, later))).code).toBe('jeton-expire');
    const { accessToken } = await issueAccessToken(db, s, later);
    expect((await refusal(call({ authorization: `Bearer ${accessToken}`, 'x-psc-token': real }, later))).code).toBe('jeton-psc-expire');
  });

  test('no bearer, no identity, both identities: 401 with a French message', async () => {
    const s = await aSoftware(true);
    const bearer = `Bearer ${await tokenFor(s)}`;
    const noBearer = await refusal(call({ 'x-psc-token': await gpIdToken() }));
    expect(noBearer).toMatchObject({ code: 'jeton-absent', status: 401, wwwAuthenticate: 'Bearer realm="mon-espace-sante"' });
    expect(await refusal(call({ authorization: `Basic ${Buffer.from(`${s.clientId}:${s.clientSecret}`).toString('base64')}` })))
      .toMatchObject({ code: 'jeton-absent' });
    expect(await refusal(call({ authorization: bearer }))).toMatchObject({ code: 'identite-absente', status: 401, message: expect.stringMatching(/X-PSC-Token/) });
    expect(await refusal(call({ authorization: bearer, 'x-psc-token': await gpIdToken(), 'x-facility-user': 'rpps=10100000009; name=Jeanne Dubois; profession=10' })))
      .toMatchObject({ code: 'identites-multiples', status: 401 });
  });
});

describe('PRO-2: a facility software names its human user and acts as the facility', () => {
  const user = 'rpps=10100000077; name=Jeanne Dubois; profession=60';

  test('accepted from a facility software: the actor has the facility, and is traced HEALTHCARE_FACILITY naming the user', async () => {
    const s = await aSoftware(true);
    const { actor } = await call({ authorization: `Bearer ${await tokenFor(s)}`, 'x-facility-user': user });
    expect(actor).toMatchObject({ kind: 'PROFESSIONAL', rpps: '10100000077', name: 'Jeanne Dubois', professionCode: '60', professionLabel: 'Infirmier',
      facility: { id: `FINESS ${FINESS}`, name: 'Centre hospitalier de test' } });
    const row = await db.selectFrom('professionals').select(['id', 'facility_id']).where('rpps', '=', '10100000077').executeTakeFirstOrThrow();
    expect(row).toEqual({ id: actor.professionalId, facility_id: `FINESS ${FINESS}` });
    await recordAccess(db, { actor, action: 'test.api-call', profileId: null, at: now(), channel: 'API' });
    const trace = await db.selectFrom('access_events').select(['actor_type', 'actor_id', 'actor_label', 'actor_role']).where('action', '=', 'test.api-call')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(trace).toEqual({ actor_type: 'HEALTHCARE_FACILITY', actor_id: `FINESS ${FINESS}`, actor_label: 'Centre hospitalier de test — Jeanne Dubois', actor_role: 'RPPS 10100000077' });
  });

  test('refused (403) from a practice software, whatever the header says', async () => {
    const s = await aSoftware(false);
    const refused = await refusal(call({ authorization: `Bearer ${await tokenFor(s)}`, 'x-facility-user': user }));
    expect(refused).toMatchObject({ code: 'logiciel-sans-etablissement', status: 403, wwwAuthenticate: null, message: expect.stringMatching(/établissement/) });
  });

  test('a malformed header from a facility software: 401 saying what is wrong', async () => {
    const s = await aSoftware(true);
    const refused = await refusal(call({ authorization: `Bearer ${await tokenFor(s)}`, 'x-facility-user': 'rpps=123; name=Jeanne Dubois; profession=60' }));
    expect(refused).toMatchObject({ code: 'utilisateur-etablissement-invalide', status: 401, message: expect.stringMatching(/rpps doit compter 11 chiffres/) });
  });
});
