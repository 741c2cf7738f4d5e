import type { TestProject } from 'vitest/node';
import { createDb } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { TEST_SECRETS, testRunId, withDatabase } from '../support/test-env';

/** A fresh database per run (DESIGN.md), migrated once; dropped at the end. */
export default async function setup(project: TestProject) {
  const run = testRunId();
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = withDatabase(server, `mes_it_${run}`);
  await ensureDatabase(url);
  const db = createDb(url, 2);
  await migrateToLatest(db);
  await db.destroy();
  project.provide('databaseUrl', url);
  project.provide('redisUrl', process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  project.provide('queuePrefix', `{mes-it-${run}}`);
  return async () => {
    if (!process.env.KEEP_TEST_DB) await dropDatabase(url);
  };
}

declare module 'vitest' {
  export interface ProvidedContext { databaseUrl: string; redisUrl: string; queuePrefix: string }
}
export { TEST_SECRETS };
