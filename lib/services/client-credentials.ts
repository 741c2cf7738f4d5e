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

/**
 * CAT-8: the service behind a call, from its client credentials. An unknown id and a wrong secret answer
 * the same (undefined) after the same argon2 work, so neither the answer nor its time tells which.
 * The status is returned as is: whether it may exchange is the policy's decision.
 */
export async function authenticateService(db: Db, authorization: string | null): Promise<AuthenticatedService | undefined> {
  const credentials = parseBasic(authorization);
  if (!credentials || credentials.clientId.length > 200 || credentials.clientSecret.length > 500) return undefined;
  const service = await db.selectFrom('connected_services').select(['id', 'name', 'status', 'client_secret_hash'])
    .where('client_id', '=', credentials.clientId).executeTakeFirst();
  if (!service) {
    await burnPasswordCheck(credentials.clientSecret);
    return undefined;
  }
  if (!(await verifyPassword(service.client_secret_hash, credentials.clientSecret))) return undefined;
  return { actor: { kind: 'SERVICE', serviceId: service.id, name: service.name }, status: service.status };
}
