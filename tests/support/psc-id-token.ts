import { createHash, randomBytes } from 'node:crypto';

/**
 * Logs a professional in at the stand-in Pro Santé Connect (RPPS + demo password) through its real
 * authorization-code + PKCE flow, driven with fetch as a browser would, and returns the id_token its
 * token endpoint issues. `client` must be one the stand-in knows, with that redirect URI.
 */
export async function pscIdToken(issuer: string, rpps: string, client: { id: string; secret: string; redirectUri: string }): Promise<string> {
  const cookies = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  const next = (res: Response) => new URL(res.headers.get('location')!, issuer).href;
  const meta = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json() as Record<string, string>;
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(meta.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    client_id: client.id, response_type: 'code', redirect_uri: client.redirectUri, scope: 'openid scope_all',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256', state: 's', nonce: 'n',
  }).toString();
  const interaction = next(await go(authorize.href));
  await go(interaction);
  let res = await go(`${interaction}/login`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ rpps, password: 'psc-demo' }).toString(),
  });
  let url = next(res);
  while (!url.startsWith(client.redirectUri)) url = next(res = await go(url));
  const code = new URL(url).searchParams.get('code')!;
  const tokens = await fetch(meta.token_endpoint!, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier,
      client_id: client.id, client_secret: client.secret }).toString(),
  });
  if (tokens.status !== 200) throw new Error(`PSC token endpoint answered ${tokens.status}`);
  return ((await tokens.json()) as { id_token: string }).id_token;
}
