// Full OIDC authorization code + PKCE round trip against the local Pro Santé
// Connect provider, with plain fetch and a hand-rolled cookie jar.

import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { closeDb, getDb } from '@/db/client';
import { recordProfessionalLogin, type PscClaims } from '@/lib/auth/professional-login';
import { PROFESSIONALS, pscClaims } from '@/lib/dev/pro-sante-connect/professionals';
import { startProSanteConnect, type ProSanteConnectHandle } from '../../lib/dev/pro-sante-connect/server';

const CLIENT_ID = 'mes-local';
const CLIENT_SECRET = 'mes-local-secret';
const REDIRECT_URI = 'http://localhost:3000/api/auth/callback/psc';

let psc: ProSanteConnectHandle;

beforeAll(async () => {
  psc = await startProSanteConnect({ port: 0, redirectUris: [REDIRECT_URI] });
});

afterAll(async () => {
  await psc?.close();
  await closeDb();
});

const b64url = (buffer: Buffer) => buffer.toString('base64url');

class Browser {
  private cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

async function discovery() {
  const res = await fetch(`${psc.url}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, string>;
}

function location(res: Response): string {
  expect([302, 303], `expected a redirect, got HTTP ${res.status}`).toContain(res.status);
  const value = res.headers.get('location') ?? '';
  expect(value).toMatch(/^(https?:\/\/|\/)\S+$/);
  return new URL(value, psc.url).href;
}

function authorizationRequest(meta: Record<string, string>, scope: string) {
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(16));
  const nonce = b64url(randomBytes(16));
  const authorize = new URL(meta.authorization_endpoint as string);
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope,
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).toString();
  return { authorize, verifier, state, nonce };
}

/** Follows redirects (all hops must be redirects) until the client's redirect URI. */
async function followToCallback(browser: Browser, res: Response, state: string): Promise<string> {
  for (let hop = 0; hop < 10; hop++) {
    const next = location(res);
    if (next.startsWith(REDIRECT_URI)) {
      const params = new URL(next).searchParams;
      expect(params.get('error')).toBeNull();
      expect(params.get('state')).toBe(state);
      expect(params.get('iss')).toBe(psc.url);
      return params.get('code') as string;
    }
    res = await browser.fetch(next);
  }
  throw new Error('too many redirects');
}

/** Starts an authorization request and returns the browser parked on the login page. */
async function openLoginPage(scope = 'openid profile email scope_all unknown_scope', browser = new Browser()) {
  const meta = await discovery();
  const { authorize, verifier, state, nonce } = authorizationRequest(meta, scope);
  const interactionUrl = location(await browser.fetch(authorize.href));
  expect(new URL(interactionUrl).pathname).toMatch(/^\/interaction\/[\w-]+$/);
  const page = await browser.fetch(interactionUrl);
  expect(page.status).toBe(200);
  return { meta, browser, interactionUrl, html: await page.text(), verifier, state, nonce };
}

function login(browser: Browser, interactionUrl: string, rpps: string, password: string) {
  return browser.fetch(`${interactionUrl}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ rpps, password }).toString(),
  });
}

/** Logs in as the GP (or another demo professional) and follows redirects until the client's redirect URI. */
async function authorizeAsGp(scope?: string, browser?: Browser, rpps = '10100000001') {
  const flow = await openLoginPage(scope, browser);
  const res = await login(flow.browser, flow.interactionUrl, rpps, 'psc-demo');
  return { ...flow, code: await followToCallback(flow.browser, res, flow.state) };
}

async function verifyIdToken(idToken: string, jwksUri: string): Promise<Record<string, unknown>> {
  const [header = '', payload = '', signature = ''] = idToken.split('.');
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
  expect(alg).toBe('RS256');
  const { keys } = (await (await fetch(jwksUri)).json()) as { keys: (JsonWebKey & { kid: string })[] };
  const jwk = keys.find((key) => key.kid === kid);
  expect(jwk).toBeDefined();
  const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

const GP_CLAIMS = {
  sub: '810100000001',
  SubjectNameID: '810100000001',
  preferred_username: '10100000001',
  given_name: 'Claire',
  family_name: 'Martin',
  email: 'claire.martin@medecin.example',
  SubjectRefPro: {
    codeCivilite: 'MME',
    exercices: [
      expect.objectContaining({
        codeProfession: '10',
        codeCategorieProfessionnelle: 'C',
        codeSavoirFaire: 'SM54',
        codeTypeSavoirFaire: 'S',
        libelleProfession: 'Médecin',
        activites: [expect.objectContaining({ codeModeExercice: 'L', raisonSocialeSite: 'Cabinet du Dr Claire Martin' })],
      }),
    ],
  },
};

test('login page is French, labelled and lists the demo accounts', async () => {
  const { html } = await openLoginPage();
  expect(html).toContain('<html lang="fr">');
  expect(html).toMatch(/<title>[^<]+<\/title>/);
  expect(html).toContain('Pro Santé Connect — environnement local');
  expect(html).toContain('<label for="rpps">Identifiant RPPS</label>');
  expect(html).toContain('<label for="password">Mot de passe</label>');
  expect(html).toContain('Se connecter');
  expect(html).toContain('10100000002');
});

test('authorization code + PKCE round trip returns the GP identity (client_secret_basic)', async () => {
  const { meta, code, verifier, nonce } = await authorizeAsGp();

  const tokenRes = await fetch(meta.token_endpoint as string, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }).toString(),
  });
  expect(tokenRes.status).toBe(200);
  const tokens = (await tokenRes.json()) as { id_token: string; access_token: string; token_type: string };
  expect(tokens.token_type).toBe('Bearer');

  const idToken = await verifyIdToken(tokens.id_token, meta.jwks_uri as string);
  expect(idToken).toMatchObject({ ...GP_CLAIMS, iss: psc.url, aud: CLIENT_ID, nonce });

  const userinfoRes = await fetch(meta.userinfo_endpoint as string, {
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  expect(userinfoRes.status).toBe(200);
  expect(await userinfoRes.json()).toMatchObject(GP_CLAIMS);
});

