import { sql, type RawBuilder } from 'kysely';
import { LIVE_AIDANT_LINK } from '@/lib/aidants/live-links';

/**
 * NOT-7, AID-4: the accounts a profile's prevention teaser and push go to — its holder, its representatives
 * with an active link and its aidants with a live link (accepted, aidé ACTIVE) — as the body of a CTE with
 * columns (account_id, profile_id, holder) over a CTE `source` yielding `profile_id`.
 * The lateral subqueries (limit / offset 0: not flattened) make one index probe per profile instead of a
 * hash join over every account at each batch.
 */
export function recipientsOf(source: string): RawBuilder<unknown> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/i.test(source)) throw new Error(`recipientsOf: invalid SQL name ${source}`);
  const s = sql.id(source);
  return sql`
    select a.account_id, s.profile_id, true as holder from ${s} s
      cross join lateral (select id as account_id from accounts where profile_id = s.profile_id limit 1) a
    union all
    select rp.account_id, s.profile_id, false from ${s} s
      cross join lateral (select account_id from representations where profile_id = s.profile_id and revoked_at is null offset 0) rp
    union all
    select ai.account_id, s.profile_id, false from ${s} s
      cross join lateral (select l.aidant_account_id as account_id from aidant_links l join profiles ap on ap.id = l.aided_profile_id
        where l.aided_profile_id = s.profile_id and ${LIVE_AIDANT_LINK} offset 0) ai`;
}

/**
 * At sending time: does the account still reach the profile (holder, active representative, live aidant)?
 * A representative or aidant whose link ended since the fan-out gets nothing (REP-6, AID-6).
 */
export function stillReaches(account: RawBuilder<string>, profile: RawBuilder<string>): RawBuilder<boolean> {
  return sql<boolean>`(exists (select 1 from accounts h where h.id = ${account} and h.profile_id = ${profile})
    or exists (select 1 from representations r where r.account_id = ${account} and r.profile_id = ${profile} and r.revoked_at is null)
    or exists (select 1 from aidant_links l join profiles ap on ap.id = l.aided_profile_id
      where l.aidant_account_id = ${account} and l.aided_profile_id = ${profile} and ${LIVE_AIDANT_LINK}))`;
}
