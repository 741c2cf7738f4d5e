import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { codeExpiresAt } from '@/lib/auth/codes';
import { frenchDay } from '@/emails';
import type { BulkSender, SendOutcome } from '@/lib/notifications/bulk-sender';
import { renderNoticeTemplate, personalize, type NoticeTemplate } from './notice-template';
import { claimRecipients, firstName, prepareProfiles, type Prepared } from './prepare';
import { generateLetterBatch } from './letters';
import { lastOppositionDay } from './window';
import { sendingMarker } from '@/lib/notifications/sending-marker';

export type DispatchOptions = {
  now: () => Date;
  from: string;
  appUrl: string;
  lettersDir: string;
  batchSize?: number;
  letterBatchSize?: number;
  /** How long a claimed batch stays reserved; past it, a crashed worker's rows are taken over. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Checked between batches: a worker shutting down stops after the batch in hand. */
  shouldStop?: () => boolean;
};
export type DispatchResult = 'done' | 'stopped' | 'waiting' | 'missing';



/**
 * A crashed worker leaves rows under an expired lease. PREPARED ones never reached the server: they
 * go back to the queue (a new code is issued). SENDING ones were handed over up to the final dot:
 * presumed sent, never sent twice (CMP-9), flagged as uncertain for the back-office.
 */
export async function settleExpiredLeases(db: Db, campaignId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('campaign_recipients').set({ status: 'QUEUED', lease_until: null })
      .where('campaign_id', '=', campaignId).where('status', '=', 'PREPARED').where('lease_until', '<', now).execute();
    const settled = await trx.updateTable('campaign_recipients').set({ status: 'SENT', uncertain: true, lease_until: null })
      .where('campaign_id', '=', campaignId).where('status', '=', 'SENDING').where('lease_until', '<', now)
      .returning(['profile_id', 'sent_at']).execute();
    await markNoticeSent(trx, settled.map((s) => ({ profileId: s.profile_id as string, sentAt: s.sent_at ?? now })));
  });
}

/** CMP-4: each profile's window runs from the day its notice was sent. */
async function markNoticeSent(trx: Db, sent: { profileId: string; sentAt: Date }[]): Promise<void> {
  if (sent.length === 0) return;
  await sql`update profiles p set notice_sent_at = s.sent_at, opposition_deadline = s.deadline::date
    from unnest(${sent.map((s) => s.profileId)}::uuid[], ${sent.map((s) => s.sentAt)}::timestamptz[], ${sent.map((s) => lastOppositionDay(s.sentAt))}::text[])
      as s(id, sent_at, deadline)
    where p.id = s.id and p.notice_sent_at is null`.execute(trx);
}

async function sendBatch(db: Db, sender: BulkSender, items: Prepared[], opts: Required<DispatchOptions>): Promise<void> {
  const now = opts.now();
  const deadline = frenchDay(new Date(`${lastOppositionDay(now)}T12:00:00Z`));
  const templates = new Map<boolean, NoticeTemplate>();
  for (const child of new Set(items.map((i) => i.kind === 'CHILD'))) {
    templates.set(child, await renderNoticeTemplate({ child, appUrl: opts.appUrl, lastOppositionDay: deadline, codeExpiresAt: codeExpiresAt(now) }));
  }
  const markSending = sendingMarker(db, 'campaign_recipients', opts.now, opts.leaseMs);
  const outcomes = new Map<string, SendOutcome>();
  let next = 0;
  await Promise.all(sender.slots.map(async (slot) => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      const template = templates.get(item.kind === 'CHILD')!;
      const fields = item.kind === 'CHILD'
        ? { firstName: firstName(item.parent_first_names), childFirstName: firstName(item.first_names), code: item.code }
        : { firstName: firstName(item.first_names), childFirstName: '', code: item.code };
      const body = personalize(template, fields);
      outcomes.set(item.id, await slot.send(
        { id: item.id, from: opts.from, to: item.to_email ?? '', messageId: `<notice-${item.id}@mon-espace-sante.localhost>`, ...body },
        () => markSending(item.id),
      ));
    }
  }));
  await finalizeBatch(db, items, outcomes, opts);
}

/** One transaction per batch: sent rows and their windows, bounces to letters (CMP-3), failures retried (CMP-9). */
async function finalizeBatch(db: Db, items: Prepared[], outcomes: Map<string, SendOutcome>, opts: Required<DispatchOptions>): Promise<void> {
  const ids = (kind: SendOutcome['kind']) => items.filter((i) => outcomes.get(i.id)?.kind === kind).map((i) => i.id);
  const now = opts.now();
  await db.transaction().execute(async (trx) => {
    const sent = ids('sent');
    if (sent.length > 0) {
      const rows = await trx.updateTable('campaign_recipients').set({ status: 'SENT', lease_until: null })
        .where('id', 'in', sent).where('status', '=', 'SENDING').returning(['profile_id', 'sent_at']).execute();
      await markNoticeSent(trx, rows.map((r) => ({ profileId: r.profile_id as string, sentAt: r.sent_at ?? now })));
    }
    const bounced = ids('bounced');
    if (bounced.length > 0) {
      await trx.updateTable('campaign_recipients')
        .set({ status: 'LETTER_QUEUED', channel: 'LETTER', bounced_at: now, lease_until: null, last_error: null })
        .where('id', 'in', bounced).execute();
    }
    for (const item of items.filter((i) => outcomes.get(i.id)?.kind === 'failed')) {
      const outcome = outcomes.get(item.id) as Extract<SendOutcome, { kind: 'failed' }>;
      await trx.updateTable('campaign_recipients')
        .set((eb) => ({
          status: sql`case when attempts + 1 >= ${opts.maxAttempts} then 'FAILED' else 'QUEUED' end`,
          attempts: eb('attempts', '+', 1), last_error: outcome.error, lease_until: null,
        }))
        .where('id', '=', item.id).where('status', 'in', ['PREPARED', 'SENDING']).execute();
    }
  });
}

