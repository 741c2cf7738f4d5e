import type { Db } from '@/db/client';
import { findBreak, type ChainBreak } from './chain';

/** AUD-7: re-computes every chain, page by page (keyset), and reports the rows that do not hold. */
export async function verifyChains(db: Db, pageSize = 5000): Promise<{ checked: number; breaks: ChainBreak[] }> {
  const lastHash = new Map<string, string>();
  const broken = new Set<string>();
  const breaks: ChainBreak[] = [];
  let checked = 0;
  let after = '0';
  for (;;) {
    const rows = await db.selectFrom('access_events').selectAll()
      .where('id', '>', after).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      checked++;
      if (broken.has(row.chain_key)) continue;
      const found = findBreak([row], lastHash.get(row.chain_key) ?? null);
      if (found) { breaks.push(found); broken.add(row.chain_key); }
      lastHash.set(row.chain_key, row.hash);
    }
    after = rows[rows.length - 1]!.id;
  }
  return { checked, breaks };
}