test('client_secret_post is accepted and the code_verifier is enforced', async () => {
  const { meta, code, verifier } = await authorizeAsGp();
  const exchange = (codeVerifier: string) =>
    fetch(meta.token_endpoint as string, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: codeVerifier,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }).toString(),
    });

  const wrong = await exchange(b64url(randomBytes(32)));
  expect(wrong.status).toBe(400);
  expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });

  const right = await exchange(verifier);
  expect(right.status).toBe(200);
  expect(await right.json()).toHaveProperty('id_token');
});

test('authorization requests without PKCE are rejected', async () => {
  const meta = await discovery();
  const authorize = new URL(meta.authorization_endpoint as string);
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid scope_all',
    state: 'xyz',
  }).toString();
  const res = await fetch(authorize.href, { redirect: 'manual' });
  const params = new URL(location(res)).searchParams;
  expect(params.get('error')).toBe('invalid_request');
  expect(params.get('state')).toBe('xyz');
});

test('an existing session gets new scopes without any consent page', async () => {
  const browser = new Browser();
  const { meta } = await authorizeAsGp('openid', browser);
  const { authorize, state } = authorizationRequest(meta, 'openid scope_all');
  const code = await followToCallback(browser, await browser.fetch(authorize.href), state);
  expect(code).toMatch(/^\S{20,}$/);
});

test('wrong password stays on the login page with a French error', async () => {
  const { browser, interactionUrl } = await openLoginPage();
  const res = await login(browser, interactionUrl, '10100000001', 'mauvais');
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('Identifiant RPPS ou mot de passe incorrect.');
  expect(html).toMatch(/<p id="login-error"[^>]*>Identifiant RPPS ou mot de passe incorrect\.<\/p>/);
  expect(html).toMatch(/id="rpps"[^>]*aria-describedby="login-error"/);
  expect(html).toContain('value="10100000001"');
  expect(html).toContain('<label for="rpps">Identifiant RPPS</label>');
});

test('PRO-1, PRO-2: after the hospital doctor logs in, specialty and facility land in professionals', async () => {
  const { meta, code, verifier } = await authorizeAsGp('openid scope_all', undefined, '10100000010');
  const tokenRes = await fetch(meta.token_endpoint as string, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier,
      client_id: CLIENT_ID, client_secret: CLIENT_SECRET }).toString(),
  });
  expect(tokenRes.status).toBe(200);
  const { access_token: accessToken } = (await tokenRes.json()) as { access_token: string };
  const claims = (await (await fetch(meta.userinfo_endpoint as string, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as PscClaims;
  expect(claims.SubjectRefPro?.exercices?.[0]?.activites).toEqual([expect.objectContaining({
    numeroFinessEtablissement: '750712184', raisonSocialeSite: 'Centre hospitalier de démonstration' })]);

  const db = getDb();
  const at = new Date('2026-11-29T09:00:00Z');
  const id = await recordProfessionalLogin(db, claims, at);
  expect(await db.selectFrom('professionals').select(['rpps', 'given_name', 'family_name', 'profession_code', 'specialty_code', 'specialty_label',
    'facility_id', 'facility_name', 'regulation_centre', 'last_login_at']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
    rpps: '10100000010', given_name: 'Antoine', family_name: 'Dubois', profession_code: '10', specialty_code: 'SM04',
    specialty_label: 'Cardiologie et maladies vasculaires', facility_id: 'FINESS 750712184', facility_name: 'Centre hospitalier de démonstration',
    regulation_centre: false, last_login_at: at,
  });
  // PRO-2: the login is traced for the facility, naming the human user.
  const trace = await db.selectFrom('access_events').select(['actor_type', 'actor_label']).where('action', '=', 'account.login')
    .where('actor_id', '=', 'FINESS 750712184').executeTakeFirstOrThrow();
  expect(trace).toEqual({ actor_type: 'HEALTHCARE_FACILITY', actor_label: 'Centre hospitalier de démonstration — Antoine Dubois' });
});

test('EMG-3, PRO-13: the SAMU regulation doctor is a regulation-centre user; the médecin du travail carries SM23; others are neither', async () => {
  const db = getDb();
  const at = new Date('2026-11-29T09:00:00Z');
  const rowOf = async (rpps: string) => {
    const pro = PROFESSIONALS.find((p) => p.rpps === rpps)!;
    const id = await recordProfessionalLogin(db, pscClaims(pro), at);
    return db.selectFrom('professionals').select(['profession_label', 'specialty_code', 'facility_id', 'regulation_centre']).where('id', '=', id).executeTakeFirstOrThrow();
  };
  expect(await rowOf('10100000008')).toEqual({ profession_label: 'Médecin', specialty_code: 'SM57', facility_id: null, regulation_centre: true });
  expect(await rowOf('10100000009')).toEqual({ profession_label: 'Médecin', specialty_code: 'SM23', facility_id: null, regulation_centre: false });
  expect(await rowOf('10100000007')).toEqual({ profession_label: 'Pédicure-podologue', specialty_code: null, facility_id: null, regulation_centre: false });
  // Every demo professional has a distinct RPPS and the shared demo password.
  expect(new Set(PROFESSIONALS.map((p) => p.rpps)).size).toBe(PROFESSIONALS.length);
  expect(PROFESSIONALS.map((p) => p.codeProfession).sort()).toEqual(['10', '10', '10', '10', '21', '21', '40', '50', '60', '70', '80']);
});
