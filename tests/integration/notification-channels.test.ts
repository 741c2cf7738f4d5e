import { randomInt, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { NOTIFICATIONS_QUEUE, processNotification, type NotificationJob } from '@/jobs/notifications';
import type { PatientActor } from '@/lib/access/actor';
import { sinkPushProvider, sinkSmsProvider } from '@/lib/notifications/channels/sink';
import type { ChannelProviders } from '@/lib/notifications/channels';
import { setNotificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { notify } from '@/lib/notifications/notify';
import { redisConnection } from '@/lib/queue/connection';
import { jobIdOf } from '@/lib/queue/outbox';
import { relayOutbox } from '@/lib/queue/relay';
import { aPendingPerson, anActivePatient, type ActivePatient } from '../factories';
import { emailsTo } from '../support/outbox';
import { ownQueuePrefix } from '../support/wait';

/**
 * NOT-1, NOT-2, NOT-4, NOT-5, NOT-7 on the SMS and push channels, with the real outbox, relay and BullMQ
 * queue; the worker's processor is called in-process with a moved clock, the `sink` provider keeping
 * what would have been sent.
 */
const db = getDb();
const prefix = ownQueuePrefix(inject('queuePrefix'), 'notif-channels');
let connection: Redis;
let queue: Queue<NotificationJob>;
const sink: ChannelProviders = { sms: sinkSmsProvider, push: sinkPushProvider };

beforeAll(() => {
  connection = redisConnection(inject('redisUrl'));
  queue = new Queue<NotificationJob>(NOTIFICATIONS_QUEUE, { connection, prefix });
});
afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  connection?.disconnect();
  await closeDb();
});

/** 10:00 in Paris (winter): inside the SMS hours. */
const day = new Date('2026-12-02T09:00:00Z');
const ALL_OFF: ChannelSwitches = { NOTIF_MESSAGE: false, NOTIF_DOCUMENT: false, NOTIF_APPOINTMENT: false, NOTIF_DEPISTAGE: false, NOTIF_SYNCHRONIZED_SERVICE: false };
const ALL_ON = Object.fromEntries(Object.keys(ALL_OFF).map((k) => [k, true])) as ChannelSwitches;
const actorOf = (p: ActivePatient): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });

const aMobile = () => `+336${String(randomInt(1e8)).padStart(8, '0')}`;
async function aPatientWithMobile() {
  const patient = await anActivePatient(db, day);
  const mobile = aMobile();
  await db.updateTable('accounts').set({ mobile }).where('id', '=', patient.accountId).execute();
  return { ...patient, mobile };
}

/** The worker at `now`: relay what is due, then process every job waiting in the queue. */
async function runWorker(now: Date, providers = sink): Promise<void> {
  while ((await relayOutbox(db, { [NOTIFICATIONS_QUEUE]: queue }, 500, now)) > 0);
  for (const job of await queue.getJobs(['waiting'])) {
    await processNotification(db, job.data, now, providers);
    await job.remove();
  }
}

const sinkTo = (recipient: string) => db.selectFrom('notification_sink').selectAll().where('recipient', '=', recipient).orderBy('id').execute();
const smsRowsOf = (accountId: string) => db.selectFrom('outbox').selectAll().where('kind', '=', 'notification-sms')
  .where(sql<string>`payload->>'accountId'`, '=', accountId).orderBy('id').execute();

