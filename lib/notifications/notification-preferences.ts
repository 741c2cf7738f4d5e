import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { managedAccount } from '@/lib/accounts/managed-account';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { SWITCHABLE_KINDS, type NotificationChannel, type SwitchableKind } from './kinds';

export type ChannelSwitches = Record<SwitchableKind, boolean>;
const KINDS = Object.keys(SWITCHABLE_KINDS) as SwitchableKind[];
/** Channels an account can switch (NOT-1). */
export const OPEN_CHANNELS: readonly NotificationChannel[] = ['EMAIL', 'SMS', 'PUSH'];

/** NOT-1: whose switches (FS-3: the visited person's during an assisted visit); a refusal traced, then thrown. */
const ensureManage = (db: Db, actor: Actor, now: Date) => managedAccount(db, actor, 'notifications.manage', 'notification.preferences', now);

/** NOT-1: this account's switches on one channel; a kind never switched is on. */
export async function notificationPreferences(db: Db, actor: Actor, channel: NotificationChannel, now: Date): Promise<ChannelSwitches> {
  const { accountId } = await ensureManage(db, actor, now);
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'enabled'])
    .where('account_id', '=', accountId).where('channel', '=', channel).execute();
  const stored = new Map(rows.map((r) => [r.kind, r.enabled]));
  return Object.fromEntries(KINDS.map((k) => [k, stored.get(k) ?? true])) as ChannelSwitches;
}

/**
 * NOT-1: saves this account's switches on one channel, every kind at once (a box left unticked is off).
 * Mandatory kinds (NOT-2, NOT-4) have no switch. Traced `notification.preferences` on the account's own
 * profile, with the kinds now off.
 */
export async function setNotificationPreferences(db: Db, actor: Actor, input: { channel: NotificationChannel; enabled: ChannelSwitches }, now: Date): Promise<void> {
  const { accountId, profileId } = await ensureManage(db, actor, now);
  if (!OPEN_CHANNELS.includes(input.channel)) throw new ValidationError('notification.channel-closed', 'Ce canal de notification sera bientôt disponible.');
  const values = KINDS.map((kind) => ({ account_id: accountId, kind, channel: input.channel, enabled: input.enabled[kind] !== false, updated_at: now }));
  const off = values.filter((v) => !v.enabled).map((v) => v.kind);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('notification_preferences').values(values)
      .onConflict((oc) => oc.columns(['account_id', 'kind', 'channel']).doUpdateSet((eb) => ({
        enabled: eb.ref('excluded.enabled'), updated_at: eb.ref('excluded.updated_at') }))).execute();
    await recordAccess(trx, { actor, action: 'notification.preferences', profileId, at: now,
      target: { type: 'notification-preferences', id: `${input.channel}:${off.length ? `off=${off.join(',')}` : 'all-on'}` } });
  });
}
