import { Worker } from 'bullmq';
import { closeDb, getDb } from '@/db/client';
import { config } from '@/lib/config';
import { createQueue, redisConnection } from '@/lib/queue/connection';
import { relayOutbox } from '@/lib/queue/relay';
import { createMailer } from '@/lib/notifications/mailer';
import { logger } from '@/lib/logger';
import { EMAILS_QUEUE, markEmailFailed, processEmail, type EmailJob } from './emails';
import { IMPORTS_QUEUE, processImport, type ImportJob } from './imports';
import { CAMPAIGNS_QUEUE, processCampaignJob, watchCampaigns, type CampaignJob } from './campaigns';
import { createBulkSender } from '@/lib/notifications/bulk-sender';
import { SCHEDULES_QUEUE, processScheduled, registerSchedules, scheduledNow, type ScheduledJob } from './schedules';
import { DOCUMENTS_QUEUE, processDocumentsJob, type DocumentsJob } from './documents';
import { NOTIFICATIONS_QUEUE, processNotification, type NotificationJob } from './notifications';
import { createChannelProviders } from '@/lib/notifications/channels';

/**
 * The worker process (`npm run worker`): relays the outbox into BullMQ and runs the processors.
 * SIGTERM/SIGINT: stop relaying, let the current job finish, then exit.
 */
const db = getDb();
const connection = redisConnection();
const mailer = createMailer();
const queues = {
  [EMAILS_QUEUE]: createQueue(EMAILS_QUEUE, connection),
  [IMPORTS_QUEUE]: createQueue(IMPORTS_QUEUE, connection),
  [SCHEDULES_QUEUE]: createQueue(SCHEDULES_QUEUE, connection),
  [CAMPAIGNS_QUEUE]: createQueue(CAMPAIGNS_QUEUE, connection),
  [DOCUMENTS_QUEUE]: createQueue(DOCUMENTS_QUEUE, connection),
  [NOTIFICATIONS_QUEUE]: createQueue(NOTIFICATIONS_QUEUE, connection),
};

const emails = new Worker<EmailJob>(EMAILS_QUEUE, async (job) => processEmail(db, mailer, job.data), {
  connection: redisConnection(), prefix: config().QUEUE_PREFIX, concurrency: 8,
});
// One import at a time: each already uses a connection for COPY and the CPU for parsing.
const imports = new Worker<ImportJob>(IMPORTS_QUEUE, async (job) => processImport(db, job.data), {
  connection: redisConnection(), prefix: config().QUEUE_PREFIX, concurrency: 1,
});
imports.on('failed', (job, err) => logger.error({ queue: IMPORTS_QUEUE, jobId: job?.id, err: err.message }, 'import failed'));

// One dispatcher at a time per process: it drives all the SMTP connections of `sender` (more workers, more senders).
const sender = createBulkSender({ smtpUrl: config().SMTP_URL, size: config().CAMPAIGN_SMTP_CONNECTIONS, db });
let dispatching = 0;
const campaigns = new Worker<CampaignJob>(CAMPAIGNS_QUEUE, async (job) => {
  dispatching++;
  try { return await processCampaignJob(db, sender, job.data, () => stopping, () => channelProviders.push); } finally { dispatching--; }
}, { connection: redisConnection(), prefix: config().QUEUE_PREFIX, concurrency: 1 });
campaigns.on('failed', (job, err) => logger.error({ queue: CAMPAIGNS_QUEUE, jobId: job?.id, err: err.message }, 'campaign dispatch failed'));

const documents = new Worker<DocumentsJob>(DOCUMENTS_QUEUE, async (job) => processDocumentsJob(db, job.data), {
  connection: redisConnection(), prefix: config().QUEUE_PREFIX, concurrency: 2,
});
documents.on('failed', (job, err) => logger.error({ queue: DOCUMENTS_QUEUE, jobId: job?.id, err: err.message }, 'documents job failed'));

// NOT-1, NOT-7: notification SMS and push through the configured providers (SMS_PROVIDER, PUSH_PROVIDER).
const channelProviders = createChannelProviders();
const notifications = new Worker<NotificationJob>(NOTIFICATIONS_QUEUE, async (job) => processNotification(db, job.data, new Date(), channelProviders), {
  connection: redisConnection(), prefix: config().QUEUE_PREFIX, concurrency: 8,
});

const schedules = new Worker(SCHEDULES_QUEUE, async (job) => processScheduled(db, job.name as ScheduledJob, scheduledNow(job.data)), {
  connection: redisConnection(), prefix: config().QUEUE_PREFIX, concurrency: 1,
});
schedules.on('failed', (job, err) => logger.error({ queue: SCHEDULES_QUEUE, job: job?.name, err: err.message }, 'scheduled job failed'));
void registerSchedules(queues[SCHEDULES_QUEUE]!).catch((err: Error) => logger.error({ err: err.message }, 'could not register schedules'));

// Redis down or restarted: BullMQ reconnects by itself; an unhandled 'error' event would kill the process.
const onConnectionError = (err: Error) => logger.warn({ err: err.message }, 'queue connection error');
for (const w of [emails, imports, campaigns, documents, schedules, notifications] as Worker[]) w.on('error', onConnectionError);
for (const q of Object.values(queues)) q.on('error', onConnectionError);

/** FAILED marks still being written; shutdown waits for them before closing the pool. */
const pendingMarks = new Set<Promise<unknown>>();
for (const w of [emails, notifications] as Worker<EmailJob>[]) w.on('failed', (job, err) => {
  if (!job) return;
  logger.warn({ queue: w.name, jobId: job.id, attempt: job.attemptsMade, err: err.message }, 'job failed');
  if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
    const marking = markEmailFailed(db, job.data, err.message, job.attemptsMade)
      .catch((e: Error) => logger.error({ err: e.message }, 'could not mark job failed'))
      .finally(() => pendingMarks.delete(marking));
    pendingMarks.add(marking);
  }
});


let stopping = false;
let relaying: Promise<unknown> = Promise.resolve();
const relayEveryMs = Number(process.env.RELAY_INTERVAL_MS ?? 300);
const timer = setInterval(() => {
  if (stopping) return;
  relaying = relayOutbox(db, queues).catch((err: Error) => logger.error({ err: err.message }, 'relay failed'));
}, relayEveryMs);

// Campaign watchdog: an idle worker picks up campaigns whose queue state was lost (see watchCampaigns).
const watchEveryMs = config().CAMPAIGN_WATCHDOG_MS;
const watchdog = setInterval(() => {
  if (stopping || dispatching > 0) return;
  watchCampaigns(db, queues[CAMPAIGNS_QUEUE]!, new Date(), watchEveryMs)
    .catch((err: Error) => logger.error({ err: err.message }, 'campaign watchdog failed'));
}, watchEveryMs);

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing current jobs');
  clearInterval(timer);
  clearInterval(watchdog);
  await relaying;
  await Promise.all([emails.close(), imports.close(), schedules.close(), campaigns.close(), documents.close(), notifications.close()]); // waits for the jobs in progress
  await Promise.all(pendingMarks);
  await Promise.all(Object.values(queues).map((q) => q.close()));
  connection.disconnect();
  mailer.close();
  sender.close();
  await closeDb();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
logger.info({ queues: Object.keys(queues) }, 'worker ready');
