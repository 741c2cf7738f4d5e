import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { config } from '@/lib/config';
import { rulesSchema } from './rules';
import { criteriaColumns, targetFrom } from './targeting';

export const PREVENTION_BATCH_SIZE = 10_000;

export type RunOptions = {
  now: () => Date;
  batchSize?: number;
  appUrl?: string;
  /** Checked between batches: a worker shutting down stops after the batch in hand. */
  shouldStop?: () => boolean;
  /** Called after each committed batch (tests simulate a crash here). */
  afterBatch?: (delivered: number) => void | Promise<void>;
};
export type RunResult = 'done' | 'stopped' | 'missing';

/**
 * One batch, one transaction (PRV-6..9): the campaign row is locked (two runners take turns), the next
 * `batchSize` targets after the keyset cursor get their message — in-app row and email teaser to the
 * holder's and representatives' accounts through the outbox (PRV-9) — and the cursor moves, all or
 * nothing. A crash loses nothing (the cursor did not move) and sends nothing twice (unique (campaign,
 * profile), and a messaged profile falls under the 7-day cap). Returns the number of profiles picked.
 */
async function runBatch(db: Db, campaignId: string, batchSize: number, now: Date, appUrl: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('prevention_campaigns').select(['status', 'rules', 'cursor'])
      .where('id', '=', campaignId).forUpdate().executeTakeFirst();
    if (!c || c.status !== 'RUNNING') return null;
    const rules = rulesSchema.parse(c.rules);
    const after = c.cursor ? sql`and p.id > ${c.cursor}::uuid` : sql``;
    const { rows } = await sql<{ last: string | null; picked: string; delivered: string; emails: string }>`
      with picked as (
        select p.id as profile_id, ${criteriaColumns(rules, now)} as criteria
        ${targetFrom(rules, now)} ${after}
        order by p.id limit ${batchSize}
      ), ins as (
        insert into prevention_messages (campaign_id, profile_id, created_at, criteria)
        select ${campaignId}::uuid, profile_id, ${now}, criteria from picked
        on conflict (campaign_id, profile_id) do nothing
        returning profile_id
      ), mail as (
        insert into outbox (kind, payload)
        select 'email', json_build_object('template', 'notification', 'to', a.email, 'data', json_build_object(
          'kind', 'NOTIF_APPOINTMENT', 'appUrl', ${appUrl}::text,
          'profileFirstName', case when x.holder then null else split_part(pr.first_names, ' ', 1) end,
          'profileId', case when x.holder then null else pr.id end,
          'preventionCampaignId', ${campaignId}::text))
        from ins
        join profiles pr on pr.id = ins.profile_id
        join (
          select id as account_id, profile_id, true as holder from accounts where profile_id is not null
          union all
          select account_id, profile_id, false from representations where revoked_at is null
        ) x on x.profile_id = ins.profile_id
        join accounts a on a.id = x.account_id
        where a.email is not null
        returning 1
      )
      select (select profile_id::text from picked order by profile_id desc limit 1) as last,
        (select count(*) from picked) as picked, (select count(*) from ins) as delivered, (select count(*) from mail) as emails`.execute(trx);
    const r = rows[0]!;
    const picked = Number(r.picked);
    if (picked === 0) {
      await trx.updateTable('prevention_campaigns').set({ status: 'DONE', finished_at: now }).where('id', '=', campaignId).execute();
      return 0;
    }
    await trx.updateTable('prevention_campaigns')
      .set((eb) => ({ cursor: r.last, delivered: eb('delivered', '+', Number(r.delivered)), emails: eb('emails', '+', Number(r.emails)) }))
      .where('id', '=', campaignId).execute();
    return picked;
  });
}

/**
 * Works through a prevention campaign until it is done, paused, cancelled, or the worker stops.
 * Re-running it (a restart, a second worker, the job retried) is harmless.
 */
export async function runPreventionCampaign(db: Db, campaignId: string, opts: RunOptions): Promise<RunResult> {
  const batchSize = opts.batchSize ?? PREVENTION_BATCH_SIZE;
  const appUrl = opts.appUrl ?? config().APP_URL;
  let delivered = 0;
  for (;;) {
    if (opts.shouldStop?.()) return 'stopped';
    const picked = await runBatch(db, campaignId, batchSize, opts.now(), appUrl);
    if (picked === null) {
      const exists = await db.selectFrom('prevention_campaigns').select('id').where('id', '=', campaignId).executeTakeFirst();
      return exists ? 'stopped' : 'missing';
    }
    if (picked === 0) return 'done';
    delivered += picked;
    await opts.afterBatch?.(delivered);
  }
}
