import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { BulkSender, SendOutcome } from '@/lib/notifications/bulk-sender';
import { PREVENTION_MAX_ATTEMPTS, SKIPPED_REASON } from './delivery-rules';
import { stillReaches } from './recipients';
import { mergeTeaser, renderTeaserTemplate, type TeaserTemplate } from './teaser-template';
import { sendingMarker } from '@/lib/notifications/sending-marker';

export type EmailDeliveryOptions = {
  now: () => Date;
  appUrl: string;
  from: string;
  teaser: string;
  leaseMs: number;
  /** Emails claimed at once (one claim, one finalizing transaction). */
  emailBatchSize?: number;
  /** Bench: stop after about this many emails. */
  limit?: number;
  shouldStop?: () => boolean;
  /** After a batch went to the SMTP server, before it is recorded as sent (tests simulate a crash here). */
  afterSend?: () => void | Promise<void>;
};
type Claimed = { id: string; to_email: string; holder: boolean; profile_id: string; first_name: string };

/**
 * PRV-9: a campaign's email teasers, through the pooled SMTP sender of the account-creation campaigns
 * with the same crash-safety (lib/campaigns/dispatch.ts, CMP-9): rows are claimed under a lease
 * (PREPARED), marked SENDING just before the SMTP final dot, SENT once the server took them. After a
 * crash, an expired PREPARED row goes back to the queue (it never reached the server) and an expired
 * SENDING one is presumed sent, flagged `uncertain`: nothing is lost, nothing is sent twice.
 * The template is rendered once per variant (holder, representative) and merged per recipient.
 */
export async function deliverEmails(db: Db, sender: BulkSender, campaignId: string, opts: EmailDeliveryOptions): Promise<'done' | 'stopped' | 'waiting'> {
  const size = opts.emailBatchSize ?? 500;
  const templates = new Map<boolean, TeaserTemplate>();
  const claim = () => {
    const p = claimEmails(db, campaignId, opts.now(), size, opts.leaseMs);
    p.catch(() => {}); // awaited (and its error thrown) on the next turn
    return p;
  };
  // Pipelined as lib/campaigns does: the next batch is claimed, and the previous one recorded, while
  // the current one is on the wire.
  let prefetched: Promise<Claimed[]> | null = null;
  let recording: Promise<void> = Promise.resolve();
  let sent = 0;
  try {
    for (;;) {
      const running = await db.selectFrom('prevention_campaigns').select('status').where('id', '=', campaignId).executeTakeFirst();
      if (opts.shouldStop?.() || (opts.limit !== undefined && sent >= opts.limit) || running?.status !== 'RUNNING') {
        await recording;
        return 'stopped';
      }
      const batch = await (prefetched ?? claim());
      prefetched = null;
      if (batch.length === 0) {
        await recording;
        const left = await db.selectFrom('prevention_emails').select('id').where('campaign_id', '=', campaignId)
          .where('status', 'in', ['QUEUED', 'PREPARED', 'SENDING']).limit(1).executeTakeFirst();
        return left ? 'waiting' : 'done';
      }
      if (opts.limit === undefined || sent + batch.length < opts.limit) prefetched = claim();
      for (const holder of new Set(batch.map((b) => b.holder))) {
        if (!templates.has(holder)) templates.set(holder, await renderTeaserTemplate({ teaser: opts.teaser, appUrl: opts.appUrl, holder }));
      }
      const outcomes = await sendBatch(db, sender, batch, templates, opts);
      await opts.afterSend?.();
      await recording;
      recording = finalize(db, campaignId, batch, outcomes);
      recording.catch(() => {}); // awaited (and its error thrown) on the next turn
      sent += batch.length;
    }
  } finally {
    // Stopping or failing: a claimed batch that was not sent goes straight back to the queue.
    const held = prefetched ? await (prefetched as Promise<Claimed[]>).catch(() => []) : [];
    if (held.length > 0) {
      await db.updateTable('prevention_emails').set({ status: 'QUEUED', lease_until: null })
        .where('id', 'in', held.map((h) => h.id)).where('status', '=', 'PREPARED').execute();
    }
  }
}

/**
 * Claims up to `size` queued emails (skipping rows another runner holds) and reads, at sending time,
 * the account's address and whether the profile is still ACTIVE, not opted out (PRV-8 takes effect
 * immediately) and still reached by the account (a representative or aidant whose link ended since: REP-6,
 * AID-6): those that no longer qualify are SKIPPED.
 */
