import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { inTransaction } from '@/lib/measures/measure-rows';
import { findService } from './catalogue';

/**
 * CAT-5: « Déconnecter » revokes every consent of the profile for that service at once: its next call is
 * refused (MEA-8). Values it already pushed stay, as SERVICE_TIERS. Whatever the service's status (a
 * suspended service can be disconnected too). The holder or a representative (CAT-9); traced (AUD-1).
 */
export async function disconnectService(db: Db, actor: Actor, input: { profileId: string; serviceId: string }, now: Date) {
  const profile = await ensureOnProfile(db, actor, 'service.connect', input.profileId, 'service.disconnect', now);
  const service = await findService(db, input.serviceId);
  if (!service) throw new NotFoundError('Service');
  const revoked = await inTransaction(db, async (trx) => {
    const rows = await trx.updateTable('service_consents').set({ revoked_at: now })
      .where('profile_id', '=', profile.id).where('service_id', '=', service.id).where('revoked_at', 'is', null).returning('id').execute();
    await recordAccess(trx, { actor, action: 'service.disconnect', profileId: profile.id, target: { type: 'service', id: service.id }, at: now });
    return rows.length;
  });
  return { serviceName: service.name, revoked };
}