async function claimEmailBatch(db: Db, campaignId: string, opts: Required<DispatchOptions>): Promise<Prepared[]> {
  return db.transaction().execute(async (trx) => {
    const now = opts.now();
    const claimed = await claimRecipients(trx, campaignId, 'QUEUED', opts.batchSize);
    const { ready } = await prepareProfiles(trx, claimed, now);
    if (ready.length > 0) {
      await sql`update campaign_recipients r set status = 'PREPARED', profile_id = u.profile_id,
          lease_until = ${new Date(now.getTime() + opts.leaseMs)}
        from unnest(${ready.map((r) => r.id)}::bigint[], ${ready.map((r) => r.profileId)}::uuid[]) as u(id, profile_id)
        where r.id = u.id`.execute(trx);
    }
    return ready;
  });
}

async function remaining(db: Db, campaignId: string, now: Date) {
  const { rows } = await sql<{ queued: string; letters: string; in_flight: string }>`
    select count(*) filter (where r.status = 'QUEUED' and (c.status = 'RUNNING' or r.profile_id is not null)) as queued,
      count(*) filter (where r.status = 'LETTER_QUEUED' and (c.status = 'RUNNING' or r.profile_id is not null)) as letters,
      count(*) filter (where r.status in ('PREPARED', 'SENDING') and r.lease_until >= ${now}) as in_flight
    from campaign_recipients r join campaigns c on c.id = r.campaign_id
    where r.campaign_id = ${campaignId} and r.status in ('QUEUED', 'LETTER_QUEUED', 'PREPARED', 'SENDING')`.execute(db);
  const r = rows[0];
  return { queued: Number(r?.queued ?? 0), letters: Number(r?.letters ?? 0), inFlight: Number(r?.in_flight ?? 0) };
}

/**
 * Works through a campaign until nothing is left or it is paused (CMP-3, CMP-9). Several dispatchers
 * may run at once (another worker, a restart): claims skip locked rows and every write is conditional.
 */
export async function dispatchCampaign(db: Db, sender: BulkSender, campaignId: string, options: DispatchOptions): Promise<DispatchResult> {
  const opts: Required<DispatchOptions> = { batchSize: 250, letterBatchSize: 1000, leaseMs: 120_000, maxAttempts: 3, shouldStop: () => false, ...options };
  // The next batch is prepared (profiles, codes, traces) while the current one is on the wire.
  let prefetched: Promise<Prepared[]> | null = null;
  const release = async () => {
    const held = prefetched ? await prefetched : [];
    prefetched = null;
    if (held.length > 0) {
      await db.updateTable('campaign_recipients').set({ status: 'QUEUED', lease_until: null })
        .where('id', 'in', held.map((h) => h.id)).where('status', '=', 'PREPARED').execute();
    }
  };
  for (;;) {
    const campaign = await db.selectFrom('campaigns').select(['status', 'births_since']).where('id', '=', campaignId).executeTakeFirst();
    if (!campaign || opts.shouldStop() || (campaign.status !== 'RUNNING' && campaign.status !== 'CANCELLED')) {
      await release();
      return campaign ? 'stopped' : 'missing';
    }
    const batch = prefetched ? await prefetched : await (async () => {
      await settleExpiredLeases(db, campaignId, opts.now());
      return claimEmailBatch(db, campaignId, opts);
    })();
    prefetched = null;
    if (batch.length > 0) {
      prefetched = claimEmailBatch(db, campaignId, opts);
      prefetched.catch(() => {}); // awaited (and its error thrown) on the next turn
      await sendBatch(db, sender, batch, opts);
      continue;
    }
    const left = await remaining(db, campaignId, opts.now());
    // Letters go to the print provider in batches of ~1 000 (CMP-3); the remainder once emails are done.
    if (left.letters >= opts.letterBatchSize || (left.letters > 0 && left.queued === 0)) {
      if (await generateLetterBatch(db, campaignId, opts.letterBatchSize, opts.lettersDir, opts.now())) continue;
    }
    if (left.queued > 0) { // held by another dispatcher that is preparing them: look again shortly
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    if (left.inFlight > 0) return 'waiting'; // another dispatcher holds them, or a crashed one's lease runs
    if (campaign.status === 'RUNNING' && !campaign.births_since) {
      await db.updateTable('campaigns').set({ status: 'DONE', finished_at: opts.now() })
        .where('id', '=', campaignId).where('status', '=', 'RUNNING').execute();
    }
    return 'done';
  }
}
