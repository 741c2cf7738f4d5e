import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MissingServiceError, resolvePostgres, resolveRedis, type Service } from '@/lib/runtime/services';
import { testRunId } from './support/test-env';

/**
 * `npm test`: typecheck, lint, unit, integration (real PostgreSQL + Redis), production build, E2E
 * (Playwright + system Chromium). Services follow the embedded default. The last line is the sum:
 * "N passed, N failed".
 */
const root = process.cwd();
const tmp = path.join(root, 'tests', '.tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
let passed = 0;
let failed = 0;
const services: Service[] = [];

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env, cwd: root });
  console.log(`  ${title} : ${result.status === 0 ? 'OK' : 'ÉCHEC'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.status === 0;
}

function countCheck(ok: boolean) {
  if (ok) passed++; else failed++;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

async function main() {
  const dataDir = path.join(root, '.data');
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir, database: 'postgres' });
  services.push(pg);
  const redis = await resolveRedis({ env: process.env.REDIS_URL, dataDir });
  services.push(redis);
  const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
  const env: NodeJS.ProcessEnv = {
    ...process.env, TEST_DATABASE_URL: pg.url, TEST_REDIS_URL: redis.url, MES_TEST_RUN: testRunId(),
    NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;

  countCheck(step('Vérification des types (tsc)', bin('tsc'), ['--noEmit'], env));
  countCheck(step('Analyse statique (eslint)', bin('eslint'), ['.'], env));

  const vitestJson = path.join(tmp, 'vitest.json');
  const vitestOk = step('Tests unitaires et d’intégration (vitest)', bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], env);
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestJson);
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1);
  } else failed++;

  const built = step('Construction de production (next build)', bin('next'), ['build'], { ...env, NODE_ENV: 'production' });
  countCheck(built);
  if (built) {
    const e2eOk = step('Tests de bout en bout (Playwright, Chromium, axe)', bin('playwright'), ['test'], env);
    const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(path.join(tmp, 'e2e-results.json'));
    if (e2e) {
      passed += e2e.stats.expected;
      failed += e2e.stats.unexpected + e2e.stats.flaky + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1);
    } else failed++;
  }
}

main()
  .catch((error) => {
    console.error(error instanceof MissingServiceError ? error.message : error);
    failed++;
  })
  .finally(async () => {
    for (const s of services) await s.stop().catch(() => {});
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  });
