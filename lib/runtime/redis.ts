import { Redis } from 'ioredis';
import { config } from '@/lib/config';

let shared: Redis | undefined;

/** The process-wide Redis client for rate limits (not BullMQ, which opens its own connections). */
export function getRedis(): Redis {
  shared ??= new Redis(config().REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return shared;
}

export async function closeRedis(): Promise<void> {
  if (shared) await shared.quit();
  shared = undefined;
}
