/**
 * History benchmark (`npm run bench:history`): one profile with 100 000 traces (BENCH_EVENTS), among
 * 300 000 traces of 3 000 other profiles (BENCH_OTHER_EVENTS) so the planner sees a realistic table,
 * all inserted set-based (chain fields filled, hashes not meant to verify). Measures the p95 latency of
 * listHistory (policy included) on the first page and on a deep page (cursor near the oldest trace),
 * without and with filters (tab + one month), and the worst case (a filter no line matches: the whole
 * profile is walked); then one full CSV and PDF download. Target: p95 < 100 ms for every page. Prints
 * figures, asserts nothing.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb, type Db } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import type { PatientActor } from '@/lib/access/actor';
import { exportHistoryCsv, exportHistoryPdf } from '@/lib/audit/export-history';
import { listHistory } from '@/lib/audit/history';
import type { HistoryTab } from '@/lib/audit/history-filters';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { resolvePostgres } from '@/lib/runtime/services';
import { withDatabase } from '../support/test-env';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const OTHER_EVENTS = Number(process.env.BENCH_OTHER_EVENTS ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_MS = 100;
process.env.AUTH_SECRET ??= 'bench-secret-for-the-history-benchmark-0123456';

const NOW = new Date('2026-11-28T12:00:00Z');
const STEP_MINUTES = 10; // 100 000 traces ten minutes apart: about two years of history

/** One profile's traces, then the others', in one statement each (generate_series, no loop). */
async function populate(db: Db, profileId: string, accountId: string, siteId: string) {
  const start = new Date(NOW.getTime() - EVENTS * STEP_MINUTES * 60_000);
  // Interleaved ids, as in a shared table: the other profiles' traces are written between ours.
  await sql`insert into access_events (chain_key, profile_id, at, actor_type, actor_id, actor_label, actor_role, profession,
      site_id, on_behalf_of, mode, action, target_type, target_id, outcome, reason, channel, prev_hash, hash)
    select p::text, p, ${start}::timestamptz + (g / r) * interval '${sql.raw(String(STEP_MINUTES))} minutes', t.actor_type,
      case t.actor_type when 'PATIENT' then ${accountId} when 'HEALTHCARE_PROFESSIONAL' then '1000000' || (g % 50) else 'bench' end,
      case t.actor_type when 'PATIENT' then 'Camille BENCH' when 'HEALTHCARE_PROFESSIONAL' then 'Dr Bench ' || (g % 50)
        when 'SUPPORT' then 'Agent Bench' when 'SERVICE_TIERS' then 'Application Bench' else 'Assurance Maladie (traitement automatique)' end,
      case when t.actor_type = 'SUPPORT' and g % 2 = 0 then 'ADVISOR' when t.actor_type = 'SUPPORT' then 'AGENT' end,
      case when t.actor_type = 'HEALTHCARE_PROFESSIONAL' then 'Médecin' end,
      case when t.actor_type = 'SUPPORT' and g % 2 = 0 then ${siteId}::uuid end, null,
      case when t.actor_type = 'HEALTHCARE_PROFESSIONAL' and g % 10 = 0 then 'EMERGENCY'
        when t.actor_type = 'SUPPORT' and g % 2 = 0 then 'ASSISTED' else 'NORMAL' end,
      t.action, null, null, case when g % 97 = 0 then 'DENIED' else 'OK' end, case when g % 97 = 0 then 'bench' end, 'WEB',
      md5((g - 1)::text), md5(g::text)
    from generate_series(0, ${EVENTS + OTHER_EVENTS - 1}) g,
      lateral (select (${EVENTS + OTHER_EVENTS}::numeric / ${EVENTS})::int as r) ratio,
      lateral (select case when g % r = 0 then ${profileId}::uuid
        else ('00000000-0000-4000-9000-' || lpad((g % 3001)::text, 12, '0'))::uuid end as p) who,
      lateral (select (array['PATIENT','PATIENT','PATIENT','PATIENT','PATIENT','PATIENT','PATIENT','PATIENT','PATIENT','PATIENT',
          'HEALTHCARE_PROFESSIONAL','HEALTHCARE_PROFESSIONAL','HEALTHCARE_PROFESSIONAL','HEALTHCARE_PROFESSIONAL',
          'HEALTHCARE_PROFESSIONAL','HEALTHCARE_PROFESSIONAL','SERVICE_TIERS','SUPPORT','SUPPORT','SYSTEM'])[1 + (g / r) % 20] as actor_type,
        (array['account.login','document.read','document.list','measure.read','document.add'])[1 + (g / r) % 5] as action) t`.execute(db);
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return { p50: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!, p95: p95(times) };
}

