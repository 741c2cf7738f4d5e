import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { addDays, lastOppositionDay, parisDay } from '@/lib/campaigns/window';
import { createMailer, type Mailer } from '@/lib/notifications/mailer';
import { DEFAULT_JOB_OPTIONS, redisConnection } from '@/lib/queue/connection';
import { retryFailedJob } from '@/lib/queue/failed-jobs';
import { jobIdOf } from '@/lib/queue/outbox';
import { relayOutbox } from '@/lib/queue/relay';
import { EMAILS_QUEUE, markEmailFailed, processEmail, type EmailJob } from '@/jobs/emails';
import { aPendingPerson, aStaffMember } from '../factories';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { ownQueuePrefix, waitFor } from '../support/wait';

/**
 * DESIGN.md "Outbox, then queue" with the real pieces: the outbox row, the relay, BullMQ on Redis, the
 * email processor and a real SMTP server. Retries are shortened (2 attempts, 50 ms) to keep the run fast.
 */
const db = getDb();
const prefix = ownQueuePrefix(inject('queuePrefix'), 'outbox');
let sink: SmtpSink;
let mailer: Mailer;
let connection: Redis;
let workerConnection: Redis;
let queue: Queue;
let worker: Worker<EmailJob> | undefined;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer(sink.url);
  connection = redisConnection(inject('redisUrl'));
  workerConnection = redisConnection(inject('redisUrl'));
  queue = new Queue(EMAILS_QUEUE, {
    connection, prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: 2, backoff: { type: 'fixed', delay: 50 } },
  });
});

afterAll(async () => {
  await worker?.close();
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  connection?.disconnect();
  workerConnection?.disconnect();
  mailer?.close();
  await sink?.close();
  await closeDb();
});

/** The worker of jobs/worker.ts, in-process: same processor, same "last retry → FAILED" rule. */
function startWorker(): Worker<EmailJob> {
  const w = new Worker<EmailJob>(EMAILS_QUEUE, async (job) => processEmail(db, mailer, job.data), {
    connection: workerConnection, prefix, concurrency: 4,
  });
  w.on('failed', (job, err) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void markEmailFailed(db, job.data, err.message, job.attemptsMade);
  });
  return w;
}

async function outboxRow(id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function queueIdle(): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).every((n) => n === 0);
}

/** "mardi 15 mars 2022": how a French reader sees a calendar day. */
const frenchCalendarDay = (day: string) => new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
}).format(new Date(`${day}T00:00:00Z`));

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('CMP-5, CMP-9: the notice goes out once, through the outbox, the queue and SMTP', () => {
  let person: Awaited<ReturnType<typeof aPendingPerson>>;

  test('CMP-9: relaying twice, or again after a crash before the row was marked, enqueues one job', async () => {
    person = await aPendingPerson(db);
    // Other files' rows may be waiting too, and a relay takes 500 at a time: relay until nothing is left.
    expect(await relayOutbox(db, { [EMAILS_QUEUE]: queue })).toBeGreaterThanOrEqual(1);
    while ((await relayOutbox(db, { [EMAILS_QUEUE]: queue })) > 0);
    expect((await outboxRow(person.outboxId)).status).toBe('ENQUEUED');
    expect(await relayOutbox(db, { [EMAILS_QUEUE]: queue })).toBe(0);

    // The relay died after addBulk, before its UPDATE committed: the row is PENDING again.
    await db.updateTable('outbox').set({ status: 'PENDING', enqueued_at: null }).where('id', '=', person.outboxId).execute();
    expect(await relayOutbox(db, { [EMAILS_QUEUE]: queue })).toBe(1);

    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.filter((j) => j.data.outboxId === person.outboxId)).toHaveLength(1);
    expect(await queue.getJob(jobIdOf(person.outboxId, 0))).toBeDefined();
  });

  test('CMP-9: the worker delivers the notice exactly once and wipes the sealed code', { timeout: 130_000 }, async () => {
    worker = startWorker();
    // The first relay enqueued every email the suite's other files had pending: let the worker get through them.
    await waitFor('the notice row to be DONE', async () => (await outboxRow(person.outboxId)).status === 'DONE', 60_000);
    await waitFor('the queue to be idle', queueIdle, 60_000);

    expect(sink.to(person.email)).toHaveLength(1);
    const row = await outboxRow(person.outboxId);
    expect(row.sealed).toBeNull();
    expect(row.done_at).not.toBeNull();
  });

  test('CMP-5: the notice tells the code provisoire, the DMP link and how to object (3422)', () => {
    const [mail] = sink.to(person.email);
    const text = oneLine(mail!.text);
    expect(mail!.subject).toBe('Votre profil Mon espace santé');
    expect(text).toContain(person.code);
    expect(text).toContain('Dossier Médical Partagé (DMP)');
    expect(text).toContain('3422');
    expect(text).toMatch(/vous y opposer/i);
    expect(text).toMatch(/fermer votre profil/i);
    expect(mail!.outboxId).toBe(person.outboxId);
  });

  test('CMP-4: the last opposition day is the sending day + 42 days, written in French, and stored on the profile', async () => {
    const profile = await db.selectFrom('profiles').select(['notice_sent_at', 'opposition_deadline'])
      .where('id', '=', person.profileId).executeTakeFirstOrThrow();
    expect(profile.notice_sent_at).not.toBeNull();
    const sentDay = parisDay(profile.notice_sent_at!);
    const deadline = String(profile.opposition_deadline);
    expect(deadline).toBe(addDays(sentDay, 42));
    expect(deadline).toBe(lastOppositionDay(profile.notice_sent_at!));
    expect((Date.parse(deadline) - Date.parse(sentDay)) / 86_400_000).toBe(42);
    expect(oneLine(sink.to(person.email)[0]!.text)).toContain(`jusqu’au ${frenchCalendarDay(deadline)} inclus`);
  });

  test('CMP-9: running the job again on a DONE row sends nothing', async () => {
    const before = sink.messages.length;
    expect(await processEmail(db, mailer, { outboxId: person.outboxId })).toBe('skipped');
    expect(sink.messages.length).toBe(before);
    expect(sink.to(person.email)).toHaveLength(1);
  });
});

