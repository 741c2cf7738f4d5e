import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { addMeasure } from '@/lib/measures/add-measure';
import { deleteMeasure } from '@/lib/measures/delete-measure';
import { findMeasure, measureSeries, measuresOverview } from '@/lib/measures/list-measures';
import { setTargetRange } from '@/lib/measures/set-target-range';
import { activateChild } from '@/lib/representatives/activate-child';
import { aStaffMember, anActivePatient, type ActivePatient } from '../factories';
import { anInsuredPopulation } from '../factories/population';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-12-01T09:00:00Z'); // 10:00 in Paris

const asActor = (p: ActivePatient, represented: string[] = []): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: represented });

async function aHolder() {
  const p = await anActivePatient(db, now);
  return { ...p, actor: asActor(p) };
}

/** A parent known to the fund who activated their child's profile (REP-2): the actor then represents the child. */
async function aParentWithChild(childBirthDate = '2016-04-10') {
  const parent = await anActivePatient(db, now);
  await db.insertInto('insured_people').values({ nir: parent.nir, vitale_serial: parent.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
    birth_date: parent.birthDate, sex: 2, birth_place: '75056', departement: '75', email: parent.email, mobile: null, postal_address: null,
    parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir: parent.nir, birthDate: childBirthDate, firstNames: () => 'Lina' });
  const child = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina',
    birth_date: childBirthDate, sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: now,
    notice_sent_at: now, opposition_deadline: '2027-01-12', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const { code } = await issueCode(db, child.id, now);
  await activateChild(db, asActor(parent), { profileId: child.id, code, certified: true }, now);
  return { parent, childId: child.id, actor: asActor(parent, [child.id]) };
}

const weight = (profileId: string, value: string, date = '30/11/2026', time = '08:30') =>
  ({ profileId, type: 'WEIGHT' as const, value, date, time });
const storedCount = async (profileId: string) =>
  Number((await db.selectFrom('measures').select((eb) => eb.fn.countAll().as('n')).where('profile_id', '=', profileId).executeTakeFirstOrThrow()).n);
const lastTrace = (profileId: string) => db.selectFrom('access_events').select(['action', 'outcome', 'reason', 'actor_type', 'target_id'])
  .where('profile_id', '=', profileId).orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('MEA-1, MEA-2: adding, listing and deleting measures', () => {
  test('MEA-1, MEA-2: the holder adds weights (« 72,5 »), sees the latest on the overview and the series newest first; each add is traced', async () => {
    const holder = await aHolder();
    const first = await addMeasure(db, holder.actor, weight(holder.profileId, '72,5', '28/11/2026'), now);
    await addMeasure(db, holder.actor, weight(holder.profileId, '73', '29/11/2026'), now);
    await addMeasure(db, holder.actor, weight(holder.profileId, '71,8', '30/11/2026'), now);
    const stored = await db.selectFrom('measures').select(['value', 'unit', 'source', 'created_by_account', 'effective_at'])
      .where('id', '=', first.measureId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: '72.500', unit: 'kg', source: 'PATIENT', created_by_account: holder.accountId, effective_at: new Date('2026-11-28T07:30:00Z') });
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.add', outcome: 'OK', actor_type: 'PATIENT' });

    const overview = await measuresOverview(db, holder.actor, holder.profileId, now);
    expect(overview.latest.WEIGHT?.value).toBe(71.8);
    expect(overview.bmi).toBeUndefined(); // MEA-3: no height yet
    const series = await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT' }, now);
    expect(series.rows.map((r) => r.value)).toEqual([71.8, 73, 72.5]);
  });

  test('MEA-3: with a height the overview shows the IMC of the latest weight and height', async () => {
    const holder = await aHolder();
    await addMeasure(db, holder.actor, weight(holder.profileId, '80'), now);
    await addMeasure(db, holder.actor, { profileId: holder.profileId, type: 'HEIGHT', value: '180', date: '01/12/2026', time: '09:00' }, now);
    await addMeasure(db, holder.actor, weight(holder.profileId, '81', '01/12/2026', '09:30'), now);
    const overview = await measuresOverview(db, holder.actor, holder.profileId, now);
    expect(overview.bmi?.value).toBe(25); // 81 / 1.8²
  });

  test('MEA-1: a weight of 401 kg is refused with a French message on the field and nothing is stored', async () => {
    const holder = await aHolder();
    await expect(addMeasure(db, holder.actor, weight(holder.profileId, '401'), now))
      .rejects.toMatchObject({ field: 'value', message: 'Le poids doit être compris entre 0,3 et 400\u00a0kg.' });
    expect(await storedCount(holder.profileId)).toBe(0);
  });

  test('MEA-1: a blood pressure whose systolic is not above the diastolic is refused; a good one is one reading', async () => {
    const holder = await aHolder();
    const bp = (value: string, value2: string) => ({ profileId: holder.profileId, type: 'BLOOD_PRESSURE' as const, value, value2, date: '30/11/2026', time: '08:00' });
    await expect(addMeasure(db, holder.actor, bp('80', '90'), now))
      .rejects.toMatchObject({ field: 'value', message: 'La pression systolique doit être supérieure à la pression diastolique.' });
    await addMeasure(db, holder.actor, bp('125', '82'), now);
    const series = await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'BLOOD_PRESSURE' }, now);
    expect(series.rows.map((r) => [r.value, r.value2, r.unit])).toEqual([[125, 82, 'mmHg']]);
  });

  test('MEA-2: a measure dated in the future is refused and nothing is stored', async () => {
    const holder = await aHolder();
    await expect(addMeasure(db, holder.actor, weight(holder.profileId, '70', '02/12/2026', '08:00'), now))
      .rejects.toMatchObject({ field: 'date', message: 'La date de la mesure ne peut pas être dans le futur.' });
    await expect(addMeasure(db, holder.actor, weight(holder.profileId, '70', '01/12/2026', '10:05'), now))
      .rejects.toMatchObject({ field: 'time', message: 'L’heure de la mesure ne peut pas être dans le futur.' });
    expect(await storedCount(holder.profileId)).toBe(0);
  });

  test('MEA-2: the holder deletes a value they entered; the deletion is traced and the value is gone', async () => {
    const holder = await aHolder();
    const { measureId } = await addMeasure(db, holder.actor, weight(holder.profileId, '72,5'), now);
    await deleteMeasure(db, holder.actor, { profileId: holder.profileId, measureId }, now);
    expect(await storedCount(holder.profileId)).toBe(0);
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.delete', outcome: 'OK', target_id: measureId });
    expect(await findMeasure(db, holder.actor, { profileId: holder.profileId, measureId }, now)).toBeUndefined();
  });

  test('MEA-2: a value extracted from a document cannot be deleted from the patient side; the refusal is traced', async () => {
    const holder = await aHolder();
    const { id } = await db.insertInto('measures').values({ profile_id: holder.profileId, type: 'HEIGHT', value: 172, value2: null, unit: 'cm',
      effective_at: now, source: 'DOCUMENT_EXTRACTION', source_ref: 'doc-1', created_by_account: null }).returning('id').executeTakeFirstOrThrow();
    await expect(deleteMeasure(db, holder.actor, { profileId: holder.profileId, measureId: id }, now))
      .rejects.toThrow('Cette valeur vient d’un document, d’un service ou d’un professionnel de santé : vous ne pouvez pas la supprimer.');
    expect(await storedCount(holder.profileId)).toBe(1);
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.delete', outcome: 'DENIED', reason: 'not-patient-source' });
  });
});

