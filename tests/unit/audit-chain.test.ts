import { describe, expect, test } from 'vitest';
import { findBreak, traceHash, type ChainedFields } from '@/lib/audit/chain';

const base: ChainedFields = {
  chain_key: 'p-1', profile_id: 'p-1', at: new Date('2026-11-28T10:00:00.000Z'), actor_type: 'SUPPORT', actor_id: 's-1',
  actor_label: 'Agent', actor_role: 'AGENT', profession: null, site_id: null, on_behalf_of: null, mode: 'NORMAL',
  action: 'profile.create', target_type: 'profile', target_id: 'p-1', outcome: 'OK', reason: null, channel: 'BACKOFFICE',
};

function chain(n: number) {
  const rows = [];
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    const fields = { ...base, at: new Date(base.at.getTime() + i * 1000), action: `action.${i}` };
    const hash = traceHash(prev, fields);
    rows.push({ ...fields, id: String(i + 1), prev_hash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('AUD-7: hash chain of traces', () => {
  test('an intact chain verifies', () => {
    expect(findBreak(chain(5))).toBeUndefined();
  });

  test('the hash covers every field: changing the actor label changes it', () => {
    expect(traceHash(null, base)).not.toBe(traceHash(null, { ...base, actor_label: 'Autre' }));
    expect(traceHash(null, base)).not.toBe(traceHash('x', base));
  });

  test('an edited row is found by its id', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, outcome: 'DENIED' };
    expect(findBreak(rows)).toEqual({ id: '3', chainKey: 'p-1', problem: 'hash' });
  });

  test('a deleted row breaks the link of the next one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findBreak(rows)).toEqual({ id: '3', chainKey: 'p-1', problem: 'link' });
  });

  test('a row re-hashed by an attacker still breaks the following link', () => {
    const rows = chain(4);
    const forged = { ...rows[1]!, actor_label: 'Quelqu’un' };
    rows[1] = { ...forged, hash: traceHash(forged.prev_hash, forged) };
    expect(findBreak(rows)).toEqual({ id: '3', chainKey: 'p-1', problem: 'link' });
  });
});
