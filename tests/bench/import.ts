/**
 * Import benchmark (`npm run bench:import`): 1 M synthetic population lines (BENCH_LINES to change)
 * through the real import (streamed parse, checks, COPY into staging, one merge), next to a raw COPY
 * of the same file into a bare table in the same run. Prints time, rows/s, the ratio (target ≤ 2×)
 * and the process's peak RSS (target ≤ 300 MB). A benchmark, not a test.
 */
import { createWriteStream, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { createDb, poolOf } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { hashPassword } from '@/lib/auth/passwords';
import { nirKey } from '@/lib/identity/nir';
import { registerImport } from '@/lib/population/register-import';
import { runImport } from '@/lib/population/run-import';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { resolvePostgres, type Service } from '@/lib/runtime/services';
import { withDatabase } from '../support/test-env';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const HEADER = 'nir;numero_serie_vitale;nom_naissance;prenoms;date_naissance;sexe;lieu_naissance;departement;email;mobile;adresse_postale;nir_parent_principal;aide_sociale_enfance;dmp_existant\n';
const DEPTS = ['01', '13', '33', '2A', '59', '69', '75', '93', '974'];
process.env.AUTH_SECRET ??= 'bench-secret-for-the-import-benchmark-0123456789';

/** Adults born 1950–1999 and, every 5th line, a child of the previous adult; 1 line in 200 is broken. */
async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(HEADER);
  let parent = '';
  for (let i = 0; i < LINES; i++) {
    const child = i % 5 === 4;
    const year = child ? 2010 + (i % 15) : 1950 + (i % 50);
    const sex = 1 + (i % 2);
    const dept = DEPTS[i % DEPTS.length]!;
    const place = dept.length === 3 ? `${dept}${String(i % 99).padStart(2, '0')}` : `${dept}${String(i % 999).padStart(3, '0')}`;
    const body = `${sex}${String(year % 100).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${place}${String(i % 1000).padStart(3, '0')}`.slice(0, 13);
    let nir = body + nirKey(body);
    if (i % 200 === 199) nir = `${body}00`; // a wrong key now and then: the report must list it
    const date = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`;
    const email = i % 4 === 0 ? '' : `personne${i}@exemple.fr`;
    const line = `${nir};${String(10_000_000_000 + i)};NOM${i % 9973};Prénom${i % 877};${date};${sex};${place};${dept};${email};;${i} rue de la Paix, 75002 Paris;${child ? parent : ''};non;${i % 3 === 0 ? 'oui' : 'non'}\n`;
    if (!child) parent = nir;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main() {
  const services: Service[] = [];
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir: path.join(process.cwd(), '.data'), database: 'postgres' });
  services.push(pg);
  const url = withDatabase(pg.url, `mes_bench_import_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createDb(url, 4);
  const dir = mkdtempSync(path.join(tmpdir(), 'mes-bench-import-'));
  try {
    await migrateToLatest(db);
    const file = path.join(dir, 'population.csv');
    let t = Date.now();
    await writeFile(file);
    console.log(`Fichier : ${LINES.toLocaleString('fr-FR')} lignes, ${(statSync(file).size / 1e6).toFixed(0)} Mo, généré en ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const rssBefore = process.memoryUsage().rss;

    // Baseline: the same file, raw COPY into a bare table of text columns.
    const client = await poolOf(db).connect();
    await client.query(`create table bare_copy (${HEADER.trim().split(';').map((c) => `${c} text`).join(', ')})`);
    t = Date.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`copy bare_copy from stdin with (format csv, delimiter ';', header true)`)));
    const copySeconds = (Date.now() - t) / 1000;
    client.release();

    const staff = await db.insertInto('staff_users').values({ kind: 'AGENT', identifiant: 'bench.agent', password_hash: await hashPassword('x'),
      email: 'bench@cnam.fr', display_name: 'Bench', site_id: null, locked_until: null }).returning('id').executeTakeFirstOrThrow();
    const { importId } = await registerImport(db, { kind: 'STAFF', staffId: staff.id, role: 'AGENT', name: 'Bench' }, { filename: 'population.csv', path: file }, new Date());
    t = Date.now();
    await runImport(db, importId, new Date().toISOString().slice(0, 10));
    const importSeconds = (Date.now() - t) / 1000;
    const result = await db.selectFrom('population_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    const peakMb = process.resourceUsage().maxRSS / 1024;
    // The floor of any import: only writing the accepted rows into a table like insured_people (same
    // indexes, logged), no parsing and no checks.
    await sql`create table floor_insert (like insured_people including all)`.execute(db);
    t = Date.now();
    await sql`insert into floor_insert select * from insured_people order by nir`.execute(db);
    const floorSeconds = (Date.now() - t) / 1000;

    console.log(`\nCOPY brut (référence)        ${copySeconds.toFixed(1)} s   ${Math.round(LINES / copySeconds).toLocaleString('fr-FR')} lignes/s`);
    console.log(`Import complet               ${importSeconds.toFixed(1)} s   ${Math.round(LINES / importSeconds).toLocaleString('fr-FR')} lignes/s`);
    console.log(`  acceptées ${result.accepted.toLocaleString('fr-FR')}, rejetées ${result.rejected.toLocaleString('fr-FR')}, état ${result.status}`);
    const ratio = importSeconds / copySeconds;
    console.log(`Ratio import / COPY brut     ${ratio.toFixed(2)}×   ${ratio <= 2 ? 'OK' : 'EN DESSOUS DE LA CIBLE'} (cible ≤ 2×)`);
    console.log(`Plancher : écriture seule des lignes acceptées dans une table comme insured_people ${floorSeconds.toFixed(1)} s ` +
      `= ${(floorSeconds / copySeconds).toFixed(2)}× le COPY brut ; import / (COPY brut + plancher) ${(importSeconds / (copySeconds + floorSeconds)).toFixed(2)}×`);
    console.log(`RSS maximal du processus     ${peakMb.toFixed(0)} Mo (avant l’import ${(rssBefore / 1e6).toFixed(0)} Mo)   ${peakMb <= 300 ? 'OK' : 'AU-DESSUS DE LA CIBLE'} (cible ≤ 300 Mo)`);
  } finally {
    await db.destroy();
    await dropDatabase(url);
    rmSync(dir, { recursive: true, force: true });
    for (const s of services) await s.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
