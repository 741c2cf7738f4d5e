import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createDb } from '@/db/client';
import { SCHEDULES_QUEUE } from '@/jobs/schedules';
import { migrateToLatest } from '@/db/migrate';
import { seed } from '@/db/seed';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { stopChild } from '@/lib/runtime/services';
import { startProSanteConnect } from '@/lib/dev/pro-sante-connect/server';
import { startMailSink } from './support/mail-sink';
import { TEST_SECRETS, testRunId, withDatabase } from '../support/test-env';
import { E2E_PORT } from '../../playwright.config';
import { E2E_STATE_FILE, MAIL_DIR, TMP_DIR } from './support/paths';

/**
 * The whole stack for the browser tests: a fresh database (migrated, seeded), a real SMTP server in
 * this process, the local Pro Santé Connect, the production build served by `next start`, the worker.
 */
export default async function globalSetup() {
  const root = process.cwd();
  const run = testRunId();
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = withDatabase(server, `mes_e2e_${run}`);
  await ensureDatabase(databaseUrl);
  const db = createDb(databaseUrl, 2);
  Object.assign(process.env, TEST_SECRETS, { DATABASE_URL: databaseUrl });
  await migrateToLatest(db);
  await seed(db);
  await db.destroy();

  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  const smtp = await startMailSink(MAIL_DIR);
  const appUrl = `http://localhost:${E2E_PORT}`;
  const psc = await startProSanteConnect({ port: 0, redirectUris: [`${appUrl}/api/auth/callback/psc`] });

  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error('next build failed');
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env, ...TEST_SECRETS, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', APP_URL: appUrl,
    QUEUE_PREFIX: `{mes-e2e-${run}}`, SMTP_URL: smtp.url, PSC_ISSUER: psc.url, RELAY_INTERVAL_MS: '100', LOG_LEVEL: 'warn', WORKER_MOVABLE_CLOCK: '1',
  };
  // Their logs go to tests/.tmp/*.log, read them when a browser test fails.
  const log = (name: string) => openSync(path.join(TMP_DIR, `${name}.log`), 'w');
  const children: ChildProcess[] = [
    spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(E2E_PORT)], { env, stdio: ['ignore', log('web'), log('web')] }),
    spawn(path.join(root, 'node_modules/.bin/tsx'), ['jobs/worker.ts'], { env, stdio: ['ignore', log('worker'), log('worker')] }),
  ];
  await waitForHealth(`${appUrl}/api/health`);
  await waitForWorkerCatchUp(env.REDIS_URL!, env.QUEUE_PREFIX!);
  writeFileSync(E2E_STATE_FILE, JSON.stringify({ databaseUrl, redisUrl: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX }));

  return async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await psc.close();
    await smtp.close();
    if (!process.env.KEEP_TEST_DB) await dropDatabase(databaseUrl);
  };
}

/**
 * The worker's start-up catch-up runs (jobs/schedules.ts registerSchedules) go one at a time on the
 * schedules queue: a test's own scheduled run (worker-clock.ts) would otherwise queue behind them.
 */
async function waitForWorkerCatchUp(redisUrl: string, prefix: string): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(SCHEDULES_QUEUE, { connection, prefix });
  try {
    for (let i = 0; i < 360; i++) {
      const c = await queue.getJobCounts('wait', 'active', 'prioritized', 'completed', 'failed');
      if (c.completed! + c.failed! >= STARTUP_RUNS && c.wait! + c.active! + c.prioritized! === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the worker did not finish its start-up runs in 3 minutes (see tests/.tmp/worker.log)');
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
/** The runs registerSchedules adds once at start. */
const STARTUP_RUNS = 8;

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not become healthy at ${url}`);
}
