/**
 * What the HTTP benchmarks share: the embedded-default services, a fresh migrated and seeded database
 * (dropped at the end), one production build, `next start` on a free port, autocannon, and the exit
 * path (figures printed; exit 1 only on errors).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import type { Db } from '@/db/client';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { resolvePostgres, resolveRedis, stopChild, type Service } from '@/lib/runtime/services';
import { withDatabase } from '../support/test-env';

// autocannon ships no type declarations: load it through require with the little we use typed.
type Histogram = { mean: number; p50: number; p99: number };
export type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; statusCodeStats: Record<string, { count: number }> };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: object) => Promise<Result>;

const root = process.cwd();
export const AUTH_SECRET = 'bench-secret-for-tests-bench-web-only-0123456789';
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

export class BenchError extends Error {}

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

/** Runs a benchmark's main and always cleans up (server, database, services). */
export function runBench(main: () => Promise<void>): void {
  process.on('SIGINT', () => void cleanup(130));
  process.on('SIGTERM', () => void cleanup(143));
  main().then(() => cleanup(0), async (error) => {
    console.error(error instanceof BenchError ? `ÉCHEC : ${error.message}` : error);
    await cleanup(1);
  });
}

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

/**
 * Services (embedded default, like `npm start`), a fresh database migrated and seeded, then `prepare`
 * (the benchmark's own data) and `next start` (built once if needed) with `env` added.
 */
export async function startSeededServer<T>(prepare: (db: Db) => Promise<T>, env: Record<string, string> = {}): Promise<{ base: string; prepared: T }> {
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
  let prepared: T;
  try {
    await migrateToLatest(db);
    await seed(db);
    prepared = await prepare(db);
  } finally {
    await db.destroy();
  }
  console.log(`PostgreSQL : ${pg.source}, base ${name} ; Redis : ${redis.source}`);

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
      APP_URL: base, AUTH_SECRET, DOCUMENT_MASTER_KEY: randomBytes(32).toString('base64'), QUEUE_PREFIX: '{mes-bench}', LOG_LEVEL: 'warn', ...env },
  });
  await waitForHealth(base, next);
  return { base, prepared };
}

export async function measure(url: string, headers: Record<string, string>, duration: number): Promise<Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers, timeout: 30 }); // seconds: a slow answer is a figure, not an error
}

export const fmt = (n: number, d = 0) => n.toFixed(d).padStart(7);
export const verdict = (ok: boolean) => (ok ? 'OK' : 'EN DESSOUS DE LA CIBLE');

/** Non-2xx answers or socket errors during a run are failures of the benchmark, not figures. */
export function failuresOf(results: Result[], labels: string[]): void {
  const failures = results.flatMap((r, i) => (r.non2xx || r.errors
    ? [`${labels[i]!.trim()} : ${r.non2xx} réponses non-2xx (${JSON.stringify(r.statusCodeStats)}), ${r.errors} erreurs dont ${r.timeouts} délais dépassés`] : []));
  if (failures.length) throw new BenchError(`Erreurs pendant la mesure :\n  ${failures.join('\n  ')}`);
}
