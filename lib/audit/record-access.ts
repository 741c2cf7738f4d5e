import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
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
  channel?: 'WEB' | 'BACKOFFICE' | 'PRO' | 'WORKER' | 'PHONE' | 'API';
  at: Date;
};

/** Traces without a profile (staff sign-ins, refusals before a profile is known) share one chain. */
const GLOBAL_CHAIN = 'global';

/** AUD-2 actor fields from our actor (AUD-3: staff and advisors are SUPPORT). */
function actorFields(actor: Actor): Pick<ChainedFields, 'actor_type' | 'actor_id' | 'actor_label' | 'actor_role' | 'profession' | 'site_id'> {
  switch (actor.kind) {
    case 'PATIENT':
      return { actor_type: 'PATIENT', actor_id: actor.accountId, actor_label: actor.name, actor_role: null, profession: null, site_id: null };
    case 'PROFESSIONAL':
      // PRO-2: a facility user is traced as the facility, naming the human user (label and RPPS in actor_role).
      if (actor.facility) {
        return { actor_type: 'HEALTHCARE_FACILITY', actor_id: actor.facility.id, actor_label: `${actor.facility.name} — ${actor.name}`,
          actor_role: `RPPS ${actor.rpps}`, profession: actor.professionLabel, site_id: null };
      }
      return { actor_type: 'HEALTHCARE_PROFESSIONAL', actor_id: actor.rpps, actor_label: actor.name, actor_role: null, profession: actor.professionLabel, site_id: null };
    case 'STAFF':
      return { actor_type: 'SUPPORT', actor_id: actor.staffId, actor_label: actor.name, actor_role: actor.role, profession: null, site_id: null };
    case 'ADVISOR':
      return { actor_type: 'SUPPORT', actor_id: actor.staffId, actor_label: actor.name, actor_role: 'ADVISOR', profession: null, site_id: actor.siteId };
    case 'ENROLMENT':
      return { actor_type: 'ENROLMENT', actor_id: 'enrolment', actor_label: 'Activation en ligne', actor_role: null, profession: null, site_id: null };
    case 'PUBLIC':
      return { actor_type: 'PATIENT', actor_id: 'web', actor_label: 'Vous (démarche en ligne, sans connexion)', actor_role: null, profession: null, site_id: null };
    case 'SYSTEM':
      return { actor_type: 'SYSTEM', actor_id: actor.job, actor_label: 'Assurance Maladie (traitement automatique)', actor_role: null, profession: null, site_id: null };
    case 'SERVICE':
      return { actor_type: 'SERVICE_TIERS', actor_id: actor.serviceId, actor_label: actor.name, actor_role: null, profession: null, site_id: null };
  }
}

/** The chained fields of one trace (AUD-2); mode ASSISTED for advisors unless said otherwise. */
function traceFields(input: TraceInput): ChainedFields {
  const denied = input.decision && !input.decision.allowed ? input.decision.code : input.denied;
  return {
    chain_key: input.profileId ?? GLOBAL_CHAIN,
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
    // CNAM agents only ever act through the back-office; everyone else defaults to the website.
    channel: input.channel ?? (input.actor.kind === 'STAFF' ? 'BACKOFFICE' : 'WEB'),
  };
}

/**
 * Writers of one chain are serialised by a transaction-scoped advisory lock on the chain's bucket
 * (1 of 1024): a batch of thousands of profiles then needs at most 1024 locks, never one per profile.
 */
const LOCK_CLASS = 7301;
const BUCKETS = 1024;

