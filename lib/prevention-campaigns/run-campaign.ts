import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { config } from '@/lib/config';
import { createBulkSender, type BulkSender } from '@/lib/notifications/bulk-sender';
import { createChannelProviders, type PushProvider } from '@/lib/notifications/channels';
import { deliverEmails, settleExpiredEmailLeases } from './deliver-emails';
import { deliverPushes, settleExpiredPushLeases } from './deliver-pushes';
import { PREVENTION_PREFERENCE } from './delivery-rules';
import { rulesSchema } from './rules';
import { criteriaColumns, targetFrom } from './targeting';
import { insurerMessagesCte } from '@/lib/messaging/insurer-messages';
import { recipientsOf } from './recipients';

/** PRV-7 in the messagerie: the criteria differ per person, the section shows them. */
export const WHY_IN_PREVENTION_SECTION = '« Pourquoi ce message ? » : les critères qui vous concernent sont indiqués dans la rubrique Prévention de votre espace.';

/** Measured (bench:prevention): past ~20 000 a batch gains nothing and holds its locks longer. */
export const PREVENTION_BATCH_SIZE = 20_000;

export type RunOptions = {
  now: () => Date;
  /**
   * PRV-9: the email teasers go through the campaigns' pooled SMTP sender (lib/notifications/bulk-sender.ts);
   * the worker passes its own. Without one, the run opens (and closes) one from the configuration.
   */
  sender?: BulkSender;
  /** PRV-9: the push notifications go through this provider; by default the configured one (lib/notifications/channels). */
  push?: PushProvider;
  /** Profiles per batch of the enqueue and of the fan-out (one transaction each). */
  batchSize?: number;
  /** Emails claimed and sent at once; pushes sent per transaction. */
  emailBatchSize?: number;
  pushBatchSize?: number;
  appUrl?: string;
  from?: string;
  /** How long claimed emails/pushes stay reserved; past it, a crashed worker's rows are taken over. */
  leaseMs?: number;
  /** Checked between batches: a worker shutting down stops after the batch in hand. */
  shouldStop?: () => boolean;
  /** Called after each committed batch of the enqueue and of the fan-out (tests simulate a crash here). */
  afterBatch?: (handled: number, pass: Pass) => void | Promise<void>;
  /** Called after each email batch has gone to the SMTP server, before it is recorded as sent (tests simulate a crash). */
  afterSend?: () => void | Promise<void>;
};
export type RunResult = 'done' | 'stopped' | 'waiting' | 'missing';
type Pass = 'enqueue' | 'fan-out';

/** The campaign row under lock (two runners take turns), if it is RUNNING. */
async function lockRunning(trx: Db, campaignId: string) {
  const c = await trx.selectFrom('prevention_campaigns')
    .select(['status', 'rules', 'cursor', 'targets_done_at', 'fanout_cursor', 'fanout_done_at', 'title', 'body'])
    .where('id', '=', campaignId).forUpdate().executeTakeFirst();
  return c && c.status === 'RUNNING' ? c : null;
}

/**
 * The enqueue, one batch per transaction (PRV-6, PRV-8, PRV-9): the next `batchSize` targets after the
 * keyset cursor — ACTIVE, not opted out, not messaged in the last 7 days, all in the targeting query —
 * get their in-app message (the home card and the « Prévention » section read it) with the matched
 * criteria (PRV-7), and the cursor moves, all or nothing. A crash loses nothing (the cursor did not move)
 * and adds nothing twice (unique (campaign, profile), and a messaged profile falls under the cap).
 * Returns the number of profiles picked, null when the campaign is not RUNNING.
 */
async function enqueueBatch(db: Db, campaignId: string, batchSize: number, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const c = await lockRunning(trx, campaignId);
    if (!c) return null;
    if (c.targets_done_at) return 0;
    const rules = rulesSchema.parse(c.rules);
    const after = c.cursor ? sql`and p.id > ${c.cursor}::uuid` : sql``;
    const { rows } = await sql<{ last: string | null; picked: string; inserted: string }>`
      with picked as (
        select p.id as profile_id, ${criteriaColumns(rules, now)} as criteria
        ${targetFrom(rules, now)} ${after}
        order by p.id limit ${batchSize}
      ), ins as (
        insert into prevention_messages (campaign_id, profile_id, created_at, criteria)
        select ${campaignId}::uuid, profile_id, ${now}, criteria from picked
        on conflict (campaign_id, profile_id) do nothing
        returning 1
      )
      select (select profile_id::text from picked order by profile_id desc limit 1) as last,
        (select count(*) from picked) as picked, (select count(*) from ins) as inserted`.execute(trx);
    const r = rows[0]!;
    const picked = Number(r.picked);
    if (picked === 0) {
      await trx.updateTable('prevention_campaigns').set({ targets_done_at: now }).where('id', '=', campaignId).execute();
      return 0;
    }
    await trx.updateTable('prevention_campaigns')
      .set((eb) => ({ cursor: r.last, delivered: eb('delivered', '+', Number(r.inserted)) }))
      .where('id', '=', campaignId).execute();
    return picked;
  });
}