async function claimEmails(db: Db, campaignId: string, now: Date, size: number, leaseMs: number): Promise<Claimed[]> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<Claimed & { status: string }>`
      with c as (
        select id from prevention_emails where campaign_id = ${campaignId} and status = 'QUEUED'
        order by id limit ${size} for update skip locked
      ), info as (
        select e.id, a.email, split_part(p.first_names, ' ', 1) as first_name,
          coalesce(p.state = 'ACTIVE' and a.email <> '' and not exists (select 1 from prevention_opt_outs o where o.profile_id = e.profile_id)
            and ${stillReaches(sql`e.account_id`, sql`e.profile_id`)}, false) as ok
        from prevention_emails e join c on c.id = e.id
        left join accounts a on a.id = e.account_id left join profiles p on p.id = e.profile_id
      )
      update prevention_emails e set
        status = case when info.ok then 'PREPARED' else 'SKIPPED' end,
        lease_until = case when info.ok then ${new Date(now.getTime() + leaseMs)}::timestamptz end,
        to_email = info.email,
        last_error = case when info.ok then null else ${SKIPPED_REASON} end
      from info where e.id = info.id
      returning e.id, e.status, e.to_email, e.holder, e.profile_id, info.first_name`.execute(trx);
    const skipped = rows.filter((r) => r.status === 'SKIPPED').length;
    if (skipped > 0) {
      await trx.updateTable('prevention_campaigns').set((eb) => ({ emails_skipped: eb('emails_skipped', '+', skipped) }))
        .where('id', '=', campaignId).execute();
    }
    return rows.filter((r) => r.status === 'PREPARED').sort((a, b) => Number(a.id) - Number(b.id));
  });
}


async function sendBatch(db: Db, sender: BulkSender, items: Claimed[], templates: Map<boolean, TeaserTemplate>, opts: EmailDeliveryOptions) {
  const markSending = sendingMarker(db, 'prevention_emails', opts.now, opts.leaseMs);
  const outcomes = new Map<string, SendOutcome>();
  let next = 0;
  await Promise.all(sender.slots.map(async (slot) => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      const body = mergeTeaser(templates.get(item.holder)!, { profileFirstName: item.first_name, profileId: item.profile_id });
      outcomes.set(item.id, await slot.send(
        { id: item.id, from: opts.from, to: item.to_email, messageId: `<prevention-${item.id}@mon-espace-sante.localhost>`, ...body },
        () => markSending(item.id),
      ));
    }
  }));
  return outcomes;
}

/** One transaction per batch: sent rows, refused addresses (FAILED: no letter for a teaser), transient failures retried. */
async function finalize(db: Db, campaignId: string, items: Claimed[], outcomes: Map<string, SendOutcome>): Promise<void> {
  const ids = (kind: SendOutcome['kind']) => items.filter((i) => outcomes.get(i.id)?.kind === kind).map((i) => i.id);
  await db.transaction().execute(async (trx) => {
    let sent = 0;
    let failed = 0;
    if (ids('sent').length > 0) {
      sent = (await trx.updateTable('prevention_emails').set({ status: 'SENT', lease_until: null })
        .where('id', 'in', ids('sent')).where('status', '=', 'SENDING').returning('id').execute()).length;
    }
    const bounced = items.filter((i) => outcomes.get(i.id)?.kind === 'bounced');
    for (const item of [...bounced, ...items.filter((i) => outcomes.get(i.id)?.kind === 'failed')]) {
      const outcome = outcomes.get(item.id) as Extract<SendOutcome, { kind: 'failed' | 'bounced' }>;
      const row = await trx.updateTable('prevention_emails')
        .set((eb) => ({
          status: outcome.kind === 'bounced' ? 'FAILED' : sql`case when attempts + 1 >= ${PREVENTION_MAX_ATTEMPTS} then 'FAILED' else 'QUEUED' end`,
          attempts: eb('attempts', '+', 1), last_error: outcome.error.slice(0, 500), lease_until: null,
        }))
        .where('id', '=', item.id).where('status', 'in', ['PREPARED', 'SENDING']).returning('status').executeTakeFirst();
      if (row?.status === 'FAILED') failed++;
    }
    if (sent + failed > 0) {
      await trx.updateTable('prevention_campaigns')
        .set((eb) => ({ emails_sent: eb('emails_sent', '+', sent), emails_failed: eb('emails_failed', '+', failed) }))
        .where('id', '=', campaignId).execute();
    }
  });
}

/**
 * A crashed runner leaves rows under an expired lease. PREPARED ones never reached the server: back to
 * the queue. SENDING ones were handed over up to the final dot: presumed sent, never sent twice (CMP-9).
 */
export async function settleExpiredEmailLeases(db: Db, campaignId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('prevention_emails').set({ status: 'QUEUED', lease_until: null })
      .where('campaign_id', '=', campaignId).where('status', '=', 'PREPARED').where('lease_until', '<', now).execute();
    const settled = await trx.updateTable('prevention_emails').set({ status: 'SENT', uncertain: true, lease_until: null })
      .where('campaign_id', '=', campaignId).where('status', '=', 'SENDING').where('lease_until', '<', now).returning('id').execute();
    if (settled.length > 0) {
      await trx.updateTable('prevention_campaigns').set((eb) => ({ emails_sent: eb('emails_sent', '+', settled.length) }))
        .where('id', '=', campaignId).execute();
    }
  });
}