async function lockChains(trx: Transaction<DB>, chainKeys: string[]): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, b) from (
    select distinct abs(hashtext(k)) % ${BUCKETS} as b from unnest(${chainKeys}::text[]) k order by b) buckets`.execute(trx);
}

/** The newest hash of a profile's chain: one probe of (profile_id, id desc), whatever the table's size. */
const lastHashOfProfile = (profileId: RawBuilder<unknown>) =>
  sql`(select e.hash from access_events e where e.profile_id = ${profileId} order by e.id desc limit 1)`;

/** The same for any chain key (a profile id, or the global chain of traces without a profile). */
const lastHashOf = (chainKey: RawBuilder<unknown>) => sql`case when ${chainKey} = ${GLOBAL_CHAIN}
  then (select e.hash from access_events e where e.profile_id is null order by e.id desc limit 1)
  else ${lastHashOfProfile(sql`${chainKey}::uuid`)} end`;

/**
 * AUD-1: writes one trace in the caller's transaction, so the trace and the action commit or roll
 * back together. Traces of one profile form a hash chain; events without a profile share one chain.
 */
export async function recordAccess(trx: Transaction<DB> | Kysely<DB>, input: TraceInput): Promise<void> {
  await recordAccesses(trx, [input]);
}

/** The same for many traces at once (set-based jobs): one lock round, one read, chunked inserts. */
export async function recordAccesses(trx: Transaction<DB> | Kysely<DB>, inputs: TraceInput[]): Promise<void> {
  if (inputs.length === 0) return;
  // One trace: one statement, in the caller's transaction or as its own (append_trace locks, reads, hashes, inserts).
  if (inputs.length === 1) return appendOne(trx, traceFields(inputs[0]!));
  // The chain lock lasts for a transaction: never append outside one.
  if (!trx.isTransaction) return trx.transaction().execute((t) => recordAccesses(t, inputs));
  const rows = inputs.map(traceFields);
  const chainKeys = [...new Set(rows.map((r) => r.chain_key))];
  await lockChains(trx as Transaction<DB>, chainKeys);
  const last = await sql<{ chain_key: string; hash: string | null }>`
    select k.chain_key, ${lastHashOf(sql`k.chain_key`)} as hash from unnest(${chainKeys}::text[]) as k(chain_key)`.execute(trx);
  const previous = new Map(last.rows.filter((r) => r.hash).map((r) => [r.chain_key, r.hash as string]));
  const values = rows.map((fields) => {
    const prev = previous.get(fields.chain_key) ?? null;
    const hash = traceHash(prev, fields);
    previous.set(fields.chain_key, hash);
    return { ...fields, outcome: fields.outcome as 'OK' | 'DENIED', prev_hash: prev, hash };
  });
  // Many rows: one statement. A column with one value for every row (actor, action, channel...) goes
  // as a single parameter, the others as one array each (a VALUES list would need 19 parameters a row).
  const same = (k: TraceColumn) => values.every((v) => sameValue(v[k], values[0]![k]));
  const columns = TRACE_COLUMNS.map(([k, type]) => ({ k, type, constant: same(k) }));
  const varying = columns.filter((c) => !c.constant);
  const arrays = sql.join(varying.map((c) => sql`${values.map((v) => v[c.k])}::${sql.raw(c.type)}[]`));
  const selected = sql.join(columns.map((c) => (c.constant ? sql`${values[0]![c.k]}::${sql.raw(c.type)}` : sql.ref(`u.${c.k}`))));
  await sql`insert into access_events (${sql.join(columns.map((c) => sql.ref(c.k)))})
    select ${selected} from unnest(${arrays}) as u(${sql.join(varying.map((c) => sql.ref(c.k)))})`.execute(trx);
}

/** One trace through the database's `append_trace` (migration 202611291930): lock, previous hash, hash, insert. */
async function appendOne(trx: Transaction<DB> | Kysely<DB>, f: ChainedFields): Promise<void> {
  await sql`select append_trace(${f.chain_key}, ${f.profile_id}::uuid, ${f.at}::timestamptz, ${f.actor_type}, ${f.actor_id},
    ${f.actor_label}, ${f.actor_role}, ${f.profession}, ${f.site_id}::uuid, ${f.on_behalf_of}, ${f.mode}, ${f.action},
    ${f.target_type}, ${f.target_id}, ${f.outcome}, ${f.reason}, ${f.channel})`.execute(trx);
}

type TraceColumn = keyof ChainedFields | 'prev_hash' | 'hash';
const TRACE_COLUMNS: [TraceColumn, string][] = [
  ['chain_key', 'text'], ['profile_id', 'uuid'], ['at', 'timestamptz'], ['actor_type', 'text'], ['actor_id', 'text'],
  ['actor_label', 'text'], ['actor_role', 'text'], ['profession', 'text'], ['site_id', 'uuid'], ['on_behalf_of', 'text'],
  ['mode', 'text'], ['action', 'text'], ['target_type', 'text'], ['target_id', 'text'], ['outcome', 'text'], ['reason', 'text'],
  ['channel', 'text'], ['prev_hash', 'text'], ['hash', 'text'],
];
const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * The same trace appended to the chain of each of many profiles (set-based jobs: window close...):
 * hashed by the database's `trace_hash`, equal to traceHash(), so no row travels through the worker.
 * Each profile must appear once.
 */
export async function recordTraceOnProfiles(trx: Transaction<DB>, input: Omit<TraceInput, 'profileId'>, profileIds: string[]): Promise<void> {
  if (profileIds.length === 0) return;
  await lockChains(trx, profileIds);
  const f = traceFields({ ...input, profileId: null });
  await sql`insert into access_events (chain_key, profile_id, at, actor_type, actor_id, actor_label, actor_role, profession,
      site_id, on_behalf_of, mode, action, target_type, target_id, outcome, reason, channel, prev_hash, hash)
    select t.chain_key, t.profile_id, t.at, t.actor_type, t.actor_id, t.actor_label, t.actor_role, t.profession, t.site_id,
      t.on_behalf_of, t.mode, t.action, t.target_type, t.target_id, t.outcome, t.reason, t.channel, t.prev_hash,
      trace_hash(t.prev_hash, t.chain_key, t.profile_id, t.at, t.actor_type, t.actor_id, t.actor_label, t.actor_role,
        t.profession, t.site_id, t.on_behalf_of, t.mode, t.action, t.target_type, t.target_id, t.outcome, t.reason, t.channel)
    from (select p.id::text as chain_key, p.id as profile_id, ${f.at}::timestamptz as at, ${f.actor_type}::text as actor_type,
        ${f.actor_id}::text as actor_id, ${f.actor_label}::text as actor_label, ${f.actor_role}::text as actor_role,
        ${f.profession}::text as profession, ${f.site_id}::uuid as site_id, ${f.on_behalf_of}::text as on_behalf_of,
        ${f.mode}::text as mode, ${f.action}::text as action, ${f.target_type}::text as target_type,
        ${f.target_id}::text as target_id, ${f.outcome}::text as outcome, ${f.reason}::text as reason,
        ${f.channel}::text as channel, ${lastHashOfProfile(sql`p.id`)} as prev_hash
      from unnest(${profileIds}::uuid[]) as p(id)) t`.execute(trx);
}
