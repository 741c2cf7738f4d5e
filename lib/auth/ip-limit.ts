import { createHash } from 'node:crypto';
import { config } from '@/lib/config';
import { getRedis } from '@/lib/runtime/redis';
import { ActivationRefusedError } from './errors';
import { THROTTLE_MESSAGES_FR, ipActivationGate } from './throttle-rules';

/**
 * The client address as the reverse proxy saw it: the LAST X-Forwarded-For entry is the one our own
 * proxy appended (earlier entries come from the client and can be forged). Without a proxy (local
 * demo) every request shares one bucket; production runs behind a proxy that sets the header.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get('x-real-ip') ?? 'direct';
}

/**
 * ACT-5 per IP: 20 activation tries per rolling hour, counted in Redis (shared by every web
 * instance). The IP is stored hashed; the set expires with its window.
 */
export async function limitActivationByIp(ip: string, now: Date): Promise<void> {
  const redis = getRedis();
  const key = `${config().QUEUE_PREFIX}:act-ip:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;
  const hourAgo = now.getTime() - 3600_000;
  const [, , tries] = (await redis.multi()
    .zremrangebyscore(key, 0, hourAgo)
    .zadd(key, now.getTime(), `${now.getTime()}-${Math.random()}`)
    .zrange(key, 0, -1, 'WITHSCORES')
    .pexpire(key, 3600_000)
    .exec()) ?? [];
  const values = (tries?.[1] as string[] | undefined) ?? [];
  const times = values.filter((_, i) => i % 2 === 1).map((s) => new Date(Number(s)));
  // The current try is in `times`; the gate refuses the 21st.
  const gate = ipActivationGate(times.slice(0, -1), now);
  if (!gate.allowed) throw new ActivationRefusedError('activation.ip-limit', THROTTLE_MESSAGES_FR.ipLimit(gate.retryAt, now));
}