describe('REP-5: a representative acts on the child’s profile', () => {
  test('REP-5, MEA-2: a representative adds a measure on the child’s profile, checked against the child’s birth date', async () => {
    const { childId, actor, parent } = await aParentWithChild('2016-04-10');
    await addMeasure(db, actor, { profileId: childId, type: 'HEAD_CIRCUMFERENCE', value: '52,5', date: '30/11/2026', time: '18:00' }, now);
    await expect(addMeasure(db, actor, { profileId: childId, type: 'HEIGHT', value: '50', date: '09/04/2016', time: '12:00' }, now))
      .rejects.toMatchObject({ field: 'date', message: 'La date de la mesure ne peut pas précéder la date de naissance (10 avril 2016).' });
    const overview = await measuresOverview(db, actor, childId, now);
    expect(overview.profile).toMatchObject({ firstName: 'Lina', own: false, minor: true });
    expect(overview.latest.HEAD_CIRCUMFERENCE?.value).toBe(52.5);
    const stored = await db.selectFrom('measures').select('created_by_account').where('profile_id', '=', childId).executeTakeFirstOrThrow();
    expect(stored.created_by_account).toBe(parent.accountId);
    expect(await lastTrace(childId)).toMatchObject({ action: 'measure.add', outcome: 'OK', actor_type: 'PATIENT' });
    // Nothing landed on the parent's own profile.
    expect(await storedCount(parent.profileId)).toBe(0);
  });
});

