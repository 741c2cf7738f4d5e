import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { DomainError, NotFoundError, ValidationError } from '@/lib/errors';
import { DEPARTEMENTS } from '@/lib/population/departements';
import { isUuid } from './advisor-rules';

/**
 * FS-1: the France Services sites advisors belong to. Any CNAM agent sees them; only a supervisor creates or
 * edits one (the policy's 'advisor.manage', like the advisor accounts), each change traced in its transaction.
 */

const DEPARTEMENT_MESSAGE = 'Saisissez un code de département valide : deux chiffres (par exemple 23), 2A ou 2B pour la Corse, ou 971, 972, 973, 974 ou 976 pour l’outre-mer.';

const text = (missing: string, max: number) =>
  z.string({ error: missing }).trim().transform((s) => s.replace(/\s+/g, ' ')).pipe(
    z.string().min(1, missing).max(max, `Ce champ ne peut pas dépasser ${max} caractères.`));

/** FS-1: the back-office form of a site (creation and edition). */
export const siteInput = z.object({
  name: text('Saisissez le nom de l’espace France Services.', 120),
  commune: text('Saisissez la commune de l’espace France Services.', 80),
  departement: z.string({ error: 'Saisissez le code du département.' }).trim().toUpperCase()
    .min(1, 'Saisissez le code du département.')
    .refine((d) => d !== '20', 'Le code 20 n’existe plus : saisissez 2A (Corse-du-Sud) ou 2B (Haute-Corse).')
    .refine((d) => d === '20' || DEPARTEMENTS.has(d), DEPARTEMENT_MESSAGE),
});
export type SiteInput = z.input<typeof siteInput>;

export class SiteNameTakenError extends DomainError {
  constructor(commune: string, sameCommune: boolean) {
    super('site.name-taken', sameCommune
      ? `Un espace France Services porte déjà ce nom à ${commune}. Choisissez un autre nom, par exemple avec le quartier.`
      : `Un espace France Services porte déjà exactement ce nom, à ${commune}. Ajoutez la commune ou le quartier au nom pour les distinguer.`, 'name');
  }
}

export type SiteSummary = { id: string; name: string; commune: string; departement: string; activeAdvisors: number };

function parse(input: SiteInput) {
  const parsed = siteInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError('site.invalid', issue.message, String(issue.path[0] ?? 'name'));
  }
  return parsed.data;
}

/** The name is unique within the commune without regard to case; an exact name is unique everywhere (foundation). */
async function ensureNameFree(db: Db, site: { name: string; commune: string }, exceptId?: string) {
  let q = db.selectFrom('france_services_sites').select(['commune', sql<boolean>`lower(commune) = lower(${site.commune})`.as('same_commune')])
    .where((eb) => eb.or([
      eb.and([eb(sql`lower(name)`, '=', site.name.toLowerCase()), eb(sql`lower(commune)`, '=', site.commune.toLowerCase())]),
      eb('name', '=', site.name),
    ]));
  if (exceptId) q = q.where('id', '<>', exceptId);
  const clash = await q.orderBy(sql`lower(commune) = lower(${site.commune})`, 'desc').limit(1).executeTakeFirst();
  if (clash) throw new SiteNameTakenError(clash.commune, clash.same_commune);
}

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** The sites with their active advisors (password chosen, not deactivated). */
const summaries = (db: Db) => db.selectFrom('france_services_sites as site')
  .select(['site.id', 'site.name', 'site.commune', 'site.departement'])
  .select((eb) => eb.selectFrom('staff_users as a').select(eb.fn.countAll<string>().as('n'))
    .whereRef('a.site_id', '=', 'site.id').where('a.kind', '=', 'ADVISOR').where('a.deactivated_at', 'is', null)
    .where('a.password_set_at', 'is not', null).as('active'));

const summary = (r: { id: string; name: string; commune: string; departement: string; active: string | null }): SiteSummary =>
  ({ id: r.id, name: r.name, commune: r.commune, departement: r.departement, activeAdvisors: Number(r.active ?? 0) });

/** FS-1: the sites, by name, with their number of active advisors. Staff only. */
export async function listSitesWithAdvisors(db: Db, actor: Actor, now: Date): Promise<SiteSummary[]> {
  await ensureStaff(db, actor, 'advisor.read', 'france-services-site.list', now);
  const rows = await summaries(db).orderBy(sql`lower(site.name)`).orderBy('site.id').execute();
  return rows.map(summary);
}

/** FS-1: one site, for its page. Staff only. */
export async function getSite(db: Db, actor: Actor, id: string, now: Date): Promise<SiteSummary> {
  await ensureStaff(db, actor, 'advisor.read', 'france-services-site.read', now);
  const row = isUuid(id) ? await summaries(db).where('site.id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw new NotFoundError('Espace France Services');
  return summary(row);
}

/** FS-1: a supervisor adds a site, so its advisors can be given accounts. Traced in the same transaction. */
export async function createSite(db: Db, actor: Actor, input: SiteInput, now: Date): Promise<{ id: string }> {
  await ensureStaff(db, actor, 'advisor.manage', 'france-services-site.create', now);
  const site = parse(input);
  await ensureNameFree(db, site);
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('france_services_sites').values({ ...site, created_at: now, updated_at: now })
        .returning('id').executeTakeFirstOrThrow();
      await recordAccess(trx, { actor, action: 'france-services-site.create', profileId: null, target: { type: 'france_services_site', id }, at: now, channel: 'BACKOFFICE' });
      return { id };
    });
  } catch (error) {
    // Two supervisors creating the same site at once: the unique indexes decide.
    if (uniqueViolation(error)) throw new SiteNameTakenError(site.commune, true);
    throw error;
  }
}

/** FS-1: a supervisor renames a site or corrects its commune or département. Traced in the same transaction. */
export async function updateSite(db: Db, actor: Actor, input: SiteInput & { id: string }, now: Date): Promise<void> {
  await ensureStaff(db, actor, 'advisor.manage', 'france-services-site.update', now);
  if (!isUuid(input.id)) throw new NotFoundError('Espace France Services');
  const site = parse(input);
  await ensureNameFree(db, site, input.id);
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('france_services_sites').set({ ...site, updated_at: now })
        .where('id', '=', input.id).returning('id').executeTakeFirst();
      if (!row) throw new NotFoundError('Espace France Services');
      await recordAccess(trx, { actor, action: 'france-services-site.update', profileId: null, target: { type: 'france_services_site', id: row.id }, at: now, channel: 'BACKOFFICE' });
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new SiteNameTakenError(site.commune, true);
    throw error;
  }
}
