import type { Db } from '@/db/client';
import type { ServiceActor } from '@/lib/access/actor';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/passwords';
import type { ServiceStatus } from './status';

export type AuthenticatedService = { actor: ServiceActor; status: ServiceStatus };

/** HTTP Basic `client_id:client_secret` (RFC 7617); undefined when the header is missing or malformed. */
export function parseBasic(header: string | null): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/** Ids and secrets longer than this are refused before any lookup (no argon2 on megabytes). */
export const credentialsTooLong = (c: { clientId: string; clientSecret: string }) => c.clientId.length > 200 || c.clientSecret.length > 500;

/**
 * A client secret checked against the argon2 hash of the client found by its id (undefined: unknown id).
 * An unknown id costs the same argon2 work as a wrong secret, so neither the answer nor its time tells which.
 * Shared by connected services (CAT-8) and professional software (lib/api-clients).
 */
export async function clientSecretMatches(found: { client_secret_hash: string } | undefined, secret: string): Promise<boolean> {
  if (!found) {
    await burnPasswordCheck(secret);
    return false;
  }
  return verifyPassword(found.client_secret_hash, secret);
}

/**
 * CAT-8: the service behind a call, from its client credentials. An unknown id and a wrong secret answer
 * the same (undefined) after the same argon2 work, so neither the answer nor its time tells which.
 * The status is returned as is: whether it may exchange is the policy's decision.
 */
export async function authenticateService(db: Db, authorization: string | null): Promise<AuthenticatedService | undefined> {
  const credentials = parseBasic(authorization);
  if (!credentials || credentialsTooLong(credentials)) return undefined;
  const service = await db.selectFrom('connected_services').select(['id', 'name', 'status', 'client_secret_hash'])
    .where('client_id', '=', credentials.clientId).executeTakeFirst();
  if (!service || !(await clientSecretMatches(service, credentials.clientSecret))) return undefined;
  return { actor: { kind: 'SERVICE', serviceId: service.id, name: service.name }, status: service.status };
}
