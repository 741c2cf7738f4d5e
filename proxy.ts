import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth/nextauth';

/**
 * Every request: a fresh CSP nonce (Next.js puts it on its own scripts) and, for signed-in
 * browsers, the rolling session cookie (ACT-15: 30 minutes idle). Access decisions are NOT taken
 * here: layouts and pages check.
 */
/** DOC-3: only a document's decrypted file may be framed, and only by our own pages. */
const FRAMEABLE = /^\/espace\/documents\/[^/]+\/contenu$/;

function contentSecurityPolicy(nonce: string, path: string): string {
  const dev = process.env.NODE_ENV !== 'production';
  const psc = process.env.PSC_ISSUER ?? 'http://localhost:9100';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The Pro Santé Connect sign-in is a form post answered by a redirect to the provider.
    `form-action 'self' ${new URL(psc).origin}`,
    `frame-ancestors ${FRAMEABLE.test(path) ? "'self'" : "'none'"}`,
  ].join('; ');
}

/** Nonce and CSP on the request (Next.js reads them) and on the response. */
function secured(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, request.nextUrl.pathname);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

const withSession = auth((request) => secured(request));
type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

/**
 * Rolling the session (decrypt + re-encrypt the JWT cookie) costs milliseconds of CPU, so it is
 * done at most once a minute per browser, marked by a hint cookie. A forged hint can only make
 * the session expire sooner, never later. Anonymous requests never touch next-auth here.
 */
const REFRESH_HINT = 'mes_session_refresh';
const REFRESH_EVERY_MS = 60_000;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const hasSession = request.cookies.getAll().some((c) => c.name.includes('authjs.session-token'));
  const refreshAfter = Number(request.cookies.get(REFRESH_HINT)?.value ?? 0);
  if (!hasSession || Date.now() < refreshAfter) return secured(request);
  // With a lazily-built config (lib/auth/nextauth.ts), next-auth's wrapper resolves to the handler.
  const handler = (await (withSession as unknown as Promise<Handler>)) as Handler;
  const response = (await handler(request, event)) ?? secured(request);
  const secure = (process.env.APP_URL ?? '').startsWith('https:') ? '; Secure' : '';
  response.headers.append('set-cookie',
    `${REFRESH_HINT}=${Date.now() + REFRESH_EVERY_MS}; Path=/; Max-Age=${REFRESH_EVERY_MS / 1000}; HttpOnly; SameSite=Lax${secure}`);
  return response;
}

export const config = {
  // Machine APIs (FHIR, OAuth token) need no CSP nonce nor session rolling: excluded.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/health|api/fhir|api/oauth).*)' }],
};
