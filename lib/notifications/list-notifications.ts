import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import type { NotificationData, NotificationKind } from './kinds';
import { inAppContent, type InAppContent } from './messages';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  /** NOT-6: read by this account (another account's reading changes nothing here). */
  read: boolean;
  content: InAppContent;
};

type Cursor = { t: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString()) as Cursor;
    const valid = typeof c.t === 'string' && !Number.isNaN(Date.parse(c.t)) && typeof c.id === 'string' && /^[0-9a-f-]{36}$/i.test(c.id);
    return valid ? c : undefined;
  } catch {
    return undefined;
  }
}

/** The account behind a patient-side actor; the policy lets only patients reach notifications. */
export function accountIdOf(actor: Actor): string {
  if (actor.kind !== 'PATIENT') throw new Error('notifications belong to patient-side accounts');
  return actor.accountId;
}

/**
 * NOT-6: one page of a profile's in-app notifications, newest first, with this account's read state;
 * deleted ones are gone for everybody. Keyset pages both ways (`before`: older, `after`: newer).
 */
export async function listNotifications(db: Db, actor: Actor, input: { profileId: string; before?: string; after?: string }, now: Date) {
  await ensureOnProfile(db, actor, 'notifications.read', input.profileId, 'notification.list', now);
  const accountId = accountIdOf(actor);
  const base = db.selectFrom('notifications as n')
    .select(['n.id', 'n.kind', 'n.data', 'n.created_at'])
    .select(sql<boolean>`exists (select 1 from notification_reads r where r.account_id = ${accountId} and r.notification_id = n.id)`.as('read'))
    .where('n.profile_id', '=', input.profileId).where('n.deleted_at', 'is', null);
  const after = decode(input.after);
  const before = after ? undefined : decode(input.before);
  const key = sql`(n.created_at, n.id)`;
  let rows;
  let hasOlder: boolean;
  let hasNewer: boolean;
  if (after) {
    const found = await base.where(sql<boolean>`${key} > (${after.t}::timestamptz, ${after.id}::uuid)`)
      .orderBy('n.created_at', 'asc').orderBy('n.id', 'asc').limit(NOTIFICATIONS_PAGE_SIZE + 1).execute();
    hasNewer = found.length > NOTIFICATIONS_PAGE_SIZE;
    rows = found.slice(0, NOTIFICATIONS_PAGE_SIZE).reverse();
    hasOlder = true;
  } else {
    const query = before ? base.where(sql<boolean>`${key} < (${before.t}::timestamptz, ${before.id}::uuid)`) : base;
    const found = await query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(NOTIFICATIONS_PAGE_SIZE + 1).execute();
    hasOlder = found.length > NOTIFICATIONS_PAGE_SIZE;
    rows = found.slice(0, NOTIFICATIONS_PAGE_SIZE);
    hasNewer = !!before;
  }
  const items: NotificationItem[] = rows.map((r) => ({
    id: r.id, kind: r.kind, createdAt: r.created_at, read: r.read, content: inAppContent(r.kind, r.data as NotificationData),
  }));
  const cursorOf = (item: NotificationItem | undefined) => (item ? encode({ t: item.createdAt.toISOString(), id: item.id }) : undefined);
  return {
    items,
    olderCursor: hasOlder ? cursorOf(items[items.length - 1]) : undefined,
    newerCursor: hasNewer ? cursorOf(items[0]) : undefined,
  };
}