/**
 * The fan-out, one batch per transaction (PRV-9, NOT-1, NOT-7), over the messages the enqueue created,
 * in profile order after `fanout_cursor`: the same message in the messagerie from « Assurance Maladie »
 * (NO_REPLY, MSG-4), one email teaser row per recipient account (holder, representatives with access, aidants)
 * and one push row per device, and the cursor moves, all or nothing. A profile that opted out since its
 * in-app message gets none of them (PRV-8). NOT-1: an account that switched off « Rendez-vous, rappels,
 * examens et vaccinations à réaliser » on a channel gets nothing on that channel. Idempotent like the
 * enqueue: unique (campaign, account) and (campaign, device), and the conversations follow the cursor.
 */
async function fanOutBatch(db: Db, campaignId: string, batchSize: number, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const c = await lockRunning(trx, campaignId);
    if (!c) return null;
    if (c.fanout_done_at) return 0;
    const after = c.fanout_cursor ? sql`and m.profile_id > ${c.fanout_cursor}::uuid` : sql``;
    const off = (channel: 'EMAIL' | 'PUSH') => sql`not exists (select 1 from notification_preferences np where np.account_id = r.account_id
      and np.kind = ${PREVENTION_PREFERENCE} and np.channel = ${channel} and not np.enabled)`;
    const { rows } = await sql<{ last: string | null; picked: string; emails: string; pushes: string }>`
      with batch as (
        select m.profile_id from prevention_messages m
        where m.campaign_id = ${campaignId}::uuid ${after}
        order by m.profile_id limit ${batchSize}
      ), reached as (
        select b.profile_id from batch b where not exists (select 1 from prevention_opt_outs o where o.profile_id = b.profile_id)
      ),
      -- PRV-9: the same message in the messagerie, from « Assurance Maladie », NO_REPLY (MSG-4).
      ${insurerMessagesCte('reached', { subject: c.title, body: `${c.body}\n\n${WHY_IN_PREVENTION_SECTION}`, now })},
      -- NOT-7: holder, representatives and aidants (recipients.ts).
      recipients as (${recipientsOf('reached')}
      ), mail as (
        insert into prevention_emails (campaign_id, account_id, profile_id, holder)
        select distinct on (r.account_id) ${campaignId}::uuid, r.account_id, r.profile_id, r.holder
        from recipients r
        where ${off('EMAIL')}
        order by r.account_id, r.holder desc
        on conflict (campaign_id, account_id) do nothing
        returning 1
      ), push as (
        insert into prevention_pushes (campaign_id, device_id, account_id, profile_id, holder)
        select distinct on (d.id) ${campaignId}::uuid, d.id, r.account_id, r.profile_id, r.holder
        from recipients r cross join lateral (select id from push_devices where account_id = r.account_id offset 0) d
        where ${off('PUSH')}
        order by d.id, r.holder desc
        on conflict (campaign_id, device_id) do nothing
        returning 1
      )
      select (select profile_id::text from batch order by profile_id desc limit 1) as last,
        (select count(*) from batch) as picked,
        (select count(*) from mail) as emails, (select count(*) from push) as pushes`.execute(trx);
    const r = rows[0]!;
    const picked = Number(r.picked);
    if (picked === 0) {
      // The enqueue may still be adding rows (a run resumed mid-way): the fan-out is over only after it.
      if (c.targets_done_at) await trx.updateTable('prevention_campaigns').set({ fanout_done_at: now }).where('id', '=', campaignId).execute();
      return 0;
    }
    await trx.updateTable('prevention_campaigns')
      .set((eb) => ({ fanout_cursor: r.last, emails: eb('emails', '+', Number(r.emails)), pushes: eb('pushes', '+', Number(r.pushes)) }))
      .where('id', '=', campaignId).execute();
    return picked;
  });
}

type PassOptions = Pick<RunOptions, 'now' | 'batchSize' | 'shouldStop' | 'afterBatch'>;

