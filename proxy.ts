import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth/nextauth';

/**
 * Every request: a fresh CSP nonce (Next.js puts it on its own scripts) and the rolling session
 * cookie (ACT-15: 30 minutes idle). Access decisions are NOT taken here: layouts and pages check.
 */
function contentSecurityPolicy(nonce: string): string {
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
    "frame-ancestors 'none'",
  ].join('; ');
}

const withSession = auth((request) => {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
});

type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

// With a lazily-built config (lib/auth/nextauth.ts), next-auth's wrapper resolves to the handler.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = (await (withSession as unknown as Promise<Handler>)) as Handler;
  return handler(request, event);
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/health).*)' }],
};
