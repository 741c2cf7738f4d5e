/**
 * Professional API benchmark (`npm run bench:pro-api`): production `next start` against a fresh seeded
 * database; a patient holding 500 documents; the demo facility software (OAuth client credentials) searching
 * `DocumentReference?patient=` for an authorised doctor it declares (X-Facility-User) — the whole path:
 * token check, identity, the gate, the policy on every document, the page, the trace. The same query with
 * the trace skipped (benchmark-only mode: the server runs with MES_BENCH_MODE=1 and the request says
 * X-Bench-Skip-Audit) is measured in the same run. Targets (issue #6): ≥ 300 req/s on 2 cores at 50
 * connections; audit overhead ≤ 20 %. BENCH_DURATION and BENCH_CONNECTIONS override the load.
 */
import { sql } from 'kysely';
import { DEMO } from '@/db/seed';
import { upsertProfessional } from '@/lib/auth/professional-login';
import { BenchError, CONNECTIONS, DURATION, failuresOf, fmt, measure, runBench, startSeededServer, verdict, type Result } from './next-server';

const TARGET = { rps: 300, overhead: 0.2 };
const USER = { rpps: '10100000099', given: 'Nadia', family: 'Benchmark' };
const software = DEMO.apiClients.find((c) => c.facility)!;

async function main() {
  const { base, prepared: profileId } = await startSeededServer(async (db) => {
    const marie = await db.selectFrom('profiles').select('id').where('birth_name', '=', 'DUPONT').where('first_names', '=', 'Marie Claire').executeTakeFirstOrThrow();
    // The declared user as the API will write them (PRO-2), authorised by consent (PRO-5).
    const pro = await upsertProfessional(db, { sub: `8${USER.rpps}`, SubjectNameID: `8${USER.rpps}`, given_name: USER.given, family_name: USER.family,
      SubjectRefPro: { exercices: [{ codeProfession: '10', activites: [{ numeroFinessEtablissement: software.facility!.finess, raisonSocialeSite: software.facility!.name }] }] } }, null);
    await db.insertInto('professional_authorisations').values({ profile_id: marie.id, professional_id: pro.id, basis: 'CONSENT', care_team_ground: null,
      granted_at: new Date(), last_attested_at: new Date(), ended_at: null, ended_by: null }).execute();
    // 500 documents, set-based (the search reads rows, not files): a mix of types, a few masked by another author.
    await sql`insert into documents (profile_id, unique_id, title, category, type_code, document_date, mime_type, size_bytes, sha256, sha1,
        author_type, author_id, author_label, created_at, updated_at, masque_ps, mask_origin)
      select ${marie.id}::uuid, 'urn:bench:' || g, 'Document n° ' || g,
        (array['CPT_REND','BIOLOGIE','ORD_SOIN','RADIO_SC'])[1 + g % 4], (array['11488-4','11502-2','57833-6','18748-4'])[1 + g % 4],
        current_date - g, 'application/pdf', 120000, repeat('a', 64), repeat('b', 40), 'HEALTHCARE_PROFESSIONAL', '10100000001', 'Dr Claire Martin',
        now() - g * interval '1 hour', now(), g % 50 = 0, case when g % 50 = 0 then 'INDIVIDUAL' end
      from generate_series(1, 500) g`.execute(db);
    return marie.id;
  }, { MES_BENCH_MODE: '1' });

  const tokenResponse = await fetch(`${base}/api/oauth/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: software.clientId, client_secret: software.clientSecret }),
  });
  if (tokenResponse.status !== 200) throw new BenchError(`Jeton refusé : ${tokenResponse.status} ${await tokenResponse.text()}`);
  const { access_token: token } = await tokenResponse.json() as { access_token: string };
  const headers = { authorization: `Bearer ${token}`, accept: 'application/fhir+json',
    'x-facility-user': `rpps=${USER.rpps}; name=${USER.given} ${USER.family}; profession=10` };
  const url = `${base}/api/fhir/r4/DocumentReference?patient=${profileId}`;
  const probe = await fetch(url, { headers });
  const bundle = await probe.json() as { resourceType?: string; total?: number; entry?: unknown[] };
  if (probe.status !== 200 || bundle.resourceType !== 'Bundle') throw new BenchError(`Recherche refusée : ${probe.status} ${JSON.stringify(bundle).slice(0, 300)}`);
  console.log(`Recherche : ${bundle.total} documents visibles, ${bundle.entry?.length ?? 0} par page.`);

  // The floor of this machine for a route handler: the CapabilityStatement (no token, no database).
  const runs = [
    { label: 'metadata (référence, sans base)', url: `${base}/api/fhir/r4/metadata`, headers: { accept: 'application/fhir+json' } },
    { label: 'recherche, trace écrite        ', url, headers },
    { label: 'recherche, trace omise (banc)  ', url, headers: { ...headers, 'x-bench-skip-audit': '1' } },
  ];
  console.log(`Échauffement (3 s), puis ${DURATION} s par mesure à ${CONNECTIONS} connexions…`);
  for (const r of runs) await measure(r.url, r.headers, 3);
  const results: Result[] = [];
  for (const r of runs) results.push(await measure(r.url, r.headers, DURATION));
  console.log(`\n${' '.repeat(31)}    req/s   p50 ms   p99 ms  non-2xx  erreurs`);
  results.forEach((r, i) => console.log(`${runs[i]!.label}  ${fmt(r.requests.mean)}  ${fmt(r.latency.p50)}  ${fmt(r.latency.p99)}  ${fmt(r.non2xx)}  ${fmt(r.errors)}`));
  const [floor, audited, skipped] = results as [Result, Result, Result];
  const overhead = 1 - audited.requests.mean / skipped.requests.mean;
  console.log(`\n  recherche / référence sans base : ${(audited.requests.mean / floor.requests.mean).toFixed(2)}`);
  console.log(`  ≥ ${TARGET.rps} req/s (trace écrite)     ${fmt(audited.requests.mean)} req/s   ${verdict(audited.requests.mean >= TARGET.rps)}`);
  console.log(`  surcoût de la trace ≤ ${TARGET.overhead * 100} %       ${fmt(overhead * 100, 1)} %       ${verdict(overhead <= TARGET.overhead)}`);
  failuresOf(results, runs.map((r) => r.label));
}

runBench(main);
