import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { getDb, closeDb } from '@/db/client';
import { recordAccess } from '@/lib/audit/record-access';
import { verifyChains } from '@/lib/audit/verify-chains';
import { aPendingPerson } from '../factories';

const db = getDb();
afterAll(() => closeDb());

describe('AUD: traces written with the action, append-only, tamper-evident', () => {
  test('AUD-1: creating a beneficiary writes its trace in the same transaction', async () => {
    const person = await aPendingPerson(db);
    const traces = await db.selectFrom('access_events').selectAll().where('profile_id', '=', person.profileId).execute();
    expect(traces.map((t) => [t.action, t.actor_type, t.outcome])).toEqual([['profile.create', 'SUPPORT', 'OK']]);
  });

  test('AUD-1: an action rolled back leaves no trace', async () => {
    const person = await aPendingPerson(db);
    await expect(db.transaction().execute(async (trx) => {
      await recordAccess(trx, { actor: { kind: 'ENROLMENT' }, action: 'profile.activate', profileId: person.profileId, at: new Date() });
      throw new Error('the action failed after its trace');
    })).rejects.toThrow('the action failed');
    const traces = await db.selectFrom('access_events').select('action').where('profile_id', '=', person.profileId).execute();
    expect(traces.map((t) => t.action)).toEqual(['profile.create']);
  });

  test('AUD-7: the database refuses UPDATE and DELETE on traces', async () => {
    const person = await aPendingPerson(db);
    await expect(db.updateTable('access_events').set({ actor_label: 'quelqu’un d’autre' }).where('profile_id', '=', person.profileId).execute())
      .rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('access_events').where('profile_id', '=', person.profileId).execute()).rejects.toThrow(/append-only/);
  });

  test('AUD-7: verify passes on an intact chain and names the edited row after tampering', async () => {
    const person = await aPendingPerson(db);
    await recordAccess(db, { actor: { kind: 'ENROLMENT' }, action: 'profile.activate', profileId: person.profileId, at: new Date() });
    expect((await verifyChains(db)).breaks).toEqual([]);
    const first = await db.selectFrom('access_events').select('id').where('profile_id', '=', person.profileId).orderBy('id').executeTakeFirstOrThrow();
    // An attacker with superuser rights bypasses the trigger; the hash chain still tells.
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await sql`update access_events set actor_label = 'Quelqu’un d’autre' where id = ${first.id}`.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
    const { breaks } = await verifyChains(db);
    expect(breaks).toContainEqual({ id: first.id, chainKey: person.profileId, problem: 'hash' });
  });
});
