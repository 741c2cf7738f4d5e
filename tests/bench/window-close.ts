/**
 * Window-close benchmark (`npm run bench:window-close`): 1 M PENDING profiles whose window is over
 * (BENCH_PROFILES to change) → CREATED through the real job, traces included. Target ≤ 30 s.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { createDb } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { closeWindows } from '@/lib/campaigns/close-windows';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { resolvePostgres } from '@/lib/runtime/services';
import { withDatabase } from '../support/test-env';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
process.env.AUTH_SECRET ??= 'bench-secret-for-the-window-close-benchmark-0123';

async function main() {
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir: path.join(process.cwd(), '.data'), database: 'postgres' });
  const url = withDatabase(pg.url, `mes_bench_window_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createDb(url, 4);
  try {
    await migrateToLatest(db);
    let t = Date.now();
    // Set-based fixture: NIR-shaped unique identifiers are enough here (no NIR check on this path).
    await sql`insert into profiles (nir, vitale_serial, birth_name, first_names, birth_date, sex, email, kind, state,
        notice_sent_at, opposition_deadline)
      select '9' || lpad(g::text, 14, '0'), '12345678901', 'NOM', 'Prénom', date '1970-01-01' + (g % 15000), 1 + g % 2,
        'p' || g || '@exemple.fr', 'ADULT', 'PENDING', timestamptz '2026-01-01' + (g % 60) * interval '1 day',
        date '2026-02-12' + (g % 60)
      from generate_series(1, ${PROFILES}) g`.execute(db);
    await sql`analyze profiles`.execute(db);
    console.log(`${PROFILES.toLocaleString('fr-FR')} profils PENDING créés en ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    const { created } = await closeWindows(db, new Date('2026-06-01T10:00:00Z'));
    const seconds = (Date.now() - t) / 1000;
    const traces = await db.selectFrom('access_events').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    console.log(`Fin de fenêtre : ${created.toLocaleString('fr-FR')} profils CREATED en ${seconds.toFixed(1)} s ` +
      `(${Math.round(created / seconds).toLocaleString('fr-FR')} profils/s), ${Number(traces.n).toLocaleString('fr-FR')} traces`);
    console.log(`Cible ≤ 30 s : ${seconds <= 30 ? 'OK' : 'EN DESSOUS DE LA CIBLE'}`);
  } finally {
    await db.destroy();
    await dropDatabase(url);
    await pg.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
