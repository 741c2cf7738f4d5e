import { sql, type RawBuilder } from 'kysely';

/**
 * AID-4, AID-6: the condition under which an aidant link gives access, for `aidant_links l` joined to the
 * aidé's profile `ap`: accepted, the aidé's profile ACTIVE (a suspended aidé's links pause and resume when
 * the suspension is lifted), and not closed since the acceptance (a profile closed then re-opened has a
 * later `activated_at`: the delegation ended with the closure, CLO-3). Read at every session build and
 * by NOT-7's recipients, so a revocation, a suspension or a closure takes effect at once.
 */
export const LIVE_AIDANT_LINK: RawBuilder<boolean> = sql<boolean>`(l.status = 'ACCEPTED' and ap.state = 'ACTIVE'
  and coalesce(ap.activated_at, '-infinity'::timestamptz) <= l.responded_at)`;

/** The aidés an account reaches as an aidant now (AID-4), for the session's `aidedProfileIds`. */
export function liveAidedProfileIds(accountId: RawBuilder<string> | string): RawBuilder<string[]> {
  const account = typeof accountId === 'string' ? sql`${accountId}::uuid` : accountId;
  return sql<string[]>`array(select l.aided_profile_id from aidant_links l join profiles ap on ap.id = l.aided_profile_id
    where l.aidant_account_id = ${account} and ${LIVE_AIDANT_LINK} order by l.responded_at)`;
}
