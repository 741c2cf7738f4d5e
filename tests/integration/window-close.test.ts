import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, createDb, getDb } from '@/db/client';
import { verifyChains } from '@/lib/audit/verify-chains';
import { closeWindows } from '@/lib/campaigns/close-windows';
import { lastOppositionDay } from '@/lib/campaigns/window';
import { aPendingPerson } from '../factories';

const db = getDb();
afterAll(() => closeDb());

/** A PENDING person whose notice was sent at `sentAt` (CMP-4 window from the sending). */
async function noticeSent(sentAt: Date, opts: { hasDmp?: boolean } = {}) {
  const person = await aPendingPerson(db, sentAt);
  await db.updateTable('profiles').set({ notice_sent_at: sentAt, opposition_deadline: lastOppositionDay(sentAt) }).where('id', '=', person.profileId).execute();
  if (opts.hasDmp !== undefined) {
    await db.insertInto('insured_people').values({
      nir: person.nir, vitale_serial: person.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille', birth_date: person.birthDate,
      sex: 2, birth_place: '75056', departement: '75', email: person.email, mobile: null, postal_address: null, parent_nir: null,
      ase: false, has_dmp: opts.hasDmp, row_hash: 'x', last_import_id: null, updated_at: sentAt,
    }).execute();
  }
  return person;
}
const stateOf = async (id: string) => (await db.selectFrom('profiles').select(['state', 'legacy_dmp_attached_at']).where('id', '=', id).executeTakeFirstOrThrow());

describe('CMP-4, ACC-2 T3: the opposition window closes', () => {
  test('CMP-4: sent 2022-02-01 → still PENDING on 2022-03-15 at 23:59 Paris, CREATED from 2022-03-16 00:00 Paris', async () => {
    const person = await noticeSent(new Date('2022-02-01T09:00:00Z'));
    await closeWindows(db, new Date('2022-03-15T22:59:59Z')); // 23:59:59 in Paris (CET)
    expect((await stateOf(person.profileId)).state).toBe('PENDING');
    await closeWindows(db, new Date('2022-03-15T23:00:00Z')); // 00:00 on the 16th in Paris
    expect((await stateOf(person.profileId)).state).toBe('CREATED');
  });

  test('ACC-2 T3, CMP-11: due profiles become CREATED with a SYSTEM trace, a pre-existing DMP is attached, others wait', async () => {
    const now = new Date('2026-06-20T10:00:00Z');
    const due = await noticeSent(new Date('2026-05-01T10:00:00Z'), { hasDmp: true });
    const dueNoDmp = await noticeSent(new Date('2026-05-02T10:00:00Z'), { hasDmp: false });
    const notYet = await noticeSent(new Date('2026-06-01T10:00:00Z'));
    const { created } = await closeWindows(db, now);
    expect(created).toBeGreaterThanOrEqual(2);
    expect(await stateOf(due.profileId)).toMatchObject({ state: 'CREATED', legacy_dmp_attached_at: now });
    expect(await stateOf(dueNoDmp.profileId)).toMatchObject({ state: 'CREATED', legacy_dmp_attached_at: null });
    expect((await stateOf(notYet.profileId)).state).toBe('PENDING');
    const traces = await db.selectFrom('access_events').select(['action', 'actor_type', 'actor_id']).where('profile_id', '=', due.profileId).orderBy('id').execute();
    expect(traces.at(-1)).toEqual({ action: 'profile.window-close', actor_type: 'SYSTEM', actor_id: 'window-close' });
    expect((await verifyChains(db)).breaks.filter((b) => [due.profileId, dueNoDmp.profileId].includes(b.chainKey))).toEqual([]);
  });

  test('ACC-2: a second run changes nothing (idempotent), and a missed day is caught up later', async () => {
    const person = await noticeSent(new Date('2026-01-05T10:00:00Z'));
    const late = new Date('2026-07-01T10:00:00Z'); // long after the window: the job did not run for months
    await closeWindows(db, late);
    const tracesAfterFirst = await db.selectFrom('access_events').select('id').where('profile_id', '=', person.profileId).execute();
    await closeWindows(db, late);
    const tracesAfterSecond = await db.selectFrom('access_events').select('id').where('profile_id', '=', person.profileId).execute();
    expect((await stateOf(person.profileId)).state).toBe('CREATED');
    expect(tracesAfterSecond).toHaveLength(tracesAfterFirst.length);
  });

  test('ACC-2: a profile activated or opposed during its window is left as it is', async () => {
    const activated = await noticeSent(new Date('2026-03-01T10:00:00Z'));
    await db.updateTable('profiles').set({ state: 'ACTIVE' }).where('id', '=', activated.profileId).execute();
    const opposed = await noticeSent(new Date('2026-03-01T10:00:00Z'));
    await db.updateTable('profiles').set({ state: 'OPPOSED' }).where('id', '=', opposed.profileId).execute();
    await closeWindows(db, new Date('2026-07-01T10:00:00Z'));
    expect((await stateOf(activated.profileId)).state).toBe('ACTIVE');
    expect((await stateOf(opposed.profileId)).state).toBe('OPPOSED');
  });

  test('CMP-4: with a pool of one connection (a small worker), the two partitions take turns instead of waiting for each other', async () => {
    const person = await noticeSent(new Date('2026-01-05T10:00:00Z'));
    const small = createDb(process.env.DATABASE_URL!, 1);
    try {
      const { created } = await closeWindows(small, new Date('2026-03-01T10:00:00Z'));
      expect(created).toBeGreaterThanOrEqual(1);
      expect((await stateOf(person.profileId)).state).toBe('CREATED');
    } finally {
      await small.destroy();
    }
  });
});
