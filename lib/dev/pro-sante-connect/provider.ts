// oidc-provider configuration playing "Pro Santé Connect" locally.

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

import type { PscConfig } from './config';
import { errorPage, logoutPage, logoutSuccessPage } from './pages';
import { findProfessionalBySub, pscClaims, SCOPE_CLAIMS } from './professionals';

/** Fresh in-memory RS256 signing key (tokens do not survive a restart: fine for dev). */
function signingKeys() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
}

function postLogoutUris(redirectUris: string[]): string[] {
  return [...new Set(redirectUris.map((uri) => `${new URL(uri).origin}/`))];
}

export function createProvider(config: PscConfig, issuer: string): Provider {
  return new Provider(issuer, {
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        client_name: 'Mon espace santé (local)',
        redirect_uris: config.redirectUris,
        post_logout_redirect_uris: postLogoutUris(config.redirectUris),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // next-auth's default; client_secret_post is accepted as well by oidc-provider.
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: Object.keys(SCOPE_CLAIMS),
    claims: { ...SCOPE_CLAIMS, acr: null, auth_time: null, sid: null, iss: null },
    // Release scope claims in the id_token too (a client may read only the id_token).
    conformIdTokenClaims: false,
    cookies: { keys: [config.cookieKey] },
    jwks: signingKeys(),
    // Explicit lifetimes in seconds (also silences oidc-provider's notices).
    ttl: {
      AuthorizationCode: 60,
      Interaction: 60 * 60,
      AccessToken: 60 * 60,
      IdToken: 60 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
    async findAccount(_ctx, sub) {
      const pro = findProfessionalBySub(sub);
      return pro && { accountId: sub, claims: () => pscClaims(pro) };
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = logoutPage(form, ctx.host);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = logoutSuccessPage(ctx.oidc.client?.clientName);
        },
      },
    },
  });
}
