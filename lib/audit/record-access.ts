import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import type { Decision } from '@/lib/access/policy';
import { traceHash, type ChainedFields } from './chain';

export type TraceMode = 'NORMAL' | 'EMERGENCY' | 'REGULATION' | 'ASSISTED' | 'SECRET';
export type TraceInput = {
  actor: Actor;
  action: string;
  profileId: string | null;
  target?: { type: string; id: string };
  decision?: Decision;
  /** A refusal that did not come from the policy (wrong code, wrong password, refused transition). */
  denied?: string;
  mode?: TraceMode;
  channel?: 'WEB' | 'BACKOFFICE' | 'PRO' | 'WORKER' | 'PHONE';
  at: Date;
};

/** AUD-2 actor fields from our actor (AUD-3: staff and advisors are SUPPORT). */
function actorFields(actor: Actor): Pick<ChainedFields, 'actor_type' | 'actor_id' | 'actor_label' | 'actor_role' | 'profession' | 'site_id'> {
  switch (actor.kind) {
    case 'PATIENT':
      return { actor_type: 'PATIENT', actor_id: actor.accountId, actor_label: actor.name, actor_role: null, profession: null, site_id: null };
    case 'PROFESSIONAL':
      return { actor_type: 'HEALTHCARE_PROFESSIONAL', actor_id: actor.rpps, actor_label: actor.name, actor_role: null, profession: actor.professionLabel, site_id: null };
    case 'STAFF':
      return { actor_type: 'SUPPORT', actor_id: actor.staffId, actor_label: actor.name, actor_role: actor.role, profession: null, site_id: null };
    case 'ADVISOR':
      return { actor_type: 'SUPPORT', actor_id: actor.staffId, actor_label: actor.name, actor_role: 'ADVISOR', profession: null, site_id: actor.siteId };
    case 'ENROLMENT':
      return { actor_type: 'ENROLMENT', actor_id: 'enrolment', actor_label: 'Activation en ligne', actor_role: null, profession: null, site_id: null };
    case 'SYSTEM':
      return { actor_type: 'SYSTEM', actor_id: actor.job, actor_label: 'Assurance Maladie (traitement automatique)', actor_role: null, profession: null, site_id: null };
  }
}

/**
 * AUD-1: writes one trace in the caller's transaction, so the trace and the action commit or roll
 * back together. Traces of one profile form a hash chain; events without a profile share one chain.
 */
export async function recordAccess(trx: Transaction<DB> | Kysely<DB>, input: TraceInput): Promise<void> {
  // The chain lock below lasts for a transaction: never append outside one.
  if (!trx.isTransaction) return trx.transaction().execute((t) => recordAccess(t, input));
  const chainKey = input.profileId ?? 'global';
  // Serialises writers of one chain so two concurrent traces cannot fork it.
  await sql`select pg_advisory_xact_lock(hashtextextended(${chainKey}, 0))`.execute(trx);
  const last = await trx.selectFrom('access_events').select('hash').where('chain_key', '=', chainKey)
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  const denied = input.decision && !input.decision.allowed ? input.decision.code : input.denied;
  const fields: ChainedFields = {
    chain_key: chainKey,
    profile_id: input.profileId,
    at: input.at,
    ...actorFields(input.actor),
    on_behalf_of: null,
    mode: input.mode ?? (input.actor.kind === 'ADVISOR' ? 'ASSISTED' : 'NORMAL'),
    action: input.action,
    target_type: input.target?.type ?? null,
    target_id: input.target?.id ?? null,
    outcome: denied ? 'DENIED' : 'OK',
    reason: denied ?? null,
    channel: input.channel ?? 'WEB',
  };
  const prev = last?.hash ?? null;
  await trx.insertInto('access_events')
    .values({ ...fields, outcome: fields.outcome as 'OK' | 'DENIED', prev_hash: prev, hash: traceHash(prev, fields) })
    .execute();
}
