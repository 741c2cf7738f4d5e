import { createHash } from 'node:crypto';

/** AUD-7: each trace's hash covers its content and the previous trace's hash in the same chain. */
export type ChainedFields = {
  chain_key: string;
  profile_id: string | null;
  at: Date;
  actor_type: string;
  actor_id: string;
  actor_label: string;
  actor_role: string | null;
  profession: string | null;
  site_id: string | null;
  on_behalf_of: string | null;
  mode: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  reason: string | null;
  channel: string;
};

const ORDER: (keyof ChainedFields)[] = [
  'chain_key', 'profile_id', 'at', 'actor_type', 'actor_id', 'actor_label', 'actor_role', 'profession',
  'site_id', 'on_behalf_of', 'mode', 'action', 'target_type', 'target_id', 'outcome', 'reason', 'channel',
];

export function traceHash(prevHash: string | null, fields: ChainedFields): string {
  const values = ORDER.map((k) => {
    const v = fields[k];
    return v instanceof Date ? v.toISOString() : v;
  });
  return createHash('sha256').update(JSON.stringify([prevHash, ...values])).digest('hex');
}

export type ChainBreak = { id: string; chainKey: string; problem: 'hash' | 'link' };

/** Walks rows of one chain in id order; returns the first row whose hash or link does not hold. */
export function findBreak(rows: (ChainedFields & { id: string; prev_hash: string | null; hash: string })[],
  previousHash: string | null = null): ChainBreak | undefined {
  let prev = previousHash;
  for (const row of rows) {
    if (row.prev_hash !== prev) return { id: row.id, chainKey: row.chain_key, problem: 'link' };
    if (traceHash(prev, row) !== row.hash) return { id: row.id, chainKey: row.chain_key, problem: 'hash' };
    prev = row.hash;
  }
  return undefined;
}
