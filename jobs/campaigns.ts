import path from 'node:path';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { dispatchCampaign, type DispatchResult } from '@/lib/campaigns/dispatch';
import { config } from '@/lib/config';
import type { BulkSender } from '@/lib/notifications/bulk-sender';

export const CAMPAIGNS_QUEUE = 'campaigns';
export type CampaignJob = { outboxId?: string; campaignId?: string };

/**
 * One dispatcher run for a campaign (CMP-3, CMP-9). The job carries an outbox id (start, resume,
 * retry, cancel) or, from the watchdog, the campaign id itself. Re-running it is harmless.
 */
export async function processCampaignJob(db: Db, sender: BulkSender, job: CampaignJob, shouldStop = () => false): Promise<DispatchResult> {
  let campaignId = job.campaignId;
  if (job.outboxId) {
    const row = await db.selectFrom('outbox').select(['payload']).where('id', '=', job.outboxId).executeTakeFirst();
    campaignId = (row?.payload as { campaignId?: string } | undefined)?.campaignId;
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
  if (rows.length === 0) return 0;
  const slot = Math.floor(now.getTime() / slotMs);
  await queue.addBulk(rows.map((r) => ({ name: 'dispatch', data: { campaignId: r.id }, opts: { jobId: `campaign-${r.id}-w${slot}` } })));
  return rows.length;
}
