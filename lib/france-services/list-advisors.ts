import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { NotFoundError } from '@/lib/errors';
import { advisorState, decodeAdvisorCursor, encodeAdvisorCursor, isUuid, type AdvisorState } from './advisor-rules';

export type AdvisorSummary = {
  id: string; name: string; email: string; siteId: string; siteName: string; state: AdvisorState;
  createdAt: Date; lastLoginAt: Date | null; deactivatedAt: Date | null;
};
export type AdvisorPage = { items: AdvisorSummary[]; nextCursor?: string };
export type SiteOption = { id: string; name: string; commune: string; departement: string };

export const ADVISORS_PAGE_SIZE = 25;

const base = (db: Db) => db.selectFrom('staff_users').innerJoin('france_services_sites as site', 'site.id', 'staff_users.site_id')
  .select(['staff_users.id', 'staff_users.display_name', 'staff_users.email', 'staff_users.site_id', 'site.name as site_name',
    'staff_users.created_at', 'staff_users.last_login_at', 'staff_users.password_set_at', 'staff_users.deactivated_at'])
  .select(sql<string>`lower(staff_users.display_name)`.as('sort_name'))
  .where('staff_users.kind', '=', 'ADVISOR');

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const summary = (r: Row): AdvisorSummary => ({
  id: r.id, name: r.display_name, email: r.email, siteId: r.site_id!, siteName: r.site_name, createdAt: r.created_at,
  lastLoginAt: r.last_login_at, deactivatedAt: r.deactivated_at,
  state: advisorState({ passwordSetAt: r.password_set_at, deactivatedAt: r.deactivated_at }),
});

/**
 * FS-1: the back-office list of advisor accounts, by name, optionally for one site; a keyset cursor on
 * (lower(name), id) pages through it (DESIGN.md: lists that can grow). Staff only; advisors have no list of
 * anyone (FS-1: no person search).
 */
export async function listAdvisors(db: Db, actor: Actor, input: { siteId?: string; after?: string }, now: Date): Promise<AdvisorPage> {
  await ensureStaff(db, actor, 'advisor.read', 'advisor.list', now);
  const cursor = decodeAdvisorCursor(input.after);
  let q = base(db);
  if (input.siteId && isUuid(input.siteId)) q = q.where('staff_users.site_id', '=', input.siteId);
  if (cursor) {
    q = q.where((eb) => eb(eb.refTuple(sql<string>`lower(staff_users.display_name)`, 'staff_users.id'), '>', eb.tuple(cursor.n, cursor.id)));
  }
  const rows = await q.orderBy(sql`lower(staff_users.display_name)`).orderBy('staff_users.id').limit(ADVISORS_PAGE_SIZE + 1).execute();
  const items = rows.slice(0, ADVISORS_PAGE_SIZE);
  const last = rows.length > ADVISORS_PAGE_SIZE ? rows[ADVISORS_PAGE_SIZE - 1] : undefined;
  return { items: items.map(summary), nextCursor: last ? encodeAdvisorCursor({ n: last.sort_name, id: last.id }) : undefined };
}

/** FS-1: one advisor account, for its detail page. Staff only. */
export async function getAdvisor(db: Db, actor: Actor, id: string, now: Date): Promise<AdvisorSummary> {
  await ensureStaff(db, actor, 'advisor.read', 'advisor.read', now);
  if (!isUuid(id)) throw new NotFoundError('Conseiller');
  const row = await base(db).where('staff_users.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Conseiller');
  return summary(row);
}

/** The France Services sites, for the site filter and the creation form. */
export async function listSites(db: Db): Promise<SiteOption[]> {
  return db.selectFrom('france_services_sites').select(['id', 'name', 'commune', 'departement']).orderBy('name').orderBy('id').execute();
}
