/**
 * Web benchmark (`npm run bench:web`): production `next start` against a fresh seeded database,
 * autocannon at 50 connections on a trivial dynamic page (/aide), on the signed-in patient
 * dashboard (/espace) and on the Documents page of a profile holding 500 documents (first page of 25). Prints figures; exits 1 only on errors (server down, non-2xx, socket errors).
 * BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 50) override the load; BENCH_HOLD=1 keeps the
 * seeded server up for profiling and prints its address and session cookie.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { encode } from 'next-auth/jwt';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { resolvePostgres, resolveRedis, stopChild, type Service } from '@/lib/runtime/services';
import { withDatabase } from '../support/test-env';

// autocannon ships no type declarations: load it through require with the little we use typed.
type Histogram = { mean: number; p50: number; p99: number };
type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; statusCodeStats: Record<string, { count: number }> };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: object) => Promise<Result>;

const root = process.cwd();
const AUTH_SECRET = 'bench-secret-for-tests-bench-web-only-0123456789';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const CEILING = 250; // req/s, trivial dynamic page on 2 cores (STACK.md, "Measured ceilings")
const TARGET = { ratio: 0.6, dashboardRps: 150, p99Ms: 300 };

const services: Service[] = [];
let next: ChildProcess | undefined;
let databaseUrl: string | undefined;
let cleaning = false;

async function cleanup(code: number): Promise<never> {
  if (!cleaning) {
    cleaning = true;
    if (next) await stopChild(next).catch(() => {});
    if (databaseUrl) await dropDatabase(databaseUrl).catch((e) => console.error('DROP DATABASE a échoué :', e));
    for (const s of services) await s.stop().catch(() => {});
  }
  process.exit(code);
}
process.on('SIGINT', () => void cleanup(130));
process.on('SIGTERM', () => void cleanup(143));

class BenchError extends Error {}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new BenchError(`next start s'est arrêté (code ${child.exitCode}).`);
    const res = await fetch(`${base}/api/health`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new BenchError(`${base}/api/health ne répond pas 200 après 60 s.`);
}

async function measure(url: string, headers: Record<string, string>, duration: number): Promise<Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers, timeout: 30 }); // seconds: a slow answer is a figure, not an error
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(7);
const verdict = (ok: boolean) => (ok ? 'OK' : 'EN DESSOUS DE LA CIBLE');

async function main() {
  // 1. Services (embedded default, like `npm start`) and a fresh, migrated, seeded database.
  const name = `mes_bench_${randomBytes(4).toString('hex')}`;
  const dataDir = path.join(root, '.data');
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir, database: name });
  services.push(pg);
  const redis = await resolveRedis({ env: process.env.REDIS_URL, dataDir });
  services.push(redis);
  databaseUrl = withDatabase(pg.url, name);
  Object.assign(process.env, { AUTH_SECRET, DATABASE_URL: databaseUrl, REDIS_URL: redis.url });
  await ensureDatabase(databaseUrl);
  // Imported only now: the seed hashes secrets with the config read from process.env.
  const { createDb } = await import('@/db/client');
  const { migrateToLatest } = await import('@/db/migrate');
  const { seed } = await import('@/db/seed');
  const db = createDb(databaseUrl, 2);
  let accountId: string;
  try {
    await migrateToLatest(db);
    await seed(db);
    const marie = await db.selectFrom('accounts').select(['id', 'profile_id']).where('identifiant', '=', 'marie.dupont').executeTakeFirstOrThrow();
    accountId = marie.id;
    // 500 documents on Marie's profile, set-based (the list page reads rows, not files).
    await sql`insert into documents (profile_id, unique_id, title, category, mime_type, size_bytes, sha256, sha1, author_type, author_id,
        author_label, created_at, updated_at, pinned)
      select ${marie.profile_id}::uuid, 'urn:bench:' || g, 'Compte rendu n° ' || g, (array['BIOLOGIE','CPT_REND','ORD_SOIN','RADIO_SC'])[1 + g % 4],
        'application/pdf', 120000, 'x', 'x', 'HEALTHCARE_PROFESSIONAL', '10100000001', 'Dr Claire Martin',
        now() - g * interval '1 hour', now(), g % 97 = 0
      from generate_series(1, 500) g`.execute(db);
  } finally {
    await db.destroy();
  }
  console.log(`PostgreSQL : ${pg.source}, base ${name} ; Redis : ${redis.source}`);

  // 2. Build once if needed, then `next start` on a free port.
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('Construction (next build)…');
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new BenchError('next build a échoué.');
  }
  const port = await freePort();
  const base = `http://localhost:${port}`;
  next = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl, REDIS_URL: redis.url,
      APP_URL: base, AUTH_SECRET, DOCUMENT_MASTER_KEY: randomBytes(32).toString('base64'), QUEUE_PREFIX: '{mes-bench}', LOG_LEVEL: 'warn' },
  });
  await waitForHealth(base, next);

  // 3. A forged patient session (what the ticket sign-in would put in the cookie, see lib/auth/nextauth.ts).
  const jwt = await encode({
    token: { sub: accountId, audience: 'patient', subjectId: accountId, loginAt: Date.now(), name: 'Marie Dupont' },
    secret: AUTH_SECRET, salt: 'authjs.session-token', maxAge: 1800,
  });
  // A browser also holds the proxy's refresh hint, so it rolls the session once a minute, not per request.
  const session = { cookie: `authjs.session-token=${jwt}; mes_session_refresh=${Date.now() + 3_600_000}` };
  const probe = await fetch(`${base}/espace`, { headers: session, redirect: 'manual' });
  const html = await probe.text();
  if (probe.status !== 200 || !html.includes('Bonjour Marie')) {
    throw new BenchError(`La session forgée est refusée : GET /espace → ${probe.status} ${probe.headers.get('location') ?? ''}` +
      (probe.status === 200 ? ' (pas de « Bonjour Marie » dans la page)' : ''));
  }

  if (process.env.BENCH_HOLD) {
    // Profiling aid: keep the server and its data up, and print what a client needs (Ctrl-C ends).
    console.log(`Serveur prêt : ${base}\nCookie : ${session.cookie}`);
    await new Promise(() => {});
  }

  // 4. Warm-up, then the measured runs.
  const pages = [
    { label: 'page dynamique triviale  /aide  ', url: `${base}/aide`, headers: {} },
    { label: 'tableau de bord patient  /espace', url: `${base}/espace`, headers: session },
    { label: 'documents (500)  /espace/documents', url: `${base}/espace/documents`, headers: session },
  ];
  console.log(`Échauffement (3 s par page), puis ${DURATION} s par page à ${CONNECTIONS} connexions…`);
  for (const p of pages) await measure(p.url, p.headers, 3);
  const results: Result[] = [];
  for (const p of pages) results.push(await measure(p.url, p.headers, DURATION));

  console.log(`\n${' '.repeat(34)}    req/s   p50 ms   p99 ms  non-2xx  erreurs  % plafond ${CEILING}`);
  results.forEach((r, i) => console.log(`${pages[i]!.label}  ${fmt(r.requests.mean)}  ${fmt(r.latency.p50)}  ${fmt(r.latency.p99)}  ` +
    `${fmt(r.non2xx)}  ${fmt(r.errors)}  ${fmt((100 * r.requests.mean) / CEILING)} %`));
  const [trivial, dashboard, documents] = results as [Result, Result, Result];
  const ratio = dashboard.requests.mean / trivial.requests.mean;
  const documentsRatio = documents.requests.mean / trivial.requests.mean;
  console.log(`\nRatio tableau de bord / page triviale : ${ratio.toFixed(2)} ; documents / page triviale : ${documentsRatio.toFixed(2)}`);
  console.log(`  ratio tableau de bord ≥ ${TARGET.ratio}   ${ratio.toFixed(2).padStart(7)}         ${verdict(ratio >= TARGET.ratio)}`);
  console.log(`  ratio documents ≥ ${TARGET.ratio}         ${documentsRatio.toFixed(2).padStart(7)}         ${verdict(documentsRatio >= TARGET.ratio)}`);
  console.log(`  p99 documents                ${fmt(documents.latency.p99)} ms`);
  console.log(`  tableau de bord ≥ ${TARGET.dashboardRps} req/s   ${fmt(dashboard.requests.mean)} req/s   ${verdict(dashboard.requests.mean >= TARGET.dashboardRps)}`);
  console.log(`  p99 tableau de bord < ${TARGET.p99Ms} ms ${fmt(dashboard.latency.p99)} ms      ${verdict(dashboard.latency.p99 < TARGET.p99Ms)}`);

  const failures = results.flatMap((r, i) => (r.non2xx || r.errors
    ? [`${pages[i]!.label.trim()} : ${r.non2xx} réponses non-2xx (${JSON.stringify(r.statusCodeStats)}), ${r.errors} erreurs dont ${r.timeouts} délais dépassés`] : []));
  if (failures.length) throw new BenchError(`Erreurs pendant la mesure :\n  ${failures.join('\n  ')}`);
}

main().then(() => cleanup(0), async (error) => {
  console.error(error instanceof BenchError ? `ÉCHEC : ${error.message}` : error);
  await cleanup(1);
});