describe('NOT-1, NOT-7: notification SMS', () => {
  test('NOT-7: an account with a mobile gets the SMS, without the professional nor anything medical', async () => {
    const p = await aPatientWithMobile();
    const result = await notify(db, { profileId: p.profileId, kind: 'NOTIF_DOCUMENT', at: day,
      data: { actorLabel: 'Dr Claire Martin, cardiologue', documentId: randomUUID() } });
    expect(result.smsAccountIds).toEqual([p.accountId]);
    expect(result.emailedAccountIds).toEqual([p.accountId]); // the email still goes
    await runWorker(day);
    const sent = await sinkTo(p.mobile);
    expect(sent.map((s) => [s.channel, s.text])).toEqual([['SMS',
      'Mon espace santé : Un professionnel de santé a ajouté ou modifié un document dans votre profil. Connectez-vous à Mon espace santé pour en savoir plus.']]);
    expect(sent[0]!.text).not.toMatch(/Martin|cardio/);
  });

  test('NOT-1: SMS switched off for a kind → no SMS (the email still goes); another kind still sends one', async () => {
    const p = await aPatientWithMobile();
    await setNotificationPreferences(db, actorOf(p), { channel: 'SMS', enabled: { ...ALL_ON, NOTIF_DOCUMENT: false } }, day);
    const result = await notify(db, { profileId: p.profileId, kind: 'NOTIF_DOCUMENT', at: day });
    expect(result.smsAccountIds).toEqual([]);
    expect(await emailsTo(db, p.email, 'notification')).toHaveLength(1);
    await notify(db, { profileId: p.profileId, kind: 'NOTIF_MESSAGE', at: day });
    await runWorker(day);
    expect((await sinkTo(p.mobile)).map((s) => s.text)).toEqual([expect.stringContaining('Un nouveau message est arrivé')]);
  });

  test('NOT-2, NOT-4: a mandatory kind is sent by SMS even with every SMS switched off', async () => {
    const p = await aPatientWithMobile();
    await setNotificationPreferences(db, actorOf(p), { channel: 'SMS', enabled: ALL_OFF }, day);
    await notify(db, { profileId: p.profileId, kind: 'PS_ACCESS', at: day });
    await runWorker(day);
    expect((await sinkTo(p.mobile)).map((s) => s.text)).toEqual([expect.stringContaining('Un professionnel de santé a accédé à votre profil.')]);
  });

  test('no mobile, no SMS', async () => {
    const p = await anActivePatient(db, day);
    expect((await notify(db, { profileId: p.profileId, kind: 'PS_ACCESS', at: day })).smsAccountIds).toEqual([]);
    expect(await smsRowsOf(p.accountId)).toEqual([]);
  });

  test('NOT-7: due at 22:30 Paris, the SMS is held until 08:00 and sent once, across a worker restart', async () => {
    const p = await aPatientWithMobile();
    const evening = new Date('2026-12-02T21:30:00Z'); // 22:30 Paris
    await notify(db, { profileId: p.profileId, kind: 'NOTIF_MESSAGE', at: evening });
    const [row] = await smsRowsOf(p.accountId);
    expect(row!.not_before).toEqual(new Date('2026-12-03T07:00:00Z')); // 08:00 Paris
    expect(await emailsTo(db, p.email, 'notification')).toHaveLength(1); // emails are not held

    // The relay leaves it in the database (no job to lose in Redis), and the worker would not send it early either.
    while ((await relayOutbox(db, { [NOTIFICATIONS_QUEUE]: queue }, 500, new Date('2026-12-02T21:31:00Z'))) > 0);
    expect(await queue.getJob(jobIdOf(row!.id, 0))).toBeUndefined();
    expect(await processNotification(db, { outboxId: row!.id }, new Date('2026-12-03T06:59:00Z'), sink)).toBe('held');
    await runWorker(new Date('2026-12-02T21:31:00Z'));
    await runWorker(new Date('2026-12-03T06:59:00Z')); // 07:59 Paris: still night; then the "worker restarts"
    expect(await sinkTo(p.mobile)).toEqual([]);
    expect((await smsRowsOf(p.accountId))[0]!.status).toBe('PENDING');

    await runWorker(new Date('2026-12-03T07:00:00Z'));
    await runWorker(new Date('2026-12-03T07:05:00Z'));
    expect(await sinkTo(p.mobile)).toHaveLength(1);
    expect((await smsRowsOf(p.accountId))[0]!.status).toBe('DONE');
  });

  test('NOT-7: a held SMS goes to the mobile the account has at 08:00, and to nobody if it was removed', async () => {
    const p = await aPatientWithMobile();
    await notify(db, { profileId: p.profileId, kind: 'NOTIF_MESSAGE', at: new Date('2026-12-02T22:00:00Z') });
    await db.updateTable('accounts').set({ mobile: null }).where('id', '=', p.accountId).execute();
    await runWorker(new Date('2026-12-03T07:00:00Z'));
    expect(await sinkTo(p.mobile)).toEqual([]);
    expect((await smsRowsOf(p.accountId))[0]!.status).toBe('DONE');
  });

  test('idempotent: a crash before commit, a retried job and a relay run twice send one SMS', async () => {
    const p = await aPatientWithMobile();
    await notify(db, { profileId: p.profileId, kind: 'PS_ACCESS', at: day });
    const [row] = await smsRowsOf(p.accountId);
    while ((await relayOutbox(db, { [NOTIFICATIONS_QUEUE]: queue }, 500, day)) > 0);
    // The relay crashed between addBulk and its update: the row is PENDING again, the job id is the same.
    await db.updateTable('outbox').set({ status: 'PENDING' }).where('id', '=', row!.id).execute();
    while ((await relayOutbox(db, { [NOTIFICATIONS_QUEUE]: queue }, 500, day)) > 0);
    expect((await queue.getJobs(['waiting'])).filter((j) => j.data.outboxId === row!.id)).toHaveLength(1);

    // The worker dies after handing the SMS to the provider, before committing: nothing is kept.
    const crashing: ChannelProviders = { ...sink, sms: { name: 'crash', async send(to, text, ctx) {
      await sinkSmsProvider.send(to, text, ctx);
      throw new Error('worker killed');
    } } };
    await expect(processNotification(db, { outboxId: row!.id }, day, crashing)).rejects.toThrow('worker killed');
    expect(await sinkTo(p.mobile)).toEqual([]);
    // BullMQ retries the job, and a duplicate delivery of it finds the row DONE.
    expect(await processNotification(db, { outboxId: row!.id }, day, sink)).toBe('sent');
    expect(await processNotification(db, { outboxId: row!.id }, day, sink)).toBe('skipped');
    await runWorker(day);
    expect(await sinkTo(p.mobile)).toHaveLength(1);
  });
});

