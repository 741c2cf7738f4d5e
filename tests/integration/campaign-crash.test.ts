import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, describe, expect, inject, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { applyCampaignCommand, createCampaign } from '@/lib/campaigns/manage';
import { campaignProgress } from '@/lib/campaigns/progress';
import { aStaffMember } from '../factories';
import { anInsuredPopulation, type InsuredPerson } from '../factories/population';
import { childProcesses } from '../support/children';
import { startCountingSmtp, type CountingSmtp } from '../support/counting-smtp';
import { freePort, ownQueuePrefix, portOpen, waitFor } from '../support/wait';

/**
 * Crash safety of a campaign (issue #4, CMP-9): 10 000 recipients against a real SMTP server; the worker
 * is killed with SIGKILL, or Redis is restarted, in the middle. Every recipient receives exactly one
 * notice (counted at the SMTP server) and the back-office counts match.
 */
const db = getDb();
const RECIPIENTS = 10_000;
const { children, killAll } = childProcesses();
const sinks: CountingSmtp[] = [];
afterEach(killAll);
afterAll(async () => {
  await killAll();
  await Promise.all(sinks.map((s) => s.close()));
  await closeDb();
});

function startWorker(env: Record<string, string>, log: string[]): ChildProcess {
  // node itself (not the tsx wrapper, which would leave its child running after a SIGKILL).
  const worker = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], {
    env: { ...process.env, RELAY_INTERVAL_MS: '100', CAMPAIGN_LEASE_MS: '2000', CAMPAIGN_WATCHDOG_MS: '1000', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout!.on('data', (c: Buffer) => log.push(c.toString()));
  worker.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
  children.push(worker);
  return worker;
}

function startRedis(port: number): ChildProcess {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  children.push(redis);
  return redis;
}

async function aLaunchedCampaign(departement: string): Promise<{ campaignId: string; people: InsuredPerson[] }> {
  const people = await anInsuredPopulation(db, { departement, count: RECIPIENTS, email: (i) => `crash.${departement}.${i}@exemple.test` });
  const agent = await aStaffMember(db);
  const { campaignId } = await createCampaign(db, agent, { name: `Crash ${departement}`, departements: [departement], birthsSince: null }, new Date());
  await applyCampaignCommand(db, agent, campaignId, 'start', new Date());
  return { campaignId, people };
}

async function expectExactlyOnce(sink: CountingSmtp, campaignId: string, people: InsuredPerson[], log: string[]) {
  await waitFor('the campaign to finish', async () => {
    const c = await db.selectFrom('campaigns').select('status').where('id', '=', campaignId).executeTakeFirstOrThrow();
    return c.status === 'DONE';
  }, 120_000, 250).catch((e: Error) => { throw new Error(`${e.message}\n${log.join('').slice(-3000)}`); });
  const counts = sink.countsByRecipient();
  const wrong = people.filter((p) => counts.get(p.email!) !== 1).map((p) => `${p.email}: ${counts.get(p.email!) ?? 0}`);
  if (wrong.length > 0) {
    const statuses = await db.selectFrom('campaign_recipients').select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('campaign_id', '=', campaignId).groupBy('status').execute();
    throw new Error(`${wrong.length} recipients wrong, e.g. ${wrong.slice(0, 5).join(', ')}; statuses ${JSON.stringify(statuses)}\n${log.join('').slice(-4000)}`);
  }
  // (The worker also relays other tests' leftover outbox emails to this server: count our recipients only.)
  expect(people.reduce((n, p) => n + (counts.get(p.email!) ?? 0), 0)).toBe(RECIPIENTS);
  const progress = await campaignProgress(db, await aStaffMember(db), campaignId, new Date());
  expect(progress.counts).toMatchObject({ selected: RECIPIENTS, sent: RECIPIENTS, queued: 0, sending: 0, failed: 0 });
  const pendingWithoutWindow = await db.selectFrom('profiles').innerJoin('campaign_recipients as r', 'r.profile_id', 'profiles.id')
    .select((eb) => eb.fn.countAll<string>().as('n')).where('r.campaign_id', '=', campaignId).where('profiles.opposition_deadline', 'is', null)
    .executeTakeFirstOrThrow();
  expect(Number(pendingWithoutWindow.n)).toBe(0); // CMP-4: every notified profile has its window
  return progress.counts;
}

describe('issue #4 crash safety: a campaign of 10 000 recipients', () => {
  test('CMP-9: kill -9 of the worker mid-way, then a restart — exactly one notice per recipient', { timeout: 240_000 }, async () => {
    const sink = await startCountingSmtp();
    sinks.push(sink);
    const env = { SMTP_URL: sink.url, QUEUE_PREFIX: ownQueuePrefix(inject('queuePrefix'), 'crash') };
    const log: string[] = [];
    const { campaignId, people } = await aLaunchedCampaign('05');
    const first = startWorker(env, log);
    await waitFor('3 000 notices', () => sink.total() >= 3000, 120_000, 20);
    // The worst moment: messages handed over up to their final dot, the server's "250" not yet sent.
    sink.stall();
    await new Promise((r) => setTimeout(r, 300));
    first.kill('SIGKILL');
    await new Promise<void>((r) => first.once('exit', () => r()));
    const atKill = sink.total();
    expect(atKill).toBeLessThan(RECIPIENTS);

    const fresh = await startCountingSmtp(); // the stalled server's sessions are dead; a new server keeps counting
    sinks.push(fresh);
    startWorker({ ...env, SMTP_URL: fresh.url }, log);
    const counts = await expectExactlyOnce(merged(sink, fresh), campaignId, people, log);
    // The messages caught between their final dot and the "250" were settled as sent, not sent again.
    expect(counts.uncertain).toBeGreaterThan(0);
  });

  test('CMP-9: Redis restarted mid-way (queue state lost) — exactly one notice per recipient', { timeout: 240_000 }, async () => {
    const sink = await startCountingSmtp();
    sinks.push(sink);
    const port = await freePort();
    let redis = startRedis(port);
    const redisUrl = `redis://127.0.0.1:${port}`;
    await waitFor('redis to listen', () => portOpen(port), 5000);
    const log: string[] = [];
    const { campaignId, people } = await aLaunchedCampaign('06');
    startWorker({ SMTP_URL: sink.url, REDIS_URL: redisUrl, QUEUE_PREFIX: '{mes-redis-restart}' }, log);
    await waitFor('3 000 notices', () => sink.total() >= 3000, 120_000, 20);
    redis.kill('SIGKILL');
    await new Promise<void>((r) => redis.once('exit', () => r()));
    await new Promise((r) => setTimeout(r, 500));
    redis = startRedis(port);
    await expectExactlyOnce(sink, campaignId, people, log);
  });
});

/** Counts at two servers, as one (the first one stalled when the worker died). */
function merged(a: CountingSmtp, b: CountingSmtp): CountingSmtp {
  return {
    url: b.url,
    total: () => a.total() + b.total(),
    countsByRecipient: () => {
      const m = new Map(a.countsByRecipient());
      for (const [k, v] of b.countsByRecipient()) m.set(k, (m.get(k) ?? 0) + v);
      return m;
    },
    stall: () => b.stall(),
    close: async () => {},
  };
}
