import { sql } from 'kysely';
import { getDb } from '@/db/client';
import { getRedis } from '@/lib/runtime/redis';

/** Load-balancer probe: 200 when PostgreSQL and Redis both answer, 503 otherwise. */
export async function GET() {
  const check = async (fn: () => Promise<unknown>) => {
    try {
      await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return 'ok';
    } catch {
      return 'indisponible';
    }
  };
  const [postgres, redis] = await Promise.all([
    check(() => sql`select 1`.execute(getDb())),
    check(() => getRedis().ping()),
  ]);
  const ok = postgres === 'ok' && redis === 'ok';
  return Response.json({ status: ok ? 'ok' : 'dégradé', postgres, redis }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
