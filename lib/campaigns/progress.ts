import { ensureStaff } from '@/lib/access/staff-guard';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { NotFoundError } from '@/lib/errors';

export type ProgressCounts = {
  selected: number; queued: number; sending: number; sent: number; uncertain: number; failed: number; bounced: number;
  letters: number; lettersPosted: number; skipped: number; cancelled: number; opposed: number; created: number; activated: number;
};

/** BO-1 reads (progress, statistics, lists): agents only, refusals traced. */
export async function ensureCampaignReader(db: Db, actor: Actor, now: Date): Promise<void> {
  await ensureStaff(db, actor, 'campaign.read', 'campaign.read', now);
}

/** BO-1: counts per state while the campaign runs (the page polls this), with its letter batches and failures. */
export async function campaignProgress(db: Db, actor: Actor, campaignId: string, now: Date) {
  await ensureCampaignReader(db, actor, now);
  const campaign = await db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
  if (!campaign) throw new NotFoundError('Campagne');
  const { rows } = await sql<Record<keyof ProgressCounts, string>>`
    select count(*) as selected,
      count(*) filter (where r.status in ('QUEUED', 'PREPARED')) as queued,
      count(*) filter (where r.status = 'SENDING') as sending,
      count(*) filter (where r.status = 'SENT') as sent,
      count(*) filter (where r.uncertain) as uncertain,
      count(*) filter (where r.status = 'FAILED') as failed,
      count(*) filter (where r.bounced_at is not null) as bounced,
      count(*) filter (where r.channel = 'LETTER' and r.status not in ('SKIPPED', 'CANCELLED')) as letters,
      count(*) filter (where r.status = 'LETTER_POSTED') as "lettersPosted",
      count(*) filter (where r.status = 'SKIPPED') as skipped,
      count(*) filter (where r.status = 'CANCELLED') as cancelled,
      count(*) filter (where p.state = 'OPPOSED') as opposed,
      count(*) filter (where p.state not in ('PENDING', 'OPPOSED')) as created,
      count(*) filter (where p.state = 'ACTIVE' or a.id is not null) as activated
    from campaign_recipients r
    left join profiles p on p.id = r.profile_id
    left join accounts a on a.profile_id = r.profile_id
    where r.campaign_id = ${campaignId}`.execute(db);
  const counts = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)])) as ProgressCounts;
  const letterBatches = await db.selectFrom('letter_batches').selectAll().where('campaign_id', '=', campaignId).orderBy('seq').execute();
  const failures = await db.selectFrom('campaign_recipients').select(['id', 'to_email', 'last_error', 'attempts'])
    .where('campaign_id', '=', campaignId).where('status', '=', 'FAILED').orderBy('id').limit(20).execute();
  return { ...campaign, counts, letterBatches, failures };
}

export async function listCampaigns(db: Db, actor: Actor, now: Date) {
  await ensureCampaignReader(db, actor, now);
  return db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').limit(100).execute();
}
