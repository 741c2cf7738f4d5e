import { type Kysely, sql } from 'kysely';

/**
 * AUD-1, AUD-7: one trace appended to its chain in one statement. The chain's bucket lock (the same as
 * lib/audit/record-access.ts lockChains: class 7301, 1 of 1024) is taken first; the insert then runs
 * under a fresh snapshot (each statement of a VOLATILE function takes one), so it reads the chain's
 * latest committed hash, and `trace_hash` computes the new one. Outside a transaction the statement is
 * its own transaction: a professional's read is traced in one round trip instead of four.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function append_trace(p_chain_key text, p_profile_id uuid, p_at timestamptz, p_actor_type text, p_actor_id text,
      p_actor_label text, p_actor_role text, p_profession text, p_site_id uuid, p_on_behalf_of text, p_mode text, p_action text,
      p_target_type text, p_target_id text, p_outcome text, p_reason text, p_channel text)
    returns void language plpgsql volatile as $$
    declare prev text;
    begin
      perform pg_advisory_xact_lock(7301, abs(hashtext(p_chain_key)) % 1024);
      if p_chain_key = 'global' then
        select e.hash into prev from access_events e where e.profile_id is null order by e.id desc limit 1;
      else
        select e.hash into prev from access_events e where e.profile_id = p_chain_key::uuid order by e.id desc limit 1;
      end if;
      insert into access_events (chain_key, profile_id, at, actor_type, actor_id, actor_label, actor_role, profession, site_id,
        on_behalf_of, mode, action, target_type, target_id, outcome, reason, channel, prev_hash, hash)
      values (p_chain_key, p_profile_id, p_at, p_actor_type, p_actor_id, p_actor_label, p_actor_role, p_profession, p_site_id,
        p_on_behalf_of, p_mode, p_action, p_target_type, p_target_id, p_outcome, p_reason, p_channel, prev,
        trace_hash(prev, p_chain_key, p_profile_id, p_at, p_actor_type, p_actor_id, p_actor_label, p_actor_role, p_profession,
          p_site_id, p_on_behalf_of, p_mode, p_action, p_target_type, p_target_id, p_outcome, p_reason, p_channel));
    end $$;
  `.execute(db);
}
