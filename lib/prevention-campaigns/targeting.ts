import { sql, type RawBuilder } from 'kysely';
import type { Db } from '@/db/client';
import { parisDay } from '@/lib/campaigns/window';
import type { CampaignRules } from './rules';

/** PRV-9: at most one prevention message per profile per 7 days. */
export const FREQUENCY_CAP_DAYS = 7;

/**
 * PRV-6, PRV-8, PRV-9: the profiles a campaign reaches, as one SQL fragment (`from … where …`, alias `p`
 * for the profile, `ip` for its insured-population row) shared by the preview count and the delivery,
 * so the count shown is the count delivered.
 * - ACTIVE profiles only (NOT-5, PRV-9: nothing for a CREATED, closed or suspended profile);
 * - age in completed years on the Europe/Paris day (PRV-5), sex from the profile, département from the
 *   insured population;
 * - reimbursement history from care_episodes only: never documents (so never an `invisible_patient`
 *   one), never a minor's confidential care (not stored, HIS-6);
 * - minus opted-out profiles (PRV-8) and profiles messaged in the last 7 days (PRV-9).
 */
export function targetFrom(rules: CampaignRules, now: Date): RawBuilder<unknown> {
  const today = parisDay(now);
  const conditions: RawBuilder<unknown>[] = [sql`p.state = 'ACTIVE'`];
  // Completed years: born on or before today minus minAge years, and after today minus (maxAge + 1) years.
  if (rules.minAge !== null) conditions.push(sql`p.birth_date <= (${today}::date - make_interval(years => ${rules.minAge}::int))::date`);
  if (rules.maxAge !== null) conditions.push(sql`p.birth_date > (${today}::date - make_interval(years => ${rules.maxAge + 1}::int))::date`);
  if (rules.sex !== null) conditions.push(sql`p.sex = ${rules.sex}::int`);
  if (rules.departements.length > 0) conditions.push(sql`ip.departement = any(${rules.departements}::text[])`);
  if (rules.history) {
    const since = sql`(${today}::date - make_interval(months => ${rules.history.months}::int))::date`;
    const episode = sql`exists (select 1 from care_episodes e where e.profile_id = p.id and e.category = ${rules.history.category} and e.care_date > ${since})`;
    conditions.push(rules.history.present ? episode : sql`not ${episode}`);
  }
  conditions.push(sql`not exists (select 1 from prevention_opt_outs o where o.profile_id = p.id)`);
  conditions.push(sql`not exists (select 1 from prevention_messages m where m.profile_id = p.id
    and m.created_at > ${new Date(now.getTime() - FREQUENCY_CAP_DAYS * 86_400_000)})`);
  return sql`from profiles p left join insured_people ip on ip.nir = p.nir where ${sql.join(conditions, sql` and `)}`;
}

/** PRV-7: the matched facts kept with each message, only for the criteria the rules use. */
export function criteriaColumns(rules: CampaignRules, now: Date): RawBuilder<unknown> {
  const today = parisDay(now);
  return sql`jsonb_build_object(
    'age', ${rules.minAge !== null || rules.maxAge !== null ? sql`extract(year from age(${today}::date, p.birth_date))::int` : sql`null`},
    'sex', ${rules.sex !== null ? sql`p.sex` : sql`null`},
    'departement', ${rules.departements.length > 0 ? sql`ip.departement` : sql`null`},
    'history', ${rules.history ? JSON.stringify(rules.history) : null}::jsonb)`;
}

/** BO: the preview count, from the same SQL as the delivery. */
export async function countTargets(db: Db, rules: CampaignRules, now: Date): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n ${targetFrom(rules, now)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
