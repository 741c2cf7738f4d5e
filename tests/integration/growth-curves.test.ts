import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { AccessDeniedError } from '@/lib/errors';
import { addMeasure } from '@/lib/measures/add-measure';
import { describeBand } from '@/lib/measures/growth/lms';
import { readGrowthCurve } from '@/lib/measures/growth/read-growth-curve';
import { activateChild } from '@/lib/representatives/activate-child';
import { anActivePatient, type ActivePatient } from '../factories';
import { anInsuredPopulation } from '../factories/population';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-12-01T09:00:00Z');

const asActor = (p: ActivePatient, represented: string[] = []): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: represented });

/** A parent who activated their daughter's profile (REP-2), born on `birthDate`. */
async function aParentWithDaughter(birthDate: string) {
  const parent = await anActivePatient(db, now);
  await db.insertInto('insured_people').values({ nir: parent.nir, vitale_serial: parent.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
    birth_date: parent.birthDate, sex: 2, birth_place: '75056', departement: '75', email: parent.email, mobile: null, postal_address: null,
    parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir: parent.nir, birthDate, firstNames: () => 'Lina' });
  const child = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina',
    birth_date: birthDate, sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: now,
    notice_sent_at: now, opposition_deadline: '2027-01-12', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const { code } = await issueCode(db, child.id, now);
  await activateChild(db, asActor(parent), { profileId: child.id, code, certified: true }, now);
  return { parent, childId: child.id, actor: asActor(parent, [child.id]) };
}

const entry = (profileId: string, type: 'WEIGHT' | 'HEIGHT', value: string, date: string, time = '10:00') => ({ profileId, type, value, date, time });

describe('MEA-6: growth curves read through the measures policy', () => {
  test('MEA-6, REP-5: a parent reads the daughter’s weights on the WHO girls’ curves; the latest falls between P15 and P50', async () => {
    const { childId, actor } = await aParentWithDaughter('2024-05-02');
    await addMeasure(db, actor, entry(childId, 'WEIGHT', '3,2', '02/05/2024'), now);
    await addMeasure(db, actor, entry(childId, 'WEIGHT', '8,8', '02/05/2025'), now);
    const { profile, readings, curve } = await readGrowthCurve(db, actor, { profileId: childId, indicator: 'WEIGHT' }, now);
    expect(profile.firstName).toBe('Lina');
    expect(readings.map((r) => r.value)).toEqual([3.2, 8.8]);
    expect(curve?.sex).toBe('female');
    expect(curve?.version).toBe('who-2006-2007');
    expect(curve?.points[0]?.ageMonths).toBe(0);
    expect(describeBand(curve!.latest.band!)).toBe('entre le 15e et le 50e percentile');
    expect(curve!.bands[0]![0]!.values[2]).toBe(3.2322); // girls' median weight at birth
  });

  test('MEA-3, MEA-6: the daughter’s IMC is computed on each day with a weight and a height and drawn on the IMC curve', async () => {
    const { childId, actor } = await aParentWithDaughter('2022-03-01');
    await addMeasure(db, actor, entry(childId, 'WEIGHT', '12', '01/03/2024'), now);
    await addMeasure(db, actor, entry(childId, 'HEIGHT', '86', '01/03/2024', '11:00'), now);
    await addMeasure(db, actor, entry(childId, 'WEIGHT', '13', '01/09/2024'), now); // no height that day: no IMC
    const { readings, curve } = await readGrowthCurve(db, actor, { profileId: childId, indicator: 'BODY_MASS_INDEX' }, now);
    expect(readings.map((r) => r.value)).toEqual([16.2]); // 12 / 0.86²
    expect(curve?.indicator).toBe('BODY_MASS_INDEX');
    expect(describeBand(curve!.latest.band!)).toBe('entre le 50e et le 85e percentile');
  });

  test('MEA-6: an adult’s weight is not read on growth curves', async () => {
    const holder = await anActivePatient(db, now);
    const actor = asActor(holder);
    await addMeasure(db, actor, entry(holder.profileId, 'WEIGHT', '70', '30/11/2026'), now);
    const { readings, curve } = await readGrowthCurve(db, actor, { profileId: holder.profileId, indicator: 'WEIGHT' }, now);
    expect(readings).toHaveLength(1);
    expect(curve).toBeUndefined();
  });

  test('MEA-6: what counts is the age at the latest value — under 18 then, curves; a value from 18 on, none', async () => {
    const holder = await anActivePatient(db, now);
    await db.updateTable('profiles').set({ birth_date: '2008-11-15' }).where('id', '=', holder.profileId).execute();
    const actor = asActor(holder);
    await addMeasure(db, actor, entry(holder.profileId, 'HEIGHT', '165', '10/11/2026'), now);
    expect((await readGrowthCurve(db, actor, { profileId: holder.profileId, indicator: 'HEIGHT' }, now)).curve).toBeDefined();
    await addMeasure(db, actor, entry(holder.profileId, 'HEIGHT', '165,5', '20/11/2026'), now);
    expect((await readGrowthCurve(db, actor, { profileId: holder.profileId, indicator: 'HEIGHT' }, now)).curve).toBeUndefined();
  });

  test('REP-5, AUD-1: an account that does not represent the child is refused, and the refusal is traced', async () => {
    const { childId } = await aParentWithDaughter('2021-01-20');
    const stranger = await anActivePatient(db, now);
    await expect(readGrowthCurve(db, asActor(stranger), { profileId: childId, indicator: 'WEIGHT' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const trace = await db.selectFrom('access_events').select(['action', 'outcome', 'reason']).where('profile_id', '=', childId)
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(trace).toEqual({ action: 'measure.read', outcome: 'DENIED', reason: 'not-holder' });
  });
});
