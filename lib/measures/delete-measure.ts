import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { inTransaction } from './measure-rows';

/**
 * MEA-2: the patient side deletes a value it entered itself (source PATIENT). A value from a document,
 * a service or a professional, or one that is not on this profile, is refused; the refusal is traced
 * like the deletion (AUD-1).
 */
export async function deleteMeasure(db: Db, actor: Actor, input: { profileId: string; measureId: string }, now: Date): Promise<void> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'measure.delete', now);
  const target = { type: 'measure', id: input.measureId };
  const outcome = await inTransaction(db, async (trx) => {
    const measure = await trx.selectFrom('measures').select(['id', 'source']).where('id', '=', input.measureId)
      .where('profile_id', '=', profile.id).forUpdate().executeTakeFirst();
    if (!measure) return 'not-found' as const;
    if (measure.source !== 'PATIENT') return 'not-patient-source' as const;
    await trx.deleteFrom('measures').where('id', '=', measure.id).execute();
    await recordAccess(trx, { actor, action: 'measure.delete', profileId: profile.id, target, at: now });
    return 'deleted' as const;
  });
  if (outcome === 'deleted') return;
  await recordAccess(db, { actor, action: 'measure.delete', profileId: profile.id, target, denied: outcome, at: now });
  if (outcome === 'not-found') throw new NotFoundError('Mesure');
  throw new ValidationError('measure.not-patient-source',
    'Cette valeur vient d’un document, d’un service ou d’un professionnel de santé : vous ne pouvez pas la supprimer.');
}
