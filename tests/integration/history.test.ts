import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { HISTORY_PAGE_SIZE, listHistory } from '@/lib/audit/history';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';
import { anActivePatient } from '../factories';

const db = getDb();
afterAll(() => closeDb());

describe('AUD-4: Historique d’activité, newest first, keyset pagination', () => {
  test('AUD-4: 44 traces read as three pages with no gap or overlap, forwards and back', async () => {
    const patient = await anActivePatient(db);
    const actor: PatientActor = { kind: 'PATIENT', accountId: patient.accountId, name: 'Camille', ownProfileId: patient.profileId, representedProfileIds: [] };
    const t0 = Date.now();
    for (let i = 0; i < 43; i++) {
      await recordAccess(db, { actor, action: 'account.login', profileId: patient.profileId, at: new Date(t0 + i * 1000) });
    }
    // "Mes actions" now holds the activation and 43 logins; the agent's creation is in another tab.
    const page1 = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions' }, new Date());
    expect(page1.rows).toHaveLength(HISTORY_PAGE_SIZE);
    expect(page1.newerCursor).toBeUndefined();
    const page2 = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions', before: page1.olderCursor }, new Date());
    const page3 = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions', before: page2.olderCursor }, new Date());
    expect(page3.rows).toHaveLength(44 - 2 * HISTORY_PAGE_SIZE);
    expect(page3.olderCursor).toBeUndefined();
    const ids = [...page1.rows, ...page2.rows, ...page3.rows].map((r) => Number(r.id));
    expect(new Set(ids).size).toBe(44);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page3.rows.at(-1)?.action).toBe('profile.activate');
    const back = await listHistory(db, actor, { profileId: patient.profileId, tab: 'mes-actions', after: page2.newerCursor }, new Date());
    expect(back.rows.map((r) => r.id)).toEqual(page1.rows.map((r) => r.id));
    const support = await listHistory(db, actor, { profileId: patient.profileId, tab: 'assurance-maladie' }, new Date());
    expect(support.rows.map((r) => r.action)).toContain('profile.create');
  });

  test('AUD-6: another patient cannot read the history, and the refusal is traced on that profile', async () => {
    const owner = await anActivePatient(db);
    const other = await anActivePatient(db);
    const intruder: PatientActor = { kind: 'PATIENT', accountId: other.accountId, name: 'X', ownProfileId: other.profileId, representedProfileIds: [] };
    await expect(listHistory(db, intruder, { profileId: owner.profileId, tab: 'mes-actions' }, new Date())).rejects.toBeInstanceOf(AccessDeniedError);
    const denied = await db.selectFrom('access_events').select(['action', 'reason', 'actor_id']).where('profile_id', '=', owner.profileId)
      .where('outcome', '=', 'DENIED').execute();
    expect(denied).toEqual([{ action: 'profile.history.read', reason: 'not-holder', actor_id: other.accountId }]);
  });
});
