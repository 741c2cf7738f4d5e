import { Migrator, type MigrationProvider, type Kysely } from 'kysely';
import { migrations } from './migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations; throws on the first failure (each migration is one transaction). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

if (process.argv[1]?.endsWith('migrate.ts')) {
  const { getDb, closeDb } = await import('./client');
  const applied = await migrateToLatest(getDb());
  console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base de données à jour.');
  await closeDb();
}
