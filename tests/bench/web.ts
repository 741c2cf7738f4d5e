/**
 * Web benchmark (`npm run bench:web`): production `next start` against a fresh seeded database,
 * autocannon at 50 connections on a trivial dynamic page (/aide), on the signed-in patient
 * dashboard (/espace) and on the Documents page of a profile holding 500 documents (first page of 25). Prints figures; exits 1 only on errors (server down, non-2xx, socket errors).
 * BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 50) override the load; BENCH_HOLD=1 keeps the
 * seeded server up for profiling and prints its address and session cookie.
 */
import { sql } from 'kysely';
import { encode } from 'next-auth/jwt';
import { AUTH_SECRET, BenchError, CONNECTIONS, DURATION, failuresOf, fmt, measure, runBench, startSeededServer, verdict, type Result } from './next-server';

const CEILING = 250; // req/s, trivial dynamic page on 2 cores (STACK.md, "Measured ceilings")
const TARGET = { ratio: 0.6, dashboardRps: 150, p99Ms: 300 };

async function main() {
  // 1. A fresh seeded database with 500 documents on Marie's profile (set-based: the list page reads rows, not files), then the server.
  const { base, prepared: accountId } = await startSeededServer(async (db) => {
    const marie = await db.selectFrom('accounts').select(['id', 'profile_id']).where('identifiant', '=', 'marie.dupont').executeTakeFirstOrThrow();
    await sql`insert into documents (profile_id, unique_id, title, category, mime_type, size_bytes, sha256, sha1, author_type, author_id,
        author_label, created_at, updated_at, pinned)
      select ${marie.profile_id}::uuid, 'urn:bench:' || g, 'Compte rendu n° ' || g, (array['BIOLOGIE','CPT_REND','ORD_SOIN','RADIO_SC'])[1 + g % 4],
        'application/pdf', 120000, 'x', 'x', 'HEALTHCARE_PROFESSIONAL', '10100000001', 'Dr Claire Martin',
        now() - g * interval '1 hour', now(), g % 97 = 0
      from generate_series(1, 500) g`.execute(db);
    return marie.id;
  });

  // 2. A forged patient session (what the ticket sign-in would put in the cookie, see lib/auth/nextauth.ts).
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

  // 3. Warm-up, then the measured runs.
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

  failuresOf(results, pages.map((p) => p.label));
}

runBench(main);