describe('NOT-1: notification push', () => {
  test('sent to each registered device of the account, same text as the SMS; switched off → none', async () => {
    const p = await aPatientWithMobile();
    const tokens = [`device-${randomUUID()}`, `device-${randomUUID()}`];
    await db.insertInto('push_devices').values(tokens.map((token) => ({ account_id: p.accountId, token, label: 'Téléphone' }))).execute();
    const result = await notify(db, { profileId: p.profileId, kind: 'NOTIF_APPOINTMENT', at: day });
    expect(result.pushDeviceIds).toHaveLength(2);
    await runWorker(day);
    const [sms] = await sinkTo(p.mobile);
    for (const token of tokens) {
      expect((await sinkTo(token)).map((s) => [s.channel, s.text])).toEqual([['PUSH', sms!.text]]);
    }

    await setNotificationPreferences(db, actorOf(p), { channel: 'PUSH', enabled: { ...ALL_ON, NOTIF_APPOINTMENT: false } }, day);
    expect((await notify(db, { profileId: p.profileId, kind: 'NOTIF_APPOINTMENT', at: day })).pushDeviceIds).toEqual([]);
    await runWorker(day);
    expect(await sinkTo(tokens[0]!)).toHaveLength(1);
  });

  test('no registered device, no push', async () => {
    const p = await aPatientWithMobile();
    expect((await notify(db, { profileId: p.profileId, kind: 'PS_ACCESS', at: day })).pushDeviceIds).toEqual([]);
  });
});

test('NOT-5: nothing by SMS nor push for a CREATED profile, even to a representative with a mobile and a device', async () => {
  const person = await aPendingPerson(db, day);
  const parent = await aPatientWithMobile();
  const token = `device-${randomUUID()}`;
  await db.insertInto('push_devices').values({ account_id: parent.accountId, token, label: null }).execute();
  await db.updateTable('profiles').set({ state: 'CREATED', previous_state: 'PENDING' }).where('id', '=', person.profileId).execute();
  await db.insertInto('representations').values({ account_id: parent.accountId, profile_id: person.profileId, role: 'PARENT_PRINCIPAL',
    granted_at: day, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
  for (const kind of ['PS_ACCESS', 'EMERGENCY_ACCESS', 'NOTIF_DOCUMENT'] as const) await notify(db, { profileId: person.profileId, kind, at: day });
  await runWorker(day);
  expect(await smsRowsOf(parent.accountId)).toEqual([]);
  expect(await sinkTo(parent.mobile)).toEqual([]);
  expect(await sinkTo(token)).toEqual([]);
});
