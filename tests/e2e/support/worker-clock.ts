import { readFileSync } from 'node:fs';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { SCHEDULES_QUEUE, type ScheduledJob } from '@/jobs/schedules';
import { E2E_STATE_FILE } from './paths';

/**
 * Runs one scheduled job on the E2E worker as if the clock showed `at` (the worker runs with
 * WORKER_MOVABLE_CLOCK=1, jobs/schedules.ts `scheduledNow`), and waits for its result.
 */
export async function runScheduledAt<T>(name: ScheduledJob, at: Date): Promise<T> {
  const { redisUrl, queuePrefix } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { redisUrl: string; queuePrefix: string };
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(SCHEDULES_QUEUE, { connection, prefix: queuePrefix });
  const events = new QueueEvents(SCHEDULES_QUEUE, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix: queuePrefix });
  try {
    await events.waitUntilReady();
    const job = await queue.add(name, { at: at.toISOString() }, { jobId: `e2e-${name}-${at.getTime()}-${Math.random().toString(36).slice(2)}` });
    return (await job.waitUntilFinished(events, 90_000)) as T;
  } finally {
    await events.close();
    await queue.close();
    connection.disconnect();
  }
}
