import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { config } from '@/lib/config';
import type { DB } from './schema';

// `date` columns stay 'YYYY-MM-DD' strings: a birth date is a calendar day, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = Kysely<DB>;

const pools = new WeakMap<Db, pg.Pool>();

export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool behind a handle, for what Kysely does not do (COPY streams). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Kysely instance was not created by createDb');
  return pool;
}

let shared: Db | undefined;

/** The process-wide database handle (one pool per process), created on first use. */
export function getDb(): Db {
  shared ??= createDb(config().DATABASE_URL);
  return shared;
}

export async function closeDb(): Promise<void> {
  if (shared) await shared.destroy();
  shared = undefined;
}