describe('BO-9, CMP-9: a send that keeps failing ends FAILED, and staff retry it under a new job id', () => {
  test('BO-9: SMTP refuses the address → retries run out → FAILED with the error, the code kept sealed', async () => {
    worker ??= startWorker();
    const person = await aPendingPerson(db);
    sink.refuse = (address) => address === person.email;
    try {
      await relayOutbox(db, { [EMAILS_QUEUE]: queue });
      const failed = await waitFor('the row to be FAILED', async () => {
        const row = await outboxRow(person.outboxId);
        return row.status === 'FAILED' ? row : undefined;
      });
      expect(failed.attempts).toBe(2);
      expect(failed.last_error).toMatch(/550|refus|reject/i);
      expect(failed.sealed).not.toBeNull(); // the code is still there for the retry
      expect(sink.to(person.email)).toHaveLength(0);
      const profile = await db.selectFrom('profiles').select(['notice_sent_at', 'opposition_deadline'])
        .where('id', '=', person.profileId).executeTakeFirstOrThrow();
      expect(profile).toEqual({ notice_sent_at: null, opposition_deadline: null }); // CMP-4: not sent, no window yet
      expect((await queue.getJob(jobIdOf(person.outboxId, 0)))?.failedReason).toMatch(/550|refus/i);
    } finally {
      sink.refuse = () => false;
    }

    const agent = await aStaffMember(db);
    await retryFailedJob(db, agent, person.outboxId, new Date());
    const retried = await outboxRow(person.outboxId);
    expect([retried.status, retried.generation, retried.last_error]).toEqual(['PENDING', 1, null]);

    await relayOutbox(db, { [EMAILS_QUEUE]: queue });
    expect(jobIdOf(person.outboxId, 1)).not.toBe(jobIdOf(person.outboxId, 0));
    await waitFor('the retried row to be DONE', async () => (await outboxRow(person.outboxId)).status === 'DONE');
    await waitFor('the queue to be idle', queueIdle);

    expect(await queue.getJob(jobIdOf(person.outboxId, 1))).toBeDefined();
    expect(sink.to(person.email)).toHaveLength(1);
    expect(oneLine(sink.to(person.email)[0]!.text)).toContain(person.code);
    expect((await outboxRow(person.outboxId)).sealed).toBeNull();
  });

  test('BO-9: only CNAM staff may retry, and a row that is not FAILED cannot be retried', async () => {
    const person = await aPendingPerson(db);
    await expect(retryFailedJob(db, { kind: 'ENROLMENT' }, person.outboxId, new Date())).rejects.toMatchObject({ code: 'access.denied' });
    const agent = await aStaffMember(db);
    await expect(retryFailedJob(db, agent, person.outboxId, new Date())).rejects.toMatchObject({ code: 'not-found' });
    const row = await outboxRow(person.outboxId);
    expect([row.status, row.generation]).toEqual(['PENDING', 0]);
  });
});
