import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { AccessDeniedError } from '@/lib/errors';
import { nirKey } from '@/lib/identity/nir';
import { rejectionReport } from '@/lib/population/imports-read';
import { registerImport } from '@/lib/population/register-import';
import { runImport } from '@/lib/population/run-import';
import { aStaffMember } from '../factories';

const db = getDb();
const dir = mkdtempSync(path.join(tmpdir(), 'mes-import-'));
afterAll(() => closeDb());
const TODAY = '2026-11-28';
const HEADER = 'nir;numero_serie_vitale;nom_naissance;prenoms;date_naissance;sexe;lieu_naissance;departement;email;mobile;adresse_postale;nir_parent_principal;aide_sociale_enfance;dmp_existant';
const SAMPLE = readFileSync(path.join(process.cwd(), 'public/exemples/population-exemple.csv'), 'utf8');

let fileCount = 0;
async function importText(text: string, agent?: Actor) {
  const file = path.join(dir, `f${++fileCount}.csv`);
  writeFileSync(file, text);
  const actor = agent ?? (await aStaffMember(db));
  const { importId } = await registerImport(db, actor, { filename: `f${fileCount}.csv`, path: file }, new Date());
  await runImport(db, importId, TODAY);
  return db.selectFrom('population_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
}
const nir = (body: string) => body + nirKey(body);

describe('BO-1: import of the insured population', () => {
  test('BO-1: the sample file loads: every line accepted, the child linked to its parent principal (CMP-2)', async () => {
    const done = await importText(SAMPLE);
    expect(done).toMatchObject({ status: 'DONE', lines_read: 5, accepted: 5, inserted: 5, updated: 0, rejected: 0 });
    const hugo = await db.selectFrom('insured_people').selectAll().where('first_names', '=', 'Hugo').executeTakeFirstOrThrow();
    expect(hugo.parent_nir).toBe(nir('2780613055123'));
    expect(hugo.birth_date).toBe('2015-06-03');
    const sophie = await db.selectFrom('insured_people').selectAll().where('nir', '=', nir('2780613055123')).executeTakeFirstOrThrow();
    expect(sophie).toMatchObject({ mobile: '+33612345678', has_dmp: true, departement: '13', birth_name: 'MARTIN' });
    const lea = await db.selectFrom('insured_people').select(['ase', 'departement']).where('nir', '=', nir('2120497411123')).executeTakeFirstOrThrow();
    expect(lea).toEqual({ ase: true, departement: '974' });
  });

  test('BO-1: re-importing the same file changes nothing; a changed line updates that person only', async () => {
    const again = await importText(SAMPLE);
    expect(again).toMatchObject({ status: 'DONE', accepted: 5, inserted: 0, updated: 0, unchanged: 5 });
    const changed = SAMPLE.replace('minh.nguyen@exemple.fr', 'minh.nguyen@nouveau.fr');
    const update = await importText(changed);
    expect(update).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    const minh = await db.selectFrom('insured_people').select(['email', 'last_import_id']).where('first_names', '=', 'Minh').executeTakeFirstOrThrow();
    expect(minh).toEqual({ email: 'minh.nguyen@nouveau.fr', last_import_id: update.id });
  });

  test('BO-1: each rejected line is reported with its line number, column and French reason', async () => {
    const good = nir('1700133001011');
    const lines = [
      HEADER,
      `${good};12345678901;Durand;Paul;01/01/1970;1;33063;33;paul@exemple.fr;;;;non;non`,
      `${good.slice(0, 13)}00;12345678901;Durand;Luc;01/01/1970;1;33063;33;luc@exemple.fr;;;;non;non`,
      `${nir('1700133001022')};12345678901;Durand;Marc;01/01/1970;1;33063;20;marc@exemple.fr;;;;non;non`,
      `${nir('1300133001033')};12345678901;Durand;Léon;01/01/2030;1;33063;33;leon@exemple.fr;;;;non;non`,
      `${nir('1200133001044')};12345678901;Durand;Tom;15/01/2020;1;33063;33;;;1 rue A, 33000 Bordeaux;;non;non`,
      `${good};12345678901;Durand;Paul;01/01/1970;1;33063;33;paul@exemple.fr;;;;non;non`,
      `${nir('2200133001055')};12345678901;Durand;Zoé;15/01/2020;2;33063;33;;;1 rue A, 33000 Bordeaux;${nir('2750133009999')};non;non`,
      `${nir('1700133001066')};1234;Durand;Eva;01/01/1970;1;33063;33;;;;;peut-être;non`,
    ];
    const done = await importText(lines.join('\n'));
    expect(done).toMatchObject({ status: 'DONE', lines_read: 8, accepted: 1, inserted: 1, rejected: 7 });
    const report: [number, string, string][] = [];
    for await (const r of rejectionReport(db, await aStaffMember(db), done.id, new Date())) report.push([r.line_no, r.column_name, r.reason]);
    const find = (line: number, column: string) => report.find(([l, c]) => l === line && c === column)?.[2];
    expect(report.map(([line]) => line)).toEqual([...report.map(([line]) => line)].sort((a, b) => Number(a) - Number(b)));
    expect(find(3, 'nir')).toContain('clé');
    expect(find(4, 'departement')).toBe('Département inconnu : « 20 ».');
    expect(find(5, 'date_naissance')).toBe('La date de naissance est dans le futur.');
    expect(find(6, 'nir_parent_principal')).toContain('Enfant mineur sans NIR du parent principal');
    expect(find(7, 'nir')).toBe('NIR en double dans le fichier (déjà présent ligne 2).');
    expect(find(8, 'nir_parent_principal')).toContain('Parent principal inconnu');
    expect(find(9, 'numero_serie_vitale')).toBeDefined();
    expect(find(9, 'adresse_postale')).toContain('adresse postale est obligatoire');
    expect(find(9, 'aide_sociale_enfance')).toBe('Valeur attendue : « oui » ou « non ».');
  });

  test('BO-1: a file without the required columns fails as a whole with a French message, and nothing is loaded', async () => {
    const before = await db.selectFrom('insured_people').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const done = await importText(`nir;nom\n${nir('1700133001077')};Durand`);
    expect(done.status).toBe('FAILED');
    expect(done.error).toContain('Colonnes obligatoires absentes');
    const after = await db.selectFrom('insured_people').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  test('BO-1: an import that crashed mid-way runs again from the start and counts each line once; a finished one is skipped', async () => {
    const file = path.join(dir, 'crash.csv');
    writeFileSync(file, `${HEADER}\n${nir('2650133002011')};12345678901;Roux;Anne;01/01/1965;2;33063;33;anne@exemple.fr;;;;non;non\n`);
    const agent = await aStaffMember(db);
    const { importId } = await registerImport(db, agent, { filename: 'crash.csv', path: file }, new Date());
    await db.updateTable('population_imports').set({ status: 'RUNNING', lines_read: 1 }).where('id', '=', importId).execute();
    await db.insertInto('population_import_rejections').values({ import_id: importId, line_no: 9, column_name: 'nir', reason: 'reste du premier essai' }).execute();
    expect(await runImport(db, importId, TODAY)).toBe('done');
    const done = await db.selectFrom('population_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'DONE', lines_read: 1, accepted: 1, rejected: 0 });
    expect(await runImport(db, importId, TODAY)).toBe('skipped');
  });

  test('BO-1: an advisor cannot import the population, and the refusal is traced', async () => {
    const advisor: Actor = { kind: 'ADVISOR', staffId: '00000000-0000-0000-0000-000000000001', siteId: '00000000-0000-0000-0000-000000000002', name: 'Conseillère' };
    await expect(registerImport(db, advisor, { filename: 'x.csv', path: '/dev/null' }, new Date())).rejects.toBeInstanceOf(AccessDeniedError);
    const trace = await db.selectFrom('access_events').select(['action', 'outcome']).where('actor_id', '=', advisor.staffId).execute();
    expect(trace).toEqual([{ action: 'population.import', outcome: 'DENIED' }]);
  });
});
