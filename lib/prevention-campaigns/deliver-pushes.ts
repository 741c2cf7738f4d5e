import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { PushProvider } from '@/lib/notifications/channels';
import { PREVENTION_MAX_ATTEMPTS, SKIPPED_REASON } from './delivery-rules';
import { stillReaches } from './recipients';
import { pushText } from './teaser-template';

export type PushDeliveryOptions = {
  now: () => Date;
  teaser: string;
  leaseMs: number;
  pushBatchSize?: number;
  /** Bench: stop after about this many pushes. */
  limit?: number;
  shouldStop?: () => boolean;
};
type Claimed = { id: string; token: string; text: string; outbox_id: string };

/**
 * PRV-9, NOT-7: a campaign's push notifications, in chunks through the channel provider interface (no
 * BullMQ job per device). Each push gets an outbox row when first claimed (kind notification-push,
 * ENQUEUED: handed to this deliverer, never relayed), whose id is the stable idempotency key the provider
 * interface defines (`outbox-<id>`): the development sink keys its row by it and a real operator
 * deduplicates on it, so a chunk resent after a crash delivers nothing twice. The send and the SENT mark
 * share one transaction (the sink writes in it), as processNotification does for one push.
 */
export async function deliverPushes(db: Db, provider: PushProvider, campaignId: string, opts: PushDeliveryOptions): Promise<'done' | 'stopped' | 'waiting'> {
  const size = opts.pushBatchSize ?? 500;
  let sent = 0;
  for (;;) {
    if (opts.shouldStop?.() || (opts.limit !== undefined && sent >= opts.limit)) return 'stopped';
    const running = await db.selectFrom('prevention_campaigns').select('status').where('id', '=', campaignId).executeTakeFirst();
    if (running?.status !== 'RUNNING') return 'stopped';
    const chunk = await claimPushes(db, campaignId, opts, size);
    if (chunk.length === 0) {
      const left = await db.selectFrom('prevention_pushes').select('id').where('campaign_id', '=', campaignId)
        .where('status', 'in', ['QUEUED', 'PREPARED']).limit(1).executeTakeFirst();
      return left ? 'waiting' : 'done';
    }
    await sendChunk(db, provider, campaignId, chunk, opts.now());
    sent += chunk.length;
  }
}

/** Claims queued pushes under a lease; a deleted device, a profile no longer ACTIVE or opted out (PRV-8), an account
 * that no longer reaches it (REP-6, AID-6): SKIPPED. */
async function claimPushes(db: Db, campaignId: string, opts: PushDeliveryOptions, size: number): Promise<Claimed[]> {
  const now = opts.now();
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; status: string; token: string | null; holder: boolean; first_name: string; outbox_id: string | null; device_id: string | null }>`
      with c as (
        select id from prevention_pushes where campaign_id = ${campaignId} and status = 'QUEUED'
        order by id limit ${size} for update skip locked
      ), info as (
        select x.id, d.token, split_part(p.first_names, ' ', 1) as first_name,
          coalesce(d.id is not null and p.state = 'ACTIVE' and not exists (select 1 from prevention_opt_outs o where o.profile_id = x.profile_id)
            and ${stillReaches(sql`x.account_id`, sql`x.profile_id`)}, false) as ok
        from prevention_pushes x join c on c.id = x.id
        left join push_devices d on d.id = x.device_id left join profiles p on p.id = x.profile_id
      )
      update prevention_pushes x set
        status = case when info.ok then 'PREPARED' else 'SKIPPED' end,
        lease_until = case when info.ok then ${new Date(now.getTime() + opts.leaseMs)}::timestamptz end,
        last_error = case when info.ok then null else ${SKIPPED_REASON} end
      from info where x.id = info.id
      returning x.id, x.status, info.token, x.holder, info.first_name, x.outbox_id, x.device_id`.execute(trx);
    const skipped = rows.filter((r) => r.status === 'SKIPPED').length;
    if (skipped > 0) {
      await trx.updateTable('prevention_campaigns').set((eb) => ({ pushes_skipped: eb('pushes_skipped', '+', skipped) }))
        .where('id', '=', campaignId).execute();
    }
    const ready = rows.filter((r) => r.status === 'PREPARED').map((r) => ({ ...r, text: pushText(opts.teaser, r.holder ? null : r.first_name) }));
    const fresh = ready.filter((r) => !r.outbox_id);
    if (fresh.length > 0) {
      // The idempotency keys, committed with the claim: a resend after a crash reuses them.
      const { rows: keys } = await sql<{ id: string; push_id: string }>`
        insert into outbox (kind, payload, status, enqueued_at)
        select 'notification-push', json_build_object('deviceId', u.device_id, 'text', u.text, 'preventionPushId', u.push_id::text), 'ENQUEUED', ${now}
        from unnest(${fresh.map((r) => r.id)}::bigint[], ${fresh.map((r) => r.device_id)}::uuid[], ${fresh.map((r) => r.text)}::text[]) as u(push_id, device_id, text)
        returning id, payload->>'preventionPushId' as push_id`.execute(trx);
      await sql`update prevention_pushes x set outbox_id = k.outbox_id
        from unnest(${keys.map((k) => k.push_id)}::bigint[], ${keys.map((k) => k.id)}::bigint[]) as k(id, outbox_id) where x.id = k.id`.execute(trx);
      const byPush = new Map(keys.map((k) => [k.push_id, k.id]));
      for (const r of fresh) r.outbox_id = byPush.get(r.id)!;
    }
    return ready.map((r) => ({ id: r.id, token: r.token!, text: r.text, outbox_id: r.outbox_id! }));
  });
}

async function sendChunk(db: Db, provider: PushProvider, campaignId: string, chunk: Claimed[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const sent: Claimed[] = [];
    const failed: { item: Claimed; error: string }[] = [];
    for (const item of chunk) {
      try {
        await provider.send(item.token, item.text, { idempotencyKey: `outbox-${item.outbox_id}`, db: trx });
        sent.push(item);
      } catch (e) {
        failed.push({ item, error: (e as Error).message.slice(0, 500) });
      }
    }
    if (sent.length > 0) {
      await trx.updateTable('prevention_pushes').set({ status: 'SENT', sent_at: now, lease_until: null })
        .where('id', 'in', sent.map((s) => s.id)).execute();
      await trx.updateTable('outbox').set((eb) => ({ status: 'DONE', done_at: now, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', sent.map((s) => s.outbox_id)).execute();
    }
    let gaveUp = 0;
    for (const { item, error } of failed) {
      const row = await trx.updateTable('prevention_pushes')
        .set((eb) => ({ status: sql`case when attempts + 1 >= ${PREVENTION_MAX_ATTEMPTS} then 'FAILED' else 'QUEUED' end`,
          attempts: eb('attempts', '+', 1), last_error: error, lease_until: null }))
        .where('id', '=', item.id).returning('status').executeTakeFirst();
      if (row?.status === 'FAILED') gaveUp++;
    }
    await trx.updateTable('prevention_campaigns')
      .set((eb) => ({ pushes_sent: eb('pushes_sent', '+', sent.length), pushes_failed: eb('pushes_failed', '+', gaveUp) }))
      .where('id', '=', campaignId).execute();
  });
}

/** A crashed runner's claimed pushes go back to the queue, keeping their idempotency keys. */
export async function settleExpiredPushLeases(db: Db, campaignId: string, now: Date): Promise<void> {
  await db.updateTable('prevention_pushes').set({ status: 'QUEUED', lease_until: null })
    .where('campaign_id', '=', campaignId).where('status', '=', 'PREPARED').where('lease_until', '<', now).execute();
}
