import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { processScheduled } from '@/jobs/schedules';
import type { PatientActor } from '@/lib/access/actor';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { nirKey } from '@/lib/identity/nir';
import { applyPreventionCommand, createPreventionCampaign, startDuePreventionCampaigns } from '@/lib/prevention-campaigns/manage';
import { markPreventionMessagesRead } from '@/lib/prevention-campaigns/messages';
import type { CampaignRules } from '@/lib/prevention-campaigns/rules';
import { runPreventionCampaign } from '@/lib/prevention-campaigns/run-campaign';
import { preventionCampaignStatistics } from '@/lib/prevention-campaigns/statistics';
import { createBulkSender } from '@/lib/notifications/bulk-sender';
import { sinkPushProvider } from '@/lib/notifications/channels/sink';
import { aStaffMember } from '../factories';

const db = getDb();
afterAll(() => closeDb());
const sender = createBulkSender({ smtpUrl: undefined, size: 2, db });

const NO_RULES: CampaignRules = { minAge: null, maxAge: null, sex: null, departements: [], history: null };
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

let counter = randomInt(0, 400_000);
/** An ACTIVE profile with its insured-population row (département) and a holder account with an email. */
async function aProfile(departement: string, birthDate: string, now: Date) {
  const n = counter++;
  const body = `2${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}97${String(n).padStart(6, '0')}`;
  const nir = body + nirKey(body);
  await db.insertInto('insured_people').values({ nir, vitale_serial: '12345678901', birth_name: 'PLANIFIE', first_names: `Claude${n}`, birth_date: birthDate,
    sex: 2, birth_place: '75056', departement, email: null, mobile: null, postal_address: null, parent_nir: null, ase: false,
    has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const profile = await db.insertInto('profiles').values({ nir, vitale_serial: '12345678901', birth_name: 'PLANIFIE', first_names: `Claude${n}`,
    birth_date: birthDate, sex: 2, birth_place: '75056', email: null, kind: 'ADULT', state: 'ACTIVE', previous_state: null,
    state_changed_at: now, notice_sent_at: null, opposition_deadline: null, activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const account = await db.insertInto('accounts').values({ profile_id: profile.id, identifiant: `prvbo.${n}`, password_hash: 'x', email: `prvbo.${n}@exemple.test`,
    email_verified_at: now, locked_until: null, last_login_at: null }).returning('id').executeTakeFirstOrThrow();
  const actor: PatientActor = { kind: 'PATIENT', accountId: account.id, name: 'Claude PLANIFIE', ownProfileId: profile.id, representedProfileIds: [] };
  return { id: profile.id, actor };
}

async function aCampaign(rules: CampaignRules, now: Date) {
  const agent = await aStaffMember(db);
  const { campaignId } = await createPreventionCampaign(db, agent, {
    name: 'Rappel vaccinal dTP', title: 'Votre rappel diphtérie, tétanos, poliomyélite', body: 'Un rappel est recommandé à votre âge.',
    teaser: 'Un nouveau message de prévention vous attend dans Mon espace santé.', rules }, now);
  return { agent, campaignId };
}

const campaign = (id: string) => db.selectFrom('prevention_campaigns').select(['status', 'scheduled_at', 'started_at', 'targeted', 'delivered'])
  .where('id', '=', id).executeTakeFirstOrThrow();
const dispatches = (id: string) => db.selectFrom('outbox').select('id').where('kind', '=', 'campaign-dispatch')
  .where(sql<boolean>`payload->>'campaignId' = ${id}`).execute();

// The scheduler starts every due campaign of the database: these tests live in 2019 so that no other file's
// scheduled campaign (all later) is started by them.
describe('PRV-6: scheduled prevention campaigns and the minute scheduler (jobs/schedules.ts)', () => {
  test('PRV-6: a scheduled campaign starts when due, not a minute before; the scheduler fixes its target count and enqueues its run', async () => {
    const now = new Date('2019-03-04T08:00:00Z');
    await aProfile('52', '1950-02-10', now);
    await aProfile('52', '1951-07-01', now);
    const { agent, campaignId } = await aCampaign({ ...NO_RULES, departements: ['52'], minAge: 60, maxAge: 69 }, now);
    const at = new Date('2019-03-04T09:30:00Z'); // 10:30 in Paris
    await applyPreventionCommand(db, agent, campaignId, 'schedule', now, { scheduledAt: at });
    expect(await campaign(campaignId)).toMatchObject({ status: 'SCHEDULED', scheduled_at: at, targeted: null });

    await processScheduled(db, 'start-due-campaigns', minutes(at, -1));
    expect(await campaign(campaignId)).toMatchObject({ status: 'SCHEDULED', started_at: null });
    expect(await dispatches(campaignId)).toHaveLength(0);

    await processScheduled(db, 'start-due-campaigns', at);
    expect(await campaign(campaignId)).toMatchObject({ status: 'RUNNING', started_at: at, targeted: 2 });
    expect(await dispatches(campaignId)).toHaveLength(1);
    const trace = await db.selectFrom('access_events').select(['actor_type', 'channel']).where('action', '=', 'prevention.campaign.start')
      .where('target_id', '=', campaignId).execute();
    expect(trace).toEqual([{ actor_type: 'SYSTEM', channel: 'WORKER' }]);

    // The next minute's tick (or a second worker) starts nothing again.
    expect(await startDuePreventionCampaigns(db, minutes(at, 1))).toBe(0);
    expect(await dispatches(campaignId)).toHaveLength(1);
  });

  test('PRV-6: cancelled or unscheduled before its time, a campaign never starts; another due the same minute still does', async () => {
    const now = new Date('2019-05-06T07:00:00Z');
    await aProfile('55', '1980-01-01', now);
    const rules = { ...NO_RULES, departements: ['55'] };
    const at = new Date('2019-05-06T08:00:00Z');
    const cancelled = await aCampaign(rules, now);
    const unscheduled = await aCampaign(rules, now);
    const kept = await aCampaign(rules, now);
    for (const c of [cancelled, unscheduled, kept]) await applyPreventionCommand(db, c.agent, c.campaignId, 'schedule', now, { scheduledAt: at });

    await applyPreventionCommand(db, cancelled.agent, cancelled.campaignId, 'unschedule', now);
    await applyPreventionCommand(db, cancelled.agent, cancelled.campaignId, 'schedule', now, { scheduledAt: at }); // back to scheduled
    await applyPreventionCommand(db, cancelled.agent, cancelled.campaignId, 'cancel', minutes(now, 10));
    await applyPreventionCommand(db, unscheduled.agent, unscheduled.campaignId, 'unschedule', minutes(now, 10));
    expect(await campaign(unscheduled.campaignId)).toMatchObject({ status: 'DRAFT', scheduled_at: null });

    await processScheduled(db, 'start-due-campaigns', minutes(at, 5));
    expect(await campaign(cancelled.campaignId)).toMatchObject({ status: 'CANCELLED', started_at: null });
    expect(await campaign(unscheduled.campaignId)).toMatchObject({ status: 'DRAFT', started_at: null });
    expect(await campaign(kept.campaignId)).toMatchObject({ status: 'RUNNING', targeted: 1 });
    expect(await dispatches(cancelled.campaignId)).toHaveLength(0);
    expect(await dispatches(unscheduled.campaignId)).toHaveLength(0);
    // A cancelled campaign cannot be scheduled or launched again.
    await expect(applyPreventionCommand(db, cancelled.agent, cancelled.campaignId, 'start', minutes(at, 6)))
      .rejects.toThrow('Seule une campagne en brouillon ou programmée peut être lancée.');
  });

  test('PRV-6: the time must be to come (refused in French on its field); moved later, the campaign waits for the new time', async () => {
    const now = new Date('2019-09-09T10:00:00Z');
    const { agent, campaignId } = await aCampaign({ ...NO_RULES, departements: ['55'] }, now);
    for (const past of [now, minutes(now, -1)]) {
      const refused = await applyPreventionCommand(db, agent, campaignId, 'schedule', now, { scheduledAt: past }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(refused).toMatchObject({ message: 'Choisissez une date et une heure à venir.', field: 'scheduledAt' });
    }
    expect(await campaign(campaignId)).toMatchObject({ status: 'DRAFT', scheduled_at: null });
    await expect(applyPreventionCommand(db, agent, campaignId, 'unschedule', now)).rejects.toThrow('Seule une campagne programmée peut être déprogrammée.');

    await applyPreventionCommand(db, agent, campaignId, 'schedule', now, { scheduledAt: minutes(now, 30) });
    await applyPreventionCommand(db, agent, campaignId, 'schedule', now, { scheduledAt: minutes(now, 90) });
    await startDuePreventionCampaigns(db, minutes(now, 30));
    expect(await campaign(campaignId)).toMatchObject({ status: 'SCHEDULED', scheduled_at: minutes(now, 90) });
    await startDuePreventionCampaigns(db, minutes(now, 90));
    expect(await campaign(campaignId)).toMatchObject({ status: 'RUNNING' });
    await expect(applyPreventionCommand(db, agent, campaignId, 'schedule', minutes(now, 91), { scheduledAt: minutes(now, 200) }))
      .rejects.toThrow('Seule une campagne en brouillon ou déjà programmée peut être programmée.');
  });
});

describe('PRV-9, BO: delivery statistics of a prevention campaign', () => {
  test('PRV-9: in-app, email, push and reading per Paris day, cumulated; read = messages opened in « Prévention »', async () => {
    const now = new Date('2026-11-30T20:00:00Z');
    const people = await Promise.all(Array.from({ length: 3 }, () => aProfile('52', '1931-04-04', now)));
    await db.insertInto('push_devices').values({ account_id: people[0]!.actor.accountId, token: `tok-${randomInt(1e9)}`, label: 'Téléphone' }).execute();
    const { agent, campaignId } = await aCampaign({ ...NO_RULES, departements: ['52'], minAge: 95, maxAge: 95 }, now);

    const zero = { queued: 0, sent: 0, failed: 0, skipped: 0 };
    const before = await preventionCampaignStatistics(db, agent, campaignId, now);
    expect(before).toEqual({ totals: { targeted: null, delivered: 0, read: 0, emails: zero, pushes: zero }, series: [] });

    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    // Batches of 2 either side of midnight in Paris: 23:30 on 30 November (UTC+1), then 00:30 on 1 December,
    // when the emails and the push go too.
    let clockAt = new Date('2026-11-30T22:30:00Z');
    expect(await runPreventionCampaign(db, campaignId, {
      now: () => clockAt, batchSize: 2, appUrl: 'http://mes.test', sender, push: sinkPushProvider,
      afterBatch: () => { clockAt = new Date('2026-11-30T23:30:00Z'); },
    })).toBe('done');
    await markPreventionMessagesRead(db, people[0]!.actor, people[0]!.id, new Date('2026-12-02T22:59:00Z')); // 23:59 on 2 December in Paris
    await markPreventionMessagesRead(db, people[1]!.actor, people[1]!.id, new Date('2026-12-02T23:00:00Z')); // 00:00 on 3 December

    const stats = await preventionCampaignStatistics(db, agent, campaignId, new Date('2026-12-04T10:00:00Z'));
    expect(stats.totals).toEqual({ targeted: 3, delivered: 3, read: 2, emails: { ...zero, queued: 3, sent: 3 }, pushes: { ...zero, queued: 1, sent: 1 } });
    const day = (delivered: number, emails: number, pushes: number, read: number) => ({ delivered, emails, pushes, read });
    expect(stats.series).toEqual([
      { day: '2026-11-30', daily: day(2, 0, 0, 0), total: day(2, 0, 0, 0) },
      { day: '2026-12-01', daily: day(1, 3, 1, 0), total: day(3, 3, 1, 0) },
      { day: '2026-12-02', daily: day(0, 0, 0, 1), total: day(3, 3, 1, 1) },
      { day: '2026-12-03', daily: day(0, 0, 0, 1), total: day(3, 3, 1, 2) },
      { day: '2026-12-04', daily: day(0, 0, 0, 0), total: day(3, 3, 1, 2) },
    ]);
  });

  test('BO: statistics are for agents only (refusal traced); an unknown campaign is not found', async () => {
    const now = new Date('2026-11-30T20:00:00Z');
    const { agent, campaignId } = await aCampaign(NO_RULES, now);
    const patient = await aProfile('55', '1990-01-01', now);
    await expect(preventionCampaignStatistics(db, patient.actor, campaignId, now)).rejects.toThrow(AccessDeniedError);
    const refusal = await db.selectFrom('access_events').select('action').where('action', '=', 'prevention.campaign.statistics')
      .where('actor_id', '=', patient.actor.accountId).execute();
    expect(refusal).toHaveLength(1);
    await expect(preventionCampaignStatistics(db, agent, '00000000-0000-4000-8000-000000000000', now)).rejects.toThrow(NotFoundError);
  });
});