async function runPass(pass: Pass, db: Db, campaignId: string, opts: PassOptions): Promise<'done' | 'stopped'> {
  const batch = pass === 'enqueue' ? enqueueBatch : fanOutBatch;
  let handled = 0;
  for (;;) {
    if (opts.shouldStop?.()) return 'stopped';
    const picked = await batch(db, campaignId, opts.batchSize ?? PREVENTION_BATCH_SIZE, opts.now());
    if (picked === null) return 'stopped';
    if (picked === 0) return 'done';
    handled += picked;
    await opts.afterBatch?.(handled, pass);
  }
}

/** PRV-6: the enqueue pass, every batch until the targets are exhausted (or the campaign is no longer RUNNING). */
export const enqueuePreventionMessages = (db: Db, campaignId: string, opts: PassOptions) => runPass('enqueue', db, campaignId, opts);

/** PRV-9: the fan-out pass (messagerie, email and push rows) over what the enqueue created. */
export const fanOutPreventionMessages = (db: Db, campaignId: string, opts: PassOptions) => runPass('fan-out', db, campaignId, opts);

/** The in-app delivery: the enqueue, then the fan-out. */
export async function deliverInApp(db: Db, campaignId: string, opts: PassOptions): Promise<'done' | 'stopped'> {
  if (await enqueuePreventionMessages(db, campaignId, opts) === 'stopped') return 'stopped';
  return fanOutPreventionMessages(db, campaignId, opts);
}

/**
 * Works through a prevention campaign until it is done, paused, cancelled, or the worker stops: the
 * enqueue (in-app messages), the fan-out (messagerie, email and push rows), then the emails, then the pushes; DONE when
 * nothing is left. Re-running it (a restart, a second worker, the job retried) is harmless.
 */
export async function runPreventionCampaign(db: Db, campaignId: string, opts: RunOptions): Promise<RunResult> {
  const full = { appUrl: config().APP_URL, from: config().MAIL_FROM, leaseMs: config().CAMPAIGN_LEASE_MS, ...opts };
  const inApp = await deliverInApp(db, campaignId, full);
  const c = await db.selectFrom('prevention_campaigns').select(['status', 'teaser']).where('id', '=', campaignId).executeTakeFirst();
  if (!c) return 'missing';
  if (c.status === 'CANCELLED') {
    await settleExpiredEmailLeases(db, campaignId, full.now());
    await settleExpiredPushLeases(db, campaignId, full.now());
    await skipCancelled(db, campaignId);
    return 'stopped';
  }
  if (inApp === 'stopped' || c.status !== 'RUNNING') return 'stopped';
  await settleExpiredEmailLeases(db, campaignId, full.now());
  await settleExpiredPushLeases(db, campaignId, full.now());
  const sender = opts.sender ?? createBulkSender({ smtpUrl: config().SMTP_URL, size: config().CAMPAIGN_SMTP_CONNECTIONS, db });
  let emails: Awaited<ReturnType<typeof deliverEmails>>;
  try {
    emails = await deliverEmails(db, sender, campaignId, { ...full, teaser: c.teaser });
  } finally {
    if (!opts.sender) sender.close();
  }
  if (emails === 'stopped') return 'stopped';
  const pushes = await deliverPushes(db, opts.push ?? createChannelProviders().push, campaignId, { ...full, teaser: c.teaser });
  if (pushes === 'stopped') return 'stopped';
  if (emails === 'waiting' || pushes === 'waiting') return 'waiting'; // another runner holds some, or a crashed one's lease runs
  await db.updateTable('prevention_campaigns').set({ status: 'DONE', finished_at: full.now() })
    .where('id', '=', campaignId).where('status', '=', 'RUNNING').execute();
  return 'done';
}

/** A cancelled campaign sends no more emails or pushes: what is still queued is counted as skipped. */
async function skipCancelled(db: Db, campaignId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const e = await trx.updateTable('prevention_emails').set({ status: 'SKIPPED', last_error: 'campagne annulée' })
      .where('campaign_id', '=', campaignId).where('status', '=', 'QUEUED').returning('id').execute();
    const p = await trx.updateTable('prevention_pushes').set({ status: 'SKIPPED', last_error: 'campagne annulée' })
      .where('campaign_id', '=', campaignId).where('status', '=', 'QUEUED').returning('id').execute();
    if (e.length + p.length === 0) return;
    await trx.updateTable('prevention_campaigns')
      .set((eb) => ({ emails_skipped: eb('emails_skipped', '+', e.length), pushes_skipped: eb('pushes_skipped', '+', p.length) }))
      .where('id', '=', campaignId).execute();
  });
}