async function main() {
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir: path.join(process.cwd(), '.data'), database: 'postgres' });
  const url = withDatabase(pg.url, `mes_bench_history_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createDb(url, 4);
  try {
    await migrateToLatest(db);
    const profile = await db.insertInto('profiles').values({ nir: '290017500000197', vitale_serial: '12345678901', birth_name: 'BENCH',
      first_names: 'Camille', birth_date: '1990-01-15', sex: 2, birth_place: null, email: 'camille@bench.test', kind: 'ADULT', state: 'ACTIVE',
      previous_state: null, state_changed_at: NOW, notice_sent_at: null, opposition_deadline: null, activation_last_failure_at: null })
      .returning('id').executeTakeFirstOrThrow();
    const account = await db.insertInto('accounts').values({ profile_id: profile.id, identifiant: 'camille.bench', password_hash: 'x',
      email: 'camille@bench.test', email_verified_at: NOW, locked_until: null, last_login_at: null }).returning('id').executeTakeFirstOrThrow();
    const site = await db.insertInto('france_services_sites').values({ name: 'France Services de Bench', commune: 'Bench', departement: '87' })
      .returning('id').executeTakeFirstOrThrow();
    let t = performance.now();
    await populate(db, profile.id, account.id, site.id);
    const loaded = (performance.now() - t) / 1000;
    t = performance.now();
    await sql`vacuum analyze access_events`.execute(db);
    console.log(`${EVENTS.toLocaleString('fr-FR')} traces du profil + ${OTHER_EVENTS.toLocaleString('fr-FR')} d’autres profils insérées en ` +
      `${loaded.toFixed(1)} s, VACUUM ANALYZE en ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const me: PatientActor = { kind: 'PATIENT', accountId: account.id, name: 'Camille BENCH', ownProfileId: profile.id, representedProfileIds: [] };
    const page = (tab: HistoryTab, extra: { from?: string; to?: string; before?: string } = {}) =>
      () => listHistory(db, me, { profileId: profile.id, tab, ...extra }, NOW);
    // A deep cursor: the 30th oldest line of the set, so the page reads the last lines of the history.
    const deep = async (types: string[] | null, from?: Date, to?: Date) => {
      let q = db.selectFrom('access_events').select('id').where('profile_id', '=', profile.id);
      if (types) q = q.where('actor_type', 'in', types);
      if (from) q = q.where('at', '>=', from);
      if (to) q = q.where('at', '<', to);
      return (await q.orderBy('id', 'asc').offset(30).limit(1).executeTakeFirstOrThrow()).id;
    };
    const month = { from: '2025-11-01', to: '2025-11-30' }; // a year back: half the history is walked past first
    const cases: [string, () => Promise<unknown>][] = [
      ['Première page, sans filtre', page('tout')],
      ['Page profonde, sans filtre', page('tout', { before: await deep(null) })],
      ['Première page, « Professionnels » + un mois', page('professionnels', month)],
      ['Page profonde, « Professionnels » + un mois', page('professionnels', { ...month,
        before: await deep(['HEALTHCARE_PROFESSIONAL', 'HEALTHCARE_FACILITY'], new Date('2025-10-31T23:00:00Z'), new Date('2025-11-30T23:00:00Z')) })],
      ['Première page, « Services synchronisés »', page('services-synchronises')],
      ['Pire cas : période sans aucune ligne (tout le profil parcouru)', page('assurance-maladie', { from: '2020-01-01', to: '2020-12-31' })],
    ];
    console.log(`\nlistHistory, ${RUNS} appels par cas (p50 / p95) — cible p95 < ${TARGET_MS} ms :`);
    for (const [label, run] of cases) {
      const rows = ((await run()) as { rows: unknown[] }).rows.length;
      const { p50, p95: p } = await measure(run);
      console.log(`  ${label.padEnd(64)} ${p50.toFixed(1).padStart(6)} / ${p.toFixed(1).padStart(6)} ms  (${rows} lignes) ${p < TARGET_MS ? 'OK' : 'AU-DELÀ DE LA CIBLE'}`);
    }

    const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from access_events where profile_id = ${profile.id}
      and actor_type in ('SUPPORT', 'SYSTEM') and at >= '2020-01-01' and at < '2021-01-01' order by id desc limit 21`.execute(db);
    console.log(`\nPlan du pire cas : ${plan.rows.map((r) => r['QUERY PLAN'].trim()).slice(0, 2).join(' → ')}`);

    t = performance.now();
    const csv = await exportHistoryCsv(db, me, { profileId: profile.id, filters: { tab: 'tout' } }, NOW);
    let bytes = 0;
    for await (const chunk of csv.stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    const csvSeconds = (performance.now() - t) / 1000;
    console.log(`\nCSV complet (${EVENTS.toLocaleString('fr-FR')} lignes) : ${(bytes / 1e6).toFixed(1)} Mo en ${csvSeconds.toFixed(1)} s`);
    t = performance.now();
    const pdf = await exportHistoryPdf(db, me, { profileId: profile.id, filters: { tab: 'tout' } }, NOW);
    const heap = process.memoryUsage().heapUsed / 1e6;
    console.log(`PDF complet : ${(pdf.pdf.byteLength / 1e6).toFixed(1)} Mo en ${((performance.now() - t) / 1000).toFixed(1)} s (tas ${heap.toFixed(0)} Mo)`);
  } finally {
    await db.destroy();
    await dropDatabase(url);
    await pg.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
