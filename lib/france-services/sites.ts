import type { Db } from '@/db/client';

/** FS-1: every advisor belongs to one France Services site. */
export async function findSite(db: Db, siteId: string) {
  return db.selectFrom('france_services_sites').select(['name', 'commune', 'departement']).where('id', '=', siteId).executeTakeFirst();
}
