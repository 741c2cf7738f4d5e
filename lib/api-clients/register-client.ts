import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { hashPassword } from '@/lib/auth/passwords';
import { ValidationError } from '@/lib/errors';
import { newClientId, newClientSecret, registerClientInput, type RegisterClientInput } from './client-rules';

export type RegisteredClient = { id: string; name: string; clientId: string; /** Shown once, never stored in clear. */ clientSecret: string };

type NewClient = {
  name: string; editor: string; clientId: string; clientSecret: string;
  facility: { finess: string; name: string } | null; createdBy: string | null;
};

const nameTaken = () => new ValidationError('api-client.name-taken', 'Un logiciel porte déjà ce nom : choisissez-en un autre (ex. avec la version).', 'name');

/** Writes one software row, the secret kept only as its argon2 hash (the seed uses it with fixed demo values). */
export async function insertApiClient(db: Db, c: NewClient, now: Date): Promise<string> {
  const secretHash = await hashPassword(c.clientSecret);
  try {
    const { id } = await db.insertInto('api_clients').values({
      name: c.name, editor: c.editor, client_id: c.clientId, client_secret_hash: secretHash,
      facility_id: c.facility?.finess ?? null, facility_name: c.facility?.name ?? null, created_by: c.createdBy, created_at: now, revoked_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    const pg = error as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === 'api_clients_name_key') throw nameTaken();
    throw error;
  }
}

/**
 * PRO-1, PRO-2: an agent registers a professional software for the FHIR API: its name, its editor and,
 * for a facility's software (it then acts as that facility, naming its human user), the FINESS and raison
 * sociale. A client id and a secret are generated; the secret is returned once and stored only hashed.
 * Traced as SUPPORT in the back-office (AUD-1), refusals included.
 */
export async function registerApiClient(db: Db, actor: Actor, input: RegisterClientInput, now: Date): Promise<RegisteredClient> {
  const staff = await ensureStaff(db, actor, 'api-client.manage', 'api-client.register', now);
  const parsed = registerClientInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError('api-client.invalid', issue.message, String(issue.path[0] ?? 'name'));
  }
  const { name, editor, finess, facilityName } = parsed.data;
  const taken = await db.selectFrom('api_clients').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
  if (taken) throw nameTaken();
  const clientId = newClientId();
  const clientSecret = newClientSecret();
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertApiClient(trx, {
      name, editor, clientId, clientSecret, facility: finess ? { finess, name: facilityName } : null, createdBy: staff.staffId,
    }, now);
    await recordAccess(trx, { actor, action: 'api-client.register', profileId: null, target: { type: 'api_client', id: created }, at: now, channel: 'BACKOFFICE' });
    return created;
  });
  return { id, name, clientId, clientSecret };
}
