// Interaction routes (login + automatic consent) of the local Pro Santé Connect
// provider, written against plain node:http request/response objects.
//
//   GET  /interaction/:uid        login form (or automatic consent)
//   POST /interaction/:uid/login  checks RPPS + password, then finishes login+consent

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails, Provider } from 'oidc-provider';

import { loginPage, errorPage } from './pages';
import { authenticate, subjectNameId, SCOPE_CLAIMS } from './professionals';

export const LOGIN_ERROR = 'Identifiant RPPS ou mot de passe incorrect.';
const MAX_BODY_BYTES = 16 * 1024;

function send(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) throw new Error('Corps de requête trop volumineux');
  }
  return new URLSearchParams(body);
}

/** Creates or extends the Grant with every requested (supported) scope and claim. */
async function grantRequested(provider: Provider, details: InteractionDetails, accountId: string): Promise<string> {
  const clientId = String(details.params.client_id);
  const existing =
    details.grantId && details.session?.accountId === accountId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });

  const scopes = String(details.params.scope ?? '')
    .split(' ')
    .filter((scope) => scope in SCOPE_CLAIMS);
  if (scopes.length) grant.addOIDCScope(scopes.join(' '));

  // Claims requested through the `claims` parameter (when that feature is on).
  if (typeof details.params.claims === 'string') {
    const requested = JSON.parse(details.params.claims) as Record<string, Record<string, unknown> | undefined>;
    const names = [...Object.keys(requested.id_token ?? {}), ...Object.keys(requested.userinfo ?? {})];
    if (names.length) grant.addOIDCClaims(names);
  }
  return grant.save();
}

async function showInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'consent' && details.session) {
    // Trusted first-party client: consent is granted without showing a page.
    const grantId = await grantRequested(provider, details, details.session.accountId);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  send(res, 200, loginPage({ uid: details.uid, clientName: String(details.params.client_id) }));
}

async function submitLogin(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const form = await readForm(req);
  const rpps = form.get('rpps') ?? '';
  const pro = authenticate(rpps, form.get('password') ?? '');
  if (!pro) {
    const page = loginPage({ uid: details.uid, clientName: String(details.params.client_id), rpps, error: LOGIN_ERROR });
    send(res, 200, page);
    return;
  }
  const accountId = subjectNameId(pro);
  const grantId = await grantRequested(provider, details, accountId);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/**
 * Handles `/interaction/*` requests. Returns false when the path is not an
 * interaction route (the caller then hands the request to oidc-provider).
 */
export async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
  if (!match) return false;

  try {
    if (req.method === 'GET' && !match[2]) await showInteraction(provider, req, res);
    else if (req.method === 'POST' && match[2]) await submitLogin(provider, req, res);
    else send(res, 405, errorPage({ erreur: 'Méthode non autorisée' }));
  } catch (error) {
    // Typically an expired or unknown interaction (SessionNotFound).
    const message = error instanceof Error ? error.message : String(error);
    if (!res.headersSent) send(res, 400, errorPage({ erreur: 'Session de connexion introuvable ou expirée', détail: message }));
  }
  return true;
}
