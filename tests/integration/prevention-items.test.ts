import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { processScheduled } from '@/jobs/schedules';
import type { PatientActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { AccessDeniedError } from '@/lib/errors';
import { ensurePreventionCalendars } from '@/lib/prevention/calendar-store';
import { listChildrenPreventionItems, listPreventionItems } from '@/lib/prevention/list-items';
import { markPreventionItem } from '@/lib/prevention/mark-item';
import { refreshPreventionItems, refreshProfileItems } from '@/lib/prevention/refresh-items';
import { activateChild } from '@/lib/representatives/activate-child';
import { aHolder, anActivePatient } from '../factories';
import { anInsuredPopulation } from '../factories/population';

const db = getDb();
beforeAll(async () => {
  await ensurePreventionCalendars(db);
  expect(await ensurePreventionCalendars(db)).toBe(0); // PRV-1: seeding twice adds nothing
});
afterAll(() => closeDb());

const now = new Date('2026-01-20T09:00:00Z');
const CHILD_BIRTH = '2025-09-10';
const traces = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'actor_id'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('at').execute();
const itemsOf = (profileId: string) => db.selectFrom('prevention_items as i').innerJoin('prevention_calendar_items as c', 'c.id', 'i.calendar_item_id')
  .select(['i.id', 'c.code', 'c.edition', 'i.window_start', 'i.window_end', 'i.status', 'i.status_source', 'i.set_by_account', 'i.updated_at'])
  .where('i.profile_id', '=', profileId).orderBy('i.id').execute();
const byCode = async (profileId: string, code: string) => (await itemsOf(profileId)).find((i) => i.code === code);

/** A parent who activated their child's profile (REP-2): the actor then represents the child, born 2025-09-10. */
async function aParentWithChild() {
  const parent = await anActivePatient(db, now);
  await db.insertInto('insured_people').values({ nir: parent.nir, vitale_serial: parent.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
    birth_date: parent.birthDate, sex: 2, birth_place: '75056', departement: '75', email: parent.email, mobile: null, postal_address: null,
    parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir: parent.nir, birthDate: CHILD_BIRTH, firstNames: () => 'Lina' });
  const child = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina Rose',
    birth_date: CHILD_BIRTH, sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: now,
    notice_sent_at: now, opposition_deadline: '2026-03-01', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const { code } = await issueCode(db, child.id, now);
  const actor: PatientActor = { kind: 'PATIENT', accountId: parent.accountId, name: 'Camille TESTEUR', ownProfileId: parent.profileId, representedProfileIds: [child.id] };
  await activateChild(db, actor, { profileId: child.id, code, certified: true }, now);
  return { parent, childId: child.id, actor };
}

let claim = 0;
const anEpisode = (profileId: string, date: string, category: 'VACCINE' | 'MEDICAL_DENTAL_CARE', label: string) => db.insertInto('care_episodes').values({
  profile_id: profileId, claim_line_id: `prv-${Date.now()}-${claim++}`, care_date: date, category, label, prescriber_specialty: null, import_id: null,
}).execute();

describe('AGD-6: examens médicaux et vaccinations à réaliser', () => {
  test('AGD-6, PRV-1: a child\'s items are generated when their window opens, with the edition of that day', async () => {
    const { childId, actor } = await aParentWithChild();
    const { profile, items } = await listPreventionItems(db, actor, { profileId: childId }, now);
    expect(profile.firstName).toBe('Lina');
    const labels = items.map((i) => i.label);
    expect(labels).toContain('Vaccin hexavalent (diphtérie, tétanos, coqueluche, polio, Hib, hépatite B) – 1re dose');
    expect(labels).toContain('Vaccin hexavalent – 2e dose'); // 4 months: opened 2026-01-10
    expect(labels).not.toContain('Vaccin hexavalent – rappel'); // 11 months: opens 2026-08-10
    expect(items.filter((i) => i.status === 'TO_PLAN').map((i) => i.label)).toContain('Examen au cours du 5e mois');
    expect(await byCode(childId, 'EXAM_03')).toBeUndefined(); // removed in the 2025 edition (window opened 2025-09-24)
    expect(await byCode(childId, 'EXAM_01')).toMatchObject({ edition: '2025', window_start: CHILD_BIRTH, window_end: '2025-09-18', status: 'NOT_SPECIFIED' });
    expect(await byCode(childId, 'VAC_MENACWY_1')).toBeUndefined(); // opens at 6 months, 2026-03-10
  });

  test('AGD-6: TO_PLAN → DONE on a matching vaccine reimbursement in the window; one outside the window does nothing', async () => {
    const { childId, actor } = await aParentWithChild();
    await listPreventionItems(db, actor, { profileId: childId }, now);
    expect(await byCode(childId, 'VAC_HEXA_2')).toMatchObject({ status: 'TO_PLAN', window_start: '2026-01-10', window_end: '2026-02-10' });
    await anEpisode(childId, '2026-01-15', 'VACCINE', 'Vaccin diphtérie, tétanos, coqueluche, poliomyélite, Hib, hépatite B');
    await anEpisode(childId, '2025-10-01', 'VACCINE', 'Vaccin contre le pneumocoque'); // before the 2-month window
    await anEpisode(childId, '2026-01-16', 'MEDICAL_DENTAL_CARE', 'Consultation de pédiatrie'); // not a vaccine
    const counts = await refreshProfileItems(db, childId, now);
    expect(counts.done).toBe(1);
    expect(await byCode(childId, 'VAC_HEXA_2')).toMatchObject({ status: 'DONE', status_source: 'REIMBURSEMENT' });
    expect(await byCode(childId, 'VAC_PNEUMO_2')).toMatchObject({ status: 'TO_PLAN' });
    expect(await byCode(childId, 'VAC_PNEUMO_1')).toMatchObject({ status: 'NOT_SPECIFIED' });
  });

  test('AGD-6: a VACCINATION entry of the profil médical dated in the window marks the vaccine DONE', async () => {
    const { childId, actor } = await aParentWithChild();
    await db.insertInto('medical_entries').values({ profile_id: childId, kind: 'VACCINATION', payload: JSON.stringify({ vaccine: 'Prevenar 13', date: '2026-01-12', type: 'OTHER' }),
      unique_key: null, document_id: null, source_label: null, professional_id: null, created_by_account: null, created_at: now, updated_at: now }).execute();
    await listPreventionItems(db, actor, { profileId: childId }, now);
    expect(await byCode(childId, 'VAC_PNEUMO_2')).toMatchObject({ status: 'DONE', status_source: 'VACCINATION' });
  });

  test('AGD-6: NOT_SPECIFIED once the window closes without information', async () => {
    const { childId, actor } = await aParentWithChild();
    await listPreventionItems(db, actor, { profileId: childId }, now);
    expect(await byCode(childId, 'EXAM_07')).toMatchObject({ status: 'TO_PLAN', window_end: '2026-02-10' });
    await refreshProfileItems(db, childId, new Date('2026-02-09T22:59:00Z')); // 23:59 in Paris, still open
    expect(await byCode(childId, 'EXAM_07')).toMatchObject({ status: 'TO_PLAN' });
    await refreshProfileItems(db, childId, new Date('2026-02-09T23:00:00Z')); // midnight in Paris: closed
    expect(await byCode(childId, 'EXAM_07')).toMatchObject({ status: 'NOT_SPECIFIED', status_source: 'WINDOW' });
  });

  test('AGD-6: the representative marks DONE then NOT_DONE, traced; a late reimbursement does not override the user', async () => {
    const { childId, actor } = await aParentWithChild();
    await listPreventionItems(db, actor, { profileId: childId }, now);
    const item = (await byCode(childId, 'EXAM_07'))!;
    await markPreventionItem(db, actor, { profileId: childId, itemId: item.id, status: 'DONE' }, now);
    expect(await byCode(childId, 'EXAM_07')).toMatchObject({ status: 'DONE', status_source: 'USER', set_by_account: actor.accountId });
    const pneumo = (await byCode(childId, 'VAC_PNEUMO_2'))!;
    await markPreventionItem(db, actor, { profileId: childId, itemId: pneumo.id, status: 'NOT_DONE' }, now);
    await anEpisode(childId, '2026-01-18', 'VACCINE', 'Vaccin contre le pneumocoque');
    await refreshProfileItems(db, childId, now);
    expect(await byCode(childId, 'VAC_PNEUMO_2')).toMatchObject({ status: 'NOT_DONE', status_source: 'USER' });
    expect(await traces(childId, 'prevention.item.mark')).toEqual([
      { outcome: 'OK', actor_id: actor.accountId }, { outcome: 'OK', actor_id: actor.accountId }]);
  });

  test('AGD-6: a stranger can neither read nor mark a child\'s items; both refusals are traced', async () => {
    const { childId, actor } = await aParentWithChild();
    await listPreventionItems(db, actor, { profileId: childId }, now);
    const item = (await byCode(childId, 'EXAM_07'))!;
    const stranger = await aHolder(db, now);
    await expect(markPreventionItem(db, stranger.actor, { profileId: childId, itemId: item.id, status: 'DONE' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(listPreventionItems(db, stranger.actor, { profileId: childId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await byCode(childId, 'EXAM_07')).toMatchObject({ status: 'TO_PLAN' });
    expect(await traces(childId, 'prevention.item.mark')).toEqual([{ outcome: 'DENIED', actor_id: stranger.accountId }]);
    expect(await traces(childId, 'prevention.items.read')).toEqual([{ outcome: 'DENIED', actor_id: stranger.accountId }]);
    // An item of another profile cannot be marked through one's own profile id either.
    await expect(markPreventionItem(db, stranger.actor, { profileId: stranger.profileId, itemId: item.id, status: 'DONE' }, now)).rejects.toThrow('introuvable');
  });

  test('AGD-6: the daily job creates the items of every active profile; run again, it changes nothing', async () => {
    const { childId } = await aParentWithChild();
    const later = new Date('2026-02-15T02:00:00Z');
    const first = await processScheduled(db, 'prevention-items', later) as { profiles: number; created: number };
    expect(first.profiles).toBeGreaterThan(0);
    const before = await itemsOf(childId);
    expect(before.find((i) => i.code === 'VAC_HEXA_2')).toMatchObject({ status: 'NOT_SPECIFIED' });
    expect(before.find((i) => i.code === 'EXAM_08')).toMatchObject({ status: 'TO_PLAN', window_start: '2026-02-10' });
    await refreshPreventionItems(db, later);
    expect(await itemsOf(childId)).toEqual(before);
  });
});

describe('AGD-7: children\'s items in the representative\'s agenda', () => {
  test('AGD-7: the parent sees the child\'s items under the child\'s first name; a holder without children sees none', async () => {
    const { childId, actor } = await aParentWithChild();
    const children = await listChildrenPreventionItems(db, actor, now);
    expect(children.map((c) => [c.profile.id, c.profile.firstName])).toEqual([[childId, 'Lina']]);
    expect(children[0]!.items.length).toBeGreaterThan(5);
    expect((await listChildrenPreventionItems(db, (await aHolder(db, now)).actor, now))).toEqual([]);
  });
});
