import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { config } from '@/lib/config';
import type { DB } from './schema';

// `date` columns stay 'YYYY-MM-DD' strings: a birth date is a calendar day, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = Kysely<DB>;

export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
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
