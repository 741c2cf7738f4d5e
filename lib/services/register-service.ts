import type { Db } from '@/db/client';
import { hashPassword } from '@/lib/auth/passwords';
import { inTransaction } from '@/lib/measures/measure-rows';
import type { ServiceStatus } from './status';

export type ServicePurposeInput = { code: string; label: string; mandatory: boolean };
export type ServiceInput = {
  name: string; description: string; status?: ServiceStatus; clientId: string; clientSecret: string;
  purposes: readonly ServicePurposeInput[];
};

/**
 * CAT-1, CAT-3: a referenced service enters the catalogue with its purposes (in the order users read
 * them). The client secret is kept only as an argon2 hash. Used by the seed and tests until the
 * back-office manages the catalogue.
 */
export async function registerService(db: Db, input: ServiceInput): Promise<{ serviceId: string }> {
  const secretHash = await hashPassword(input.clientSecret);
  return inTransaction(db, async (trx) => {
    const { id } = await trx.insertInto('connected_services').values({
      name: input.name, description: input.description, status: input.status ?? 'EN_LIGNE', client_id: input.clientId, client_secret_hash: secretHash,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('service_purposes')
      .values(input.purposes.map((p, position) => ({ service_id: id, code: p.code, label: p.label, mandatory: p.mandatory, position }))).execute();
    return { serviceId: id };
  });
}
