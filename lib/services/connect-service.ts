import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { accountOf, inTransaction } from '@/lib/measures/measure-rows';
import { findService } from './catalogue';
import { exchangesOpen } from './status';

/** The form field of one purpose's checkbox, so an error is tied to it. */
export const purposeField = (code: string) => `finalite-${code}`;

/**
 * CAT-3: « Synchroniser Mon espace santé avec [service] » records the profile's consent per purpose.
 * Every mandatory purpose must be accepted; optional ones may be declined (a purpose unticked on a later
 * confirmation is revoked). Only an EN_LIGNE service connects (CAT-2). The holder or a representative,
 * never an aidant (CAT-9); consents and trace in one transaction (AUD-1).
 */
export async function connectService(db: Db, actor: Actor, input: { profileId: string; serviceId: string; purposes: readonly string[] }, now: Date) {
  const profile = await ensureOnProfile(db, actor, 'service.connect', input.profileId, 'service.connect', now);
  const service = await findService(db, input.serviceId);
  if (!service) throw new NotFoundError('Service');
  if (!exchangesOpen(service.status)) {
    throw new ValidationError('service.unavailable', `${service.name} n’est pas disponible pour le moment : il ne peut pas être connecté.`);
  }
  const chosen = new Set(input.purposes);
  const unknown = [...chosen].filter((code) => !service.purposes.some((p) => p.code === code));
  if (unknown.length > 0) throw new ValidationError('service.unknown-purpose', 'Une des autorisations demandées n’existe pas pour ce service.');
  const missing = service.purposes.find((p) => p.mandatory && !chosen.has(p.code));
  if (missing) {
    throw new ValidationError('service.mandatory-purpose',
      `Pour synchroniser ${service.name}, vous devez accepter « ${missing.label} » : le service ne peut pas fonctionner sans.`, purposeField(missing.code));
  }
  await inTransaction(db, async (trx) => {
    const live = await trx.selectFrom('service_consents').select(['id', 'purpose'])
      .where('profile_id', '=', profile.id).where('service_id', '=', service.id).where('revoked_at', 'is', null).forUpdate().execute();
    const dropped = live.filter((c) => !chosen.has(c.purpose)).map((c) => c.id);
    if (dropped.length > 0) await trx.updateTable('service_consents').set({ revoked_at: now }).where('id', 'in', dropped).execute();
    const added = [...chosen].filter((code) => !live.some((c) => c.purpose === code));
    if (added.length > 0) {
      await trx.insertInto('service_consents')
        .values(added.map((purpose) => ({ profile_id: profile.id, service_id: service.id, purpose, granted_at: now, granted_by_account: accountOf(actor), revoked_at: null })))
        .onConflict((oc) => oc.columns(['profile_id', 'service_id', 'purpose']).where('revoked_at', 'is', null).doNothing()).execute();
    }
    await recordAccess(trx, { actor, action: 'service.connect', profileId: profile.id, target: { type: 'service', id: service.id }, at: now });
  });
  return { serviceName: service.name };
}
