import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { EMAILS_QUEUE } from '@/jobs/emails';
import { redisConnection } from '@/lib/queue/connection';
import { aPendingPerson } from '../factories';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { ownQueuePrefix } from '../support/wait';

/**
 * DESIGN.md "Outbox, then queue" / jobs/worker.ts: SIGTERM lets the job in progress finish, then the
 * process exits 0 — a deploy never cuts a notice in half nor sends it twice. The real worker process
 * runs against a test SMTP server that takes 1.5 s to accept our person's notice.
 */
const db = getDb();
const prefix = ownQueuePrefix(inject('queuePrefix'), 'worker');
const SLOW_ACCEPT_MS = 1500;
let sink: SmtpSink;
let child: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const connection = redisConnection(inject('redisUrl'));
  const queue = new Queue(EMAILS_QUEUE, { connection, prefix });
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  connection.disconnect();
  await sink?.close();
  await closeDb();
});

test('SIGTERM during a send: the worker finishes the notice, which arrives once, then exits 0 (CMP-9)', { timeout: 30_000 }, async () => {
  const person = await aPendingPerson(db);
  sink.beforeAccept = async (to) => {
    if (to.includes(person.email)) await new Promise((r) => setTimeout(r, SLOW_ACCEPT_MS));
  };
  const dataStarted = sink.dataStarted(person.email);

  const worker = spawn(path.resolve('node_modules/.bin/tsx'), ['jobs/worker.ts'], {
    env: { ...process.env, SMTP_URL: sink.url, QUEUE_PREFIX: prefix, RELAY_INTERVAL_MS: '100', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = worker;
  worker.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  worker.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    worker.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });

  let timer: NodeJS.Timeout | undefined;
  const started = await Promise.race([
    dataStarted,
    exited.then(() => Promise.reject(new Error(`worker exited before sending:\n${output}`))),
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no notice reached SMTP in 20 s:\n${output}`)), 20_000); }),
  ]).finally(() => clearTimeout(timer));
  const sigtermAt = Date.now();
  worker.kill('SIGTERM');
  const exit = await exited;

  expect(exit, output).toEqual({ code: 0, signal: null, at: expect.any(Number) });
  const received = sink.to(person.email);
  expect(received).toHaveLength(1);
  // The signal came while the server was still holding the message; the process waited for the "250".
  expect(sigtermAt).toBeLessThan(received[0]!.acceptedAt);
  expect(received[0]!.acceptedAt - started).toBeGreaterThanOrEqual(SLOW_ACCEPT_MS - 50);
  expect(exit.at).toBeGreaterThanOrEqual(received[0]!.acceptedAt);
  const row = await db.selectFrom('outbox').select(['status', 'sealed']).where('id', '=', person.outboxId).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'DONE', sealed: null });
  expect(output).toContain('worker stopped');
});
