import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import type { Audience } from '@/db/schema';
import { config } from '@/lib/config';
import { IDLE_SECONDS, MAX_SESSION_MS } from './session-limits';
import { redeemTicket } from './login-tickets';
import { recordProfessionalLogin, type PscClaims } from './professional-login';


declare module 'next-auth' {
  interface Session { audience: Audience; subjectId: string }
  interface User { audience?: Audience }
}

// Lazy config: secrets and URLs are read at request time, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const cfg = config();
  return {
    secret: cfg.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: IDLE_SECONDS, updateAge: 0 },
    pages: { signIn: '/connexion', error: '/connexion/erreur' },
    providers: [
      // Patients, staff and advisors: our own password + OTP checks end in a single-use ticket.
      Credentials({
        id: 'ticket',
        credentials: { ticket: {} },
        async authorize(credentials) {
          const found = await redeemTicket(getDb(), String(credentials?.ticket ?? ''), new Date());
          return found ? { id: found.subjectId, audience: found.audience } : null;
        },
      }),
      // Professionals: Pro Santé Connect, a standard OIDC provider (code flow + PKCE).
      {
        id: 'psc',
        name: 'Pro Santé Connect',
        type: 'oidc',
        issuer: cfg.PSC_ISSUER,
        clientId: cfg.PSC_CLIENT_ID,
        clientSecret: cfg.PSC_CLIENT_SECRET,
        checks: ['pkce', 'state', 'nonce'],
        authorization: { params: { scope: 'openid scope_all' } },
        profile: (p: PscClaims) => ({ id: p.sub, name: `${p.given_name ?? ''} ${p.family_name ?? ''}`.trim(), audience: 'pro' as const }),
      },
    ],
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (account?.provider === 'psc' && profile) {
          token.audience = 'pro';
          token.subjectId = await recordProfessionalLogin(getDb(), profile as unknown as PscClaims, new Date());
          token.loginAt = Date.now();
        } else if (user?.audience && user.id) {
          token.audience = user.audience;
          token.subjectId = user.id;
          token.loginAt = Date.now();
        }
        if (typeof token.loginAt !== 'number' || Date.now() - token.loginAt > MAX_SESSION_MS) return null;
        return token;
      },
      session({ session, token }) {
        return { ...session, audience: token.audience as Audience, subjectId: token.subjectId as string };
      },
    },
  };
});
