import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { accountOf, inTransaction } from './measure-rows';
import { validateMeasure, type FieldErrors, type MeasureEntry } from './validate-measure';

/** The checks failed: the first field error is the message, all of them travel for the form. */
export class MeasureValidationError extends ValidationError {
  constructor(readonly fieldErrors: FieldErrors) {
    const [field, message] = Object.entries(fieldErrors)[0]!;
    super('measure.invalid', message, field);
  }
}

/**
 * MEA-1, MEA-2: the holder or a representative (REP-5) enters one value on a profile. Source PATIENT;
 * checked against the type's range and the profile's birth date; stored and traced `measure.add` in
 * one transaction (AUD-1). A refused actor is traced and refused by the policy.
 */
export async function addMeasure(db: Db, actor: Actor, input: MeasureEntry & { profileId: string }, now: Date): Promise<{ measureId: string }> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'measure.add', now);
  const checked = validateMeasure(input, { now, birthDate: profile.birth_date });
  if (!checked.ok) throw new MeasureValidationError(checked.errors);
  const m = checked.measure;
  return inTransaction(db, async (trx) => {
    const { id } = await trx.insertInto('measures').values({
      profile_id: profile.id, type: m.type, value: m.value, value2: m.value2, unit: m.unit, effective_at: m.effectiveAt,
      source: 'PATIENT', source_ref: null, created_by_account: accountOf(actor), created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'measure.add', profileId: profile.id, target: { type: 'measure', id }, at: now });
    return { measureId: id };
  });
}
