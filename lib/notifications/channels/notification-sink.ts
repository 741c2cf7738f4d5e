import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';

export const SINK_PAGE_SIZE = 50;

/**
 * « SMS et notifications push (démonstration) »: what the `sink` provider kept, newest first, 50 a page
 * (keyset on id). Staff only, same gate and trace as the demo mailbox; empty with a real provider.
 */
export async function listNotificationSink(db: Db, actor: Actor, before: string | undefined, now: Date) {
  const decision = authorize(actor, 'backoffice.mailbox.read');
  await recordAccess(db, { actor, action: 'backoffice.mailbox.read', profileId: null, decision, at: now, channel: 'BACKOFFICE',
    target: { type: 'notification-sink', id: before ?? 'latest' } });
  if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  let q = db.selectFrom('notification_sink').select(['id', 'channel', 'recipient', 'text', 'provider_id', 'created_at']);
  if (before && /^\d+$/.test(before)) q = q.where('id', '<', before);
  const rows = await q.orderBy('id', 'desc').limit(SINK_PAGE_SIZE + 1).execute();
  const page = rows.slice(0, SINK_PAGE_SIZE);
  return { rows: page, olderCursor: rows.length > SINK_PAGE_SIZE ? page[page.length - 1]!.id : undefined };
}
