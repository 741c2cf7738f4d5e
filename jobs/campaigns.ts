import path from 'node:path';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { dispatchCampaign, type DispatchResult } from '@/lib/campaigns/dispatch';
import { config } from '@/lib/config';
import type { BulkSender } from '@/lib/notifications/bulk-sender';
import { createChannelProviders, type PushProvider } from '@/lib/notifications/channels';
import { runPreventionCampaign } from '@/lib/prevention-campaigns/run-campaign';

export const CAMPAIGNS_QUEUE = 'campaigns';
export type CampaignJob = { outboxId?: string; campaignId?: string; prevention?: boolean };

/**
 * One dispatcher run for a campaign (CMP-3, CMP-9). The job carries an outbox id (start, resume,
 * retry, cancel) or, from the watchdog, the campaign id itself. Re-running it is harmless.
 */
export async function processCampaignJob(
  db: Db, sender: BulkSender, job: CampaignJob, shouldStop = () => false, push: () => PushProvider = () => createChannelProviders().push,
): Promise<DispatchResult> {
  let campaignId = job.campaignId;
  let prevention = job.prevention ?? false;
  if (job.outboxId) {
    const row = await db.selectFrom('outbox').select(['payload']).where('id', '=', job.outboxId).executeTakeFirst();
    campaignId = (row?.payload as { campaignId?: string } | undefined)?.campaignId;
    prevention = (row?.payload as { prevention?: boolean } | undefined)?.prevention ?? false;
  }
  // PRV-6..9: a prevention campaign's run rides the same queue (lib/prevention-campaigns/run-campaign.ts):
  // in-app messages, then the email teasers through the same pooled sender, then the pushes.
  if (campaignId && prevention) {
    const result = await runPreventionCampaign(db, campaignId, { now: () => new Date(), shouldStop, sender, push: push() });
    if (job.outboxId && !shouldStop()) {
      await db.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: new Date(), attempts: eb('attempts', '+', 1) })).where('id', '=', job.outboxId).execute();
    }
    return result;
  }
  if (!campaignId) return 'missing';
  const result = await dispatchCampaign(db, sender, campaignId, {
    now: () => new Date(), from: config().MAIL_FROM, appUrl: config().APP_URL,
    lettersDir: path.join(config().DATA_DIR, 'courriers'), leaseMs: config().CAMPAIGN_LEASE_MS, shouldStop,
  });
  if (job.outboxId && result !== 'stopped') {
    await db.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: new Date(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', job.outboxId).execute();
  }
  return result;
}

/**
 * Safety net for lost queue state (a Redis restart, a worker killed mid-run): every campaign with work
 * that nobody holds gets a dispatcher job. The job id per campaign and time slot keeps it to one.
 */
export async function watchCampaigns(db: Db, queue: Queue, now: Date, slotMs: number): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    select distinct c.id from campaigns c join campaign_recipients r on r.campaign_id = c.id
    where c.status in ('RUNNING', 'CANCELLED')
      and (r.status in ('QUEUED', 'LETTER_QUEUED') and (c.status = 'RUNNING' or r.profile_id is not null)
        or (r.status in ('PREPARED', 'SENDING') and r.lease_until < ${now}))`.execute(db);
  // PRV-6: a RUNNING prevention campaign is picked up again too (its run resumes at its cursor, then its emails
  // and pushes); a CANCELLED one whose emails or pushes are not all accounted for, to count them as skipped.
  const prevention = await db.selectFrom('prevention_campaigns').select('id').where((eb) => eb.or([
    eb('status', '=', 'RUNNING'),
    eb.and([eb('status', '=', 'CANCELLED'), eb.or([
      eb('emails', '>', sql<number>`emails_sent + emails_failed + emails_skipped`),
      eb('pushes', '>', sql<number>`pushes_sent + pushes_failed + pushes_skipped`),
    ])]),
  ])).execute();
  if (rows.length + prevention.length === 0) return 0;
  const slot = Math.floor(now.getTime() / slotMs);
  await queue.addBulk([
    ...rows.map((r) => ({ name: 'dispatch', data: { campaignId: r.id }, opts: { jobId: `campaign-${r.id}-w${slot}` } })),
    ...prevention.map((r) => ({ name: 'dispatch', data: { campaignId: r.id, prevention: true }, opts: { jobId: `prevention-${r.id}-w${slot}` } })),
  ]);
  return rows.length + prevention.length;
}
