import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { matrixAllows, matrixVersionInForce } from '@/lib/access-matrix/matrix';
import { publishMatrixVersion } from '@/lib/access-matrix/publish-version';
import { readMatrix } from '@/lib/access-matrix/read-matrix';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { aStaffMember } from '../factories';

const db = getDb();
afterAll(() => closeDb());
const HEADER = 'profession;specialite;type;code;decision';
// Far in the future: the versions published here must never be in force for the other files' real clock.
const today = new Date('2099-03-10T10:00:00Z');
const tomorrow = new Date('2099-03-11T10:00:00Z');
const patient: PatientActor = { kind: 'PATIENT', accountId: '00000000-0000-4000-8000-000000000001', name: 'Camille TESTEUR', ownProfileId: null, representedProfileIds: [] };

beforeAll(async () => {
  await ensureDefaultMatrix(db);
  await ensureDefaultMatrix(db); // idempotent: the second call adds nothing
});

describe('PRO-9, PRO-10, BO-7: the matrice d’habilitation as data', () => {
  test('PRO-9: the seeded version 1 answers the rulebook’s table', async () => {
    const versions = await db.selectFrom('matrix_versions').select('number').execute();
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect(await matrixAllows(db, { professionCode: '80', typeCode: '15508-5', category: 'CPT_REND' }, today)).toBe(false);
    expect(await matrixAllows(db, { professionCode: '40', category: 'DIR_ANT' }, today)).toBe(false);
    expect(await matrixAllows(db, { professionCode: '80', typeCode: '11488-4', category: 'CPT_REND' }, today)).toBe(true);
    expect(await matrixAllows(db, { professionCode: '10', typeCode: '15508-5', category: 'CPT_REND' }, today)).toBe(true);
    expect(await matrixAllows(db, { professionCode: '99', category: 'SYNTHESE' }, today)).toBe(false);
    // Before version 1 takes effect nothing is in force: everything is denied.
    expect(await matrixAllows(db, { professionCode: '10', category: 'SYNTHESE' }, new Date('2019-06-01T00:00:00Z'))).toBe(false);
  });

  test('BO-7: an agent cannot publish — refused and traced, nothing stored', async () => {
    const agent = await aStaffMember(db, 'AGENT');
    await expect(publishMatrixVersion(db, agent, { csv: `${HEADER}\n10;;CATEGORY;SYNTHESE;ALLOW`, effectiveDay: '2099-03-11', note: 'Essai' }, today))
      .rejects.toThrow(new AccessDeniedError('seul un superviseur peut publier une nouvelle version de la matrice d’habilitation (BO-7).'));
    const trace = await db.selectFrom('access_events').selectAll().where('actor_id', '=', agent.staffId).where('action', '=', 'matrix.publish').executeTakeFirstOrThrow();
    expect(trace).toMatchObject({ outcome: 'DENIED', reason: 'supervisor-only', actor_type: 'SUPPORT', channel: 'BACKOFFICE' });
    expect((await db.selectFrom('matrix_versions').select('number').execute()).length).toBe(1);
    // Agents still read it (BO-7), and so does a patient (PRO-10).
    expect((await readMatrix(db, agent, today)).inForce?.number).toBe(1);
    expect((await readMatrix(db, patient, today)).rules.length).toBeGreaterThan(100);
  });

  test('BO-7: a file with one bad line stores nothing and names the line', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    const csv = [HEADER, '10;;CATEGORY;SYNTHESE;ALLOW', '80;;TYPE;15508-5;PEUT-ETRE', '21;;CATEGORY;ORD_SOIN;ALLOW'].join('\n');
    const error = await publishMatrixVersion(db, supervisor, { csv, effectiveDay: '2099-03-11', note: 'Essai' }, today).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('fichier');
    expect((error as ValidationError).message).toContain('ligne 3 (decision) : « PEUT-ETRE » : indiquez ALLOW (autorisé) ou DENY (non autorisé).');
    expect((error as ValidationError).message).toContain('aucune règle n’a été enregistrée');
    expect((await db.selectFrom('matrix_versions').select('number').execute()).length).toBe(1);
    expect((await db.selectFrom('matrix_rules').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n)
      .toBe((await db.selectFrom('matrix_rules').select(sql<number>`count(*)::int`.as('n')).where('version_id', '=', (await matrixVersionInForce(db, today))!.id).executeTakeFirstOrThrow()).n);
  });

  test('BO-7: an effective date in the past is refused on its field', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    await expect(publishMatrixVersion(db, supervisor, { csv: `${HEADER}\n10;;CATEGORY;SYNTHESE;ALLOW`, effectiveDay: '2099-03-09', note: 'Essai' }, today))
      .rejects.toMatchObject({ field: 'dateEffet', message: 'La date d’effet ne peut pas être dans le passé.' });
  });

  test('PRO-9, BO-7: a supervisor publishes version 2 effective tomorrow — today still version 1, tomorrow version 2', async () => {
    const supervisor = await aStaffMember(db, 'SUPERVISOR');
    const csv = [HEADER, '80;;CATEGORY;CPT_REND;DENY', '10;;CATEGORY;CPT_REND;ALLOW', '10;SM40;CATEGORY;CPT_REND;DENY'].join('\n');
    const published = await publishMatrixVersion(db, supervisor, { csv, effectiveDay: '2099-03-11', note: 'Podologues : plus de comptes rendus' }, today);
    expect(published.number).toBe(2);
    expect(published.effectiveFrom.toISOString()).toBe('2099-03-10T23:00:00.000Z'); // midnight, Paris time
    const question = { professionCode: '80', typeCode: '11488-4', category: 'CPT_REND' };
    expect((await matrixVersionInForce(db, today))?.number).toBe(1);
    expect(await matrixAllows(db, question, today)).toBe(true);
    expect((await matrixVersionInForce(db, tomorrow))?.number).toBe(2);
    expect(await matrixAllows(db, question, tomorrow)).toBe(false);
    // The new version is exactly the uploaded rows: what it does not list is denied.
    expect(await matrixAllows(db, { professionCode: '21', category: 'ORD_SOIN' }, tomorrow)).toBe(false);
    expect(await matrixAllows(db, { professionCode: '10', specialty: 'SM40', category: 'CPT_REND' }, tomorrow)).toBe(false);
    const overview = await readMatrix(db, supervisor, today);
    expect(overview.inForce?.number).toBe(1);
    expect(overview.upcoming.map((v) => v.number)).toEqual([2]);
    const trace = await db.selectFrom('access_events').selectAll().where('actor_id', '=', supervisor.staffId).where('action', '=', 'matrix.publish').executeTakeFirstOrThrow();
    expect(trace).toMatchObject({ outcome: 'OK', target_type: 'matrix_version', target_id: published.versionId });
    // Versions take effect in their number order: a later version cannot take effect before version 2.
    await expect(publishMatrixVersion(db, supervisor, { csv, effectiveDay: '2099-03-10', note: 'Trop tôt' }, today))
      .rejects.toMatchObject({ field: 'dateEffet', message: 'La date d’effet doit être au plus tôt celle de la version 2 (11 mars 2099).' });
  });

  test('BO-7: versions and their rules cannot be updated or deleted — the database refuses', async () => {
    const v1 = (await matrixVersionInForce(db, today))!;
    await expect(db.updateTable('matrix_versions').set({ note: 'changée' }).where('id', '=', v1.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('matrix_versions').where('id', '=', v1.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('matrix_rules').set({ decision: 'ALLOW' }).where('version_id', '=', v1.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('matrix_rules').where('version_id', '=', v1.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate matrix_rules`.execute(db)).rejects.toThrow(/append-only/);
    // Nor can rules be slipped into a published version afterwards.
    await expect(db.insertInto('matrix_rules').values({ version_id: v1.id, profession_code: '80', specialty: null, target_kind: 'CATEGORY', target_code: 'NOUVELLE', decision: 'ALLOW' }).execute())
      .rejects.toThrow(/same transaction/);
    expect(await matrixAllows(db, { professionCode: '40', category: 'DIR_ANT' }, today)).toBe(false);
  });
});
