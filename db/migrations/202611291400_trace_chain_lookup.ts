import { type Kysely, sql } from 'kysely';

/**
 * Set-based jobs append one trace to each of thousands of chains; hashing them in the database saves
 * shipping every row through the worker. `trace_hash` computes exactly what lib/audit/chain.ts does
 * (sha256 of the JSON array [prev, ...fields], ISO instant in UTC with milliseconds); a test holds the
 * two to the same result. A chain's newest trace is found through (profile_id, id desc), the chain
 * key being the profile id or 'global': one index fewer to maintain on every trace written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index access_events_chain;
    create function trace_hash(prev text, chain_key text, profile_id uuid, at timestamptz, actor_type text,
      actor_id text, actor_label text, actor_role text, profession text, site_id uuid, on_behalf_of text,
      mode text, action text, target_type text, target_id text, outcome text, reason text, channel text)
    returns text language sql stable parallel safe as $$
      select encode(sha256(convert_to('[' || concat_ws(',',
        coalesce(to_json(prev)::text, 'null'), coalesce(to_json(chain_key)::text, 'null'),
        coalesce(to_json(profile_id)::text, 'null'),
        to_json(to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
        coalesce(to_json(actor_type)::text, 'null'), coalesce(to_json(actor_id)::text, 'null'),
        coalesce(to_json(actor_label)::text, 'null'), coalesce(to_json(actor_role)::text, 'null'),
        coalesce(to_json(profession)::text, 'null'), coalesce(to_json(site_id)::text, 'null'),
        coalesce(to_json(on_behalf_of)::text, 'null'), coalesce(to_json(mode)::text, 'null'),
        coalesce(to_json(action)::text, 'null'), coalesce(to_json(target_type)::text, 'null'),
        coalesce(to_json(target_id)::text, 'null'), coalesce(to_json(outcome)::text, 'null'),
        coalesce(to_json(reason)::text, 'null'), coalesce(to_json(channel)::text, 'null')) || ']', 'UTF8')), 'hex')
    $$;
  `.execute(db);
}