describe('REP-1, FS-4, BO: who may not touch measures', () => {
  test('REP-1: another account’s profile id is refused, the attempt is traced DENIED on that profile and nothing is stored', async () => {
    const victim = await aHolder();
    const intruder = await aHolder();
    await expect(addMeasure(db, intruder.actor, weight(victim.profileId, '72'), now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await lastTrace(victim.profileId)).toMatchObject({ action: 'measure.add', outcome: 'DENIED', reason: 'not-holder' });
    await expect(measuresOverview(db, intruder.actor, victim.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await lastTrace(victim.profileId)).toMatchObject({ action: 'measure.read', outcome: 'DENIED', reason: 'not-holder' });
    expect(await storedCount(victim.profileId)).toBe(0);
  });

  test('REP-1: a measure id of another profile cannot be deleted through one’s own profile (traced)', async () => {
    const victim = await aHolder();
    const intruder = await aHolder();
    const { measureId } = await addMeasure(db, victim.actor, weight(victim.profileId, '72'), now);
    await expect(deleteMeasure(db, intruder.actor, { profileId: intruder.profileId, measureId }, now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await storedCount(victim.profileId)).toBe(1);
    expect(await lastTrace(intruder.profileId)).toMatchObject({ action: 'measure.delete', outcome: 'DENIED', reason: 'not-found' });
  });

  test('BO, FS-4: CNAM staff and France Services advisors are refused by the policy, reading or writing, and traced', async () => {
    const holder = await aHolder();
    const agent: Actor = await aStaffMember(db);
    const advisor: Actor = { kind: 'ADVISOR', staffId: '00000000-0000-0000-0000-0000000000ee', siteId: '00000000-0000-0000-0000-0000000000ff', name: 'Conseillère' };
    await expect(addMeasure(db, agent, weight(holder.profileId, '72'), now)).rejects.toThrow('Accès refusé');
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.add', outcome: 'DENIED', actor_type: 'SUPPORT' });
    await expect(measuresOverview(db, agent, holder.profileId, now)).rejects.toThrow('les agents de l’Assurance Maladie n’accèdent pas au contenu médical');
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.read', outcome: 'DENIED', reason: 'staff-no-medical' });
    await expect(setTargetRange(db, advisor, { profileId: holder.profileId, type: 'WEIGHT', low: '60', high: '70' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.target.set', outcome: 'DENIED', actor_type: 'SUPPORT' });
    await expect(measureSeries(db, advisor, { profileId: holder.profileId, type: 'WEIGHT' }, now))
      .rejects.toThrow('les conseillers France Services n’accèdent jamais au contenu médical');
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.read', outcome: 'DENIED', reason: 'advisor-no-medical' });
    expect(await storedCount(holder.profileId)).toBe(0);
  });
});

describe('MEA-7: target range', () => {
  test('MEA-7: the holder sets a target range, sees it with the series, changes it and removes it; each change is traced', async () => {
    const holder = await aHolder();
    await setTargetRange(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT', low: '65', high: '72,5' }, now);
    expect((await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT' }, now)).target)
      .toEqual({ low: 65, high: 72.5, low2: null, high2: null });
    await setTargetRange(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT', high: '70' }, now);
    expect((await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT' }, now)).target)
      .toEqual({ low: null, high: 70, low2: null, high2: null });
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.target.set', outcome: 'OK', target_id: 'WEIGHT' });
    await setTargetRange(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT', low: '', high: '' }, now);
    expect((await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT' }, now)).target).toBeNull();
    expect(await lastTrace(holder.profileId)).toMatchObject({ action: 'measure.target.remove', outcome: 'OK' });
  });

  test('MEA-7: a low bound above the high one is refused in French and nothing is saved', async () => {
    const holder = await aHolder();
    await expect(setTargetRange(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT', low: '80', high: '70' }, now))
      .rejects.toMatchObject({ field: 'high', message: 'La borne haute de l’objectif doit être supérieure à la borne basse.' });
    expect((await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'WEIGHT' }, now)).target).toBeNull();
  });
});

describe('MEA-5: GMI from interstitial glucose', () => {
  test('MEA-5: readings on 10 of the last 14 days give the GMI; on 9 days there is none', async () => {
    const holder = await aHolder();
    const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
    for (let d = 1; d <= 9; d++) {
      await addMeasure(db, holder.actor, { profileId: holder.profileId, type: 'INTERSTITIAL_GLUCOSE', value: '1,5', date: day(d), time: '08:00' }, now);
    }
    expect((await measuresOverview(db, holder.actor, holder.profileId, now)).gmi).toEqual({ value: undefined, daysWithReadings: 9 });
    await addMeasure(db, holder.actor, { profileId: holder.profileId, type: 'INTERSTITIAL_GLUCOSE', value: '1,5', date: day(0), time: '08:00' }, now);
    expect((await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'INTERSTITIAL_GLUCOSE' }, now)).gmi)
      .toMatchObject({ value: 6.9, daysWithReadings: 10 });
  });
});

describe('Keyset pages of a series', () => {
  test('MEA-1: a long series is read 30 values at a time, newest first, without gaps or repeats', async () => {
    const holder = await aHolder();
    const values = Array.from({ length: 35 }, (_, i) => ({ profile_id: holder.profileId, type: 'STEPS_BY_DAY', value: 1000 + i, value2: null, unit: 'pas',
      effective_at: new Date(now.getTime() - (35 - i) * 86_400_000), source: 'PATIENT' as const, source_ref: null, created_by_account: holder.accountId }));
    await db.insertInto('measures').values(values).execute();
    const first = await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'STEPS_BY_DAY' }, now);
    expect(first.rows).toHaveLength(30);
    expect(first.rows[0]!.value).toBe(1034);
    const second = await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'STEPS_BY_DAY', before: first.olderCursor }, now);
    expect(second.rows.map((r) => r.value)).toEqual([1004, 1003, 1002, 1001, 1000]);
    expect(second.olderCursor).toBeUndefined();
    const back = await measureSeries(db, holder.actor, { profileId: holder.profileId, type: 'STEPS_BY_DAY', after: second.newerCursor }, now);
    expect(back.rows.map((r) => r.value)).toEqual(first.rows.map((r) => r.value));
  });
});
