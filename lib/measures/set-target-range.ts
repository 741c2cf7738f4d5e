import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { accountOf, inTransaction } from './measure-rows';
import { validateTargetRange, type TargetEntry, type TargetField, type TargetRange } from './target-range';

export class TargetValidationError extends ValidationError {
  constructor(readonly fieldErrors: Partial<Record<TargetField, string>>) {
    const [field, message] = Object.entries(fieldErrors)[0]!;
    super('measure.target-invalid', message, field);
  }
}

/**
 * MEA-7: sets (or, with every bound empty, removes) the target range of one measure type on a profile.
 * Traced `measure.target.set` / `measure.target.remove` in the same transaction (AUD-1).
 */
export async function setTargetRange(db: Db, actor: Actor, input: TargetEntry & { profileId: string }, now: Date): Promise<{ range: TargetRange | null }> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'measure.target.set', now);
  const checked = validateTargetRange(input);
  if (!checked.ok) throw new TargetValidationError(checked.errors);
  const { range } = checked;
  await inTransaction(db, async (trx) => {
    if (range) {
      await trx.insertInto('measure_targets').values({ profile_id: profile.id, type: input.type, ...range, updated_at: now, updated_by_account: accountOf(actor) })
        .onConflict((oc) => oc.columns(['profile_id', 'type']).doUpdateSet({ ...range, updated_at: now, updated_by_account: accountOf(actor) }))
        .execute();
    } else {
      await trx.deleteFrom('measure_targets').where('profile_id', '=', profile.id).where('type', '=', input.type).execute();
    }
    await recordAccess(trx, { actor, action: range ? 'measure.target.set' : 'measure.target.remove', profileId: profile.id,
      target: { type: 'measure-type', id: input.type }, at: now });
  });
  return { range };
}
