import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize, type Target } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { SWITCHABLE_KINDS, type NotificationChannel, type SwitchableKind } from './kinds';
import { accountIdOf } from './list-notifications';

export type ChannelSwitches = Record<SwitchableKind, boolean>;
const KINDS = Object.keys(SWITCHABLE_KINDS) as SwitchableKind[];
/** Channels an account can switch (NOT-1). */
export const OPEN_CHANNELS: readonly NotificationChannel[] = ['EMAIL', 'SMS', 'PUSH'];

/**
 * The policy gate of an account's own switches (NOT-1); a refusal is traced, then thrown. FS-3: an advisor
 * within an assisted visit manages the visited person's account (the guard set `actor.visit`).
 * Returns whose switches they are.
 */
async function ensureManage(db: Db, actor: Actor, now: Date): Promise<{ accountId: string; profileId: string | null }> {
  const personProfileId = actor.kind === 'ADVISOR' ? actor.visit?.personProfileId ?? null : null;
  const target: Target = personProfileId ? { profile: (await findProfileTarget(db, personProfileId)).target } : {};
  const decision = authorize(actor, 'notifications.manage', target);
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'notification.preferences', profileId: personProfileId, decision, at: now });
    throw new AccessDeniedError(decision.reason);
  }
  if (!target.profile) return { accountId: accountIdOf(actor), profileId: actor.kind === 'PATIENT' ? actor.ownProfileId : null };
  if (!target.profile.holderAccountId) {
    throw new ValidationError('notification.no-account', 'Cette personne n’a pas encore activé son profil : elle n’a pas de préférences de notification.');
  }
  return { accountId: target.profile.holderAccountId, profileId: target.profile.id };
}

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
