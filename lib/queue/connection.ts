import { Queue, type QueueOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { config } from '@/lib/config';

/** BullMQ needs `maxRetriesPerRequest: null` on its connections (STACK.md). */
export function redisConnection(url = config().REDIS_URL): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** Retries with exponential backoff; completed and failed jobs kept long enough to dedup and inspect. */
export const DEFAULT_JOB_OPTIONS: QueueOptions['defaultJobOptions'] = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createQueue(name: string, connection: Redis, prefix = config().QUEUE_PREFIX): Queue {
  return new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
}
