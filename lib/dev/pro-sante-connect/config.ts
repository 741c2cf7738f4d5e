// Environment configuration of the local Pro Santé Connect provider.
//
//   PSC_PORT            listening port (default 9100)
//   PSC_ISSUER          issuer URL (default http://localhost:<port>)
//   PSC_CLIENT_ID       OIDC client id (default mes-local)
//   PSC_CLIENT_SECRET   OIDC client secret (default mes-local-secret)
//   PSC_REDIRECT_URIS   comma-separated redirect URIs
//                       (default http://localhost:3000/api/auth/callback/psc)
//   PSC_COOKIE_KEY      key signing the provider cookies (default: dev constant)
//
// Dev convenience: http://localhost:3000..3010/api/auth/callback/psc are always
// registered in addition to PSC_REDIRECT_URIS, so `next dev` on another port works.

export const DEFAULT_PORT = 9100;
export const DEFAULT_REDIRECT_URI = 'http://localhost:3000/api/auth/callback/psc';
const DEV_CALLBACK_PORTS = { from: 3000, to: 3010 };

export interface PscConfig {
  port: number;
  /** Explicit issuer; when undefined the issuer is http://localhost:<actual port>. */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  cookieKey: string;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PSC_PORT invalide : ${value}`);
  return port;
}

export function devRedirectUris(): string[] {
  const uris: string[] = [];
  for (let port = DEV_CALLBACK_PORTS.from; port <= DEV_CALLBACK_PORTS.to; port++) {
    uris.push(`http://localhost:${port}/api/auth/callback/psc`);
  }
  return uris;
}

export interface ConfigOverrides {
  port?: number;
  issuer?: string;
  redirectUris?: string[];
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): PscConfig {
  const configured = overrides.redirectUris ?? list(env.PSC_REDIRECT_URIS);
  const redirectUris = [...new Set([...(configured.length ? configured : [DEFAULT_REDIRECT_URI]), ...devRedirectUris()])];
  return {
    port: overrides.port ?? parsePort(env.PSC_PORT),
    // PSC_ISSUER only applies when the port also comes from the environment,
    // so tests starting on a random port always get a matching issuer.
    issuer: overrides.issuer ?? (overrides.port === undefined ? env.PSC_ISSUER || undefined : undefined),
    clientId: env.PSC_CLIENT_ID || 'mes-local',
    clientSecret: env.PSC_CLIENT_SECRET || 'mes-local-secret',
    redirectUris,
    cookieKey: env.PSC_COOKIE_KEY || 'psc-local-dev-cookie-key-not-secret',
  };
}
