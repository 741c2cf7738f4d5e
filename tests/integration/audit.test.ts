import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { getDb, closeDb } from '@/db/client';
import { recordAccess, recordTraceOnProfiles } from '@/lib/audit/record-access';
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
    const original = await db.selectFrom('access_events').select('actor_label').where('id', '=', first.id).executeTakeFirstOrThrow();
    // An attacker with superuser rights bypasses the trigger; the hash chain still tells.
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await sql`update access_events set actor_label = 'Quelqu’un d’autre' where id = ${first.id}`.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
    const { breaks } = await verifyChains(db);
    expect(breaks).toContainEqual({ id: first.id, chainKey: person.profileId, problem: 'hash' });
    // Put the row back: later files of this run verify the whole database's chains.
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await sql`update access_events set actor_label = ${original.actor_label} where id = ${first.id}`.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
    expect((await verifyChains(db)).breaks).toEqual([]);
  });

  test('AUD-7: traces hashed by the database (set-based jobs) verify like those hashed by the application', async () => {
    const [withHistory, other] = [await aPendingPerson(db), await aPendingPerson(db)];
    // Everything JSON escapes differently if done carelessly: quotes, backslash, control characters,
    // accents, an emoji, a line separator; and an instant with milliseconds.
    const name = 'Agent "Dupont" \\ l’été\n\t\u0001 😀 \u2028 fin';
    const at = new Date('2026-11-28T23:59:59.123Z');
    await db.transaction().execute((trx) => recordTraceOnProfiles(trx, {
      actor: { kind: 'STAFF', staffId: 's-ünï', role: 'SUPERVISOR', name }, action: 'profile.window-close',
      target: { type: 'campaign', id: 'c"1' }, denied: 'REFUSÉ\\', channel: 'BACKOFFICE', at,
    }, [withHistory.profileId, other.profileId]));
    const traces = await db.selectFrom('access_events').select(['profile_id', 'actor_label', 'prev_hash', 'outcome'])
      .where('profile_id', 'in', [withHistory.profileId, other.profileId]).where('action', '=', 'profile.window-close').execute();
    expect(traces).toHaveLength(2);
    expect(traces.every((t) => t.actor_label === name && t.outcome === 'DENIED' && t.prev_hash)).toBe(true);
    const { breaks } = await verifyChains(db);
    expect(breaks.filter((b) => [withHistory.profileId, other.profileId].includes(b.chainKey))).toEqual([]);
  });

  test('AUD-7: concurrent single traces on one chain (append_trace, one statement each) keep it linked', async () => {
    const person = await aPendingPerson(db);
    const actor = { kind: 'STAFF' as const, staffId: 's-1', role: 'AGENT' as const, name: 'Agent "concurrent"' };
    // Outside any transaction and inside ones, interleaved: each trace must link to the one committed before it.
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2
      ? recordAccess(db, { actor, action: 'profile.admin.read', profileId: person.profileId, at: new Date(), channel: 'BACKOFFICE' })
      : db.transaction().execute((trx) => recordAccess(trx, { actor, action: 'profile.admin.read', profileId: person.profileId, at: new Date(), channel: 'BACKOFFICE' })))));
    const rows = await db.selectFrom('access_events').select(['id', 'prev_hash', 'hash']).where('profile_id', '=', person.profileId).orderBy('id').execute();
    expect(rows.length).toBeGreaterThanOrEqual(41);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const { breaks } = await verifyChains(db);
    expect(breaks.filter((b) => b.chainKey === person.profileId)).toEqual([]);
  });
});
