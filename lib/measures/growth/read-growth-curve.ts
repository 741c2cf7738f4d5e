import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { isMinorOn, type Reading } from '../bmi';
import { openForReading, type MeasuresProfile } from '../list-measures';
import { parisIsoDay } from '../paris-time';
import { bmiByDate } from './bmi-by-date';
import { buildGrowthCurve, type GrowthCurve } from './growth-curve';
import { loadReference, type GrowthIndicator, type Sex } from './reference';

/** A child's whole history is drawn; this bounds it (years of daily weights). */
const MAX_READINGS = 2_000;

/** NIR convention: 1 male, 2 female; anything else leaves the sex unknown (no bands). */
export const sexOfProfile = (sex: number | null | undefined): Sex | undefined => (sex === 1 ? 'male' : sex === 2 ? 'female' : undefined);

async function readingsOf(db: Db, profileId: string, type: 'WEIGHT' | 'HEIGHT' | 'HEAD_CIRCUMFERENCE'): Promise<Reading[]> {
  const rows = await db.selectFrom('measures').select(['value', 'effective_at']).where('profile_id', '=', profileId)
    .where('type', '=', type).orderBy('effective_at', 'desc').orderBy('id', 'desc').limit(MAX_READINGS).execute();
  return rows.map((r) => ({ value: Number(r.value), effectiveAt: r.effective_at })).reverse();
}

/**
 * MEA-6 (and MEA-3 for the IMC): one growth indicator of a profile, read through the same policy gate
 * as every measure read (REP-5, AUD-1). `readings` holds the whole history, oldest first (for the IMC,
 * computed on each day with both a weight and a height). `curve` is given when the profile was under 18
 * at its latest value, drawn against the current reference version; adults get none.
 */
export async function readGrowthCurve(db: Db, actor: Actor, input: { profileId: string; indicator: GrowthIndicator }, now: Date): Promise<{
  profile: MeasuresProfile; readings: Reading[]; curve: GrowthCurve | undefined;
}> {
  const profile = await openForReading(db, actor, input.profileId, now);
  const readings = input.indicator === 'BODY_MASS_INDEX'
    ? bmiByDate(await readingsOf(db, profile.id, 'WEIGHT'), await readingsOf(db, profile.id, 'HEIGHT'))
    : await readingsOf(db, profile.id, input.indicator);
  const latest = readings[readings.length - 1];
  if (!latest || !isMinorOn(profile.birthDate, parisIsoDay(latest.effectiveAt))) return { profile, readings, curve: undefined };
  const { sex } = await db.selectFrom('profiles').select('sex').where('id', '=', profile.id).executeTakeFirstOrThrow();
  const curve = buildGrowthCurve({ reference: loadReference(), indicator: input.indicator, sex: sexOfProfile(sex), birthDate: profile.birthDate, readings });
  return { profile, readings, curve };
}
