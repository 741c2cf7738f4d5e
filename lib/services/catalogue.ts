import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import type { ServiceStatus } from './status';

export type CataloguePurpose = { code: string; label: string; mandatory: boolean; consented: boolean };
export type CatalogueService = {
  id: string; name: string; description: string; status: ServiceStatus;
  purposes: CataloguePurpose[];
  /** CAT-3: since when the profile is connected (its oldest live consent); undefined when not connected. */
  connectedSince?: Date;
};

/** A service with its purposes in reading order (CAT-3); undefined when unknown. */
export async function findService(db: Db, serviceId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(serviceId)) return undefined;
  const service = await db.selectFrom('connected_services').select(['id', 'name', 'description', 'status'])
    .where('id', '=', serviceId).executeTakeFirst();
  if (!service) return undefined;
  const purposes = await db.selectFrom('service_purposes').select(['code', 'label', 'mandatory'])
    .where('service_id', '=', serviceId).orderBy('position').execute();
  return { ...service, purposes };
}

/**
 * CAT-2, CAT-3: what « Services connectés » shows for a profile: the EN_LIGNE services, and any other
 * service the profile is still connected to (so it can be disconnected), each purpose with the profile's
 * live consent. The holder or a representative only (CAT-9); a refusal is traced.
 */
export async function listCatalogue(db: Db, actor: Actor, profileId: string, now: Date): Promise<CatalogueService[]> {
  await ensureOnProfile(db, actor, 'service.connect', profileId, 'service.list', now);
  const consents = await db.selectFrom('service_consents').select(['service_id', 'purpose', 'granted_at'])
    .where('profile_id', '=', profileId).where('revoked_at', 'is', null).execute();
  const connected = [...new Set(consents.map((c) => c.service_id))];
  const services = await db.selectFrom('connected_services').select(['id', 'name', 'description', 'status'])
    .where((eb) => (connected.length ? eb.or([eb('status', '=', 'EN_LIGNE'), eb('id', 'in', connected)]) : eb('status', '=', 'EN_LIGNE')))
    .orderBy('name').execute();
  if (services.length === 0) return [];
  const purposes = await db.selectFrom('service_purposes').select(['service_id', 'code', 'label', 'mandatory'])
    .where('service_id', 'in', services.map((s) => s.id)).orderBy('service_id').orderBy('position').execute();
  return services.map((s) => {
    const mine = consents.filter((c) => c.service_id === s.id);
    const since = mine.reduce<Date | undefined>((min, c) => (!min || c.granted_at < min ? c.granted_at : min), undefined);
    return {
      ...s,
      purposes: purposes.filter((p) => p.service_id === s.id)
        .map((p) => ({ code: p.code, label: p.label, mandatory: p.mandatory, consented: mine.some((c) => c.purpose === p.code) })),
      ...(since ? { connectedSince: since } : {}),
    };
  });
}
