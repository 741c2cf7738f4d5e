import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { LIVE_AIDANT_LINK } from '@/lib/aidants/live-links';
import { config } from '@/lib/config';
import { enqueue } from '@/lib/queue/outbox';
import { enqueueChannelMessages } from './channels/enqueue-channels';
import type { ChannelRecipient } from './channels/recipients';
import { emailRecipients, isDeliverable, keepsInAppRow, preferenceOf, type NotificationData, type NotificationKind, type Recipient } from './kinds';

export type NotifyInput = {
  profileId: string; kind: NotificationKind; data?: NotificationData; at: Date;
  /** The caller already emails its own, more precise message (closure, suspension, lockout): no email (SMS and push still go). */
  inAppOnly?: boolean;
};
export type NotifyResult = { notificationId: string | null; emailedAccountIds: string[]; smsAccountIds?: string[]; pushDeviceIds?: string[] };

/**
 * THE way a feature tells a profile's people that something happened (NOT-1..7), in the caller's
 * transaction: one in-app notification for the profile, shared by all its accounts (NOT-6), and one
 * outbox email per recipient account (holder, representatives, later accepted aidants: NOT-7) unless
 * that account switched this kind off (NOT-1); mandatory kinds always go (NOT-2, NOT-4). Nothing at all
 * for a profile that is not ACTIVE (NOT-5), except closure, suspension and completed deletion.
 *
 * The row is shared: never notify about something one of the profile's accounts may not see (an
 * `invisible_patient` document, or an `invisible_representants_legaux` one on a represented profile).
 * SMS and push (lib/notifications/channels): per account and channel the same NOT-1 switches decide, SMS
 * only to an account's own mobile, push only to its registered devices, SMS held 21:00–08:00 (NOT-7).
 */
export async function notify(db: Transaction<DB> | Kysely<DB>, input: NotifyInput): Promise<NotifyResult> {
  if (!db.isTransaction) return db.transaction().execute((trx) => notify(trx, input));
  const trx = db as Transaction<DB>;
  const profile = await trx.selectFrom('profiles').select(['id', 'state', 'previous_state', 'first_names'])
    .where('id', '=', input.profileId).executeTakeFirst();
  if (!profile || !isDeliverable(input.kind, { state: profile.state, previousState: profile.previous_state })) {
    return { notificationId: null, emailedAccountIds: [] };
  }
  const data = input.data ?? {};
  const row = keepsInAppRow(profile.state)
    ? await trx.insertInto('notifications')
      .values({ profile_id: profile.id, kind: input.kind, data: JSON.stringify(data), created_at: input.at })
      .returning('id').executeTakeFirstOrThrow()
    : undefined;
  const everyone = await recipientsOf(trx, profile.id, input.kind);
  const recipients = input.inAppOnly ? [] : emailRecipients(input.kind, everyone);
  const appUrl = config().APP_URL;
  const firstName = profile.first_names.split(' ')[0] ?? '';
  const channels = await enqueueChannelMessages(trx, { kind: input.kind, data, at: input.at, profileFirstName: firstName, recipients: everyone });
  for (const r of recipients) {
    const holder = r.relation === 'HOLDER';
    await enqueue(trx, { kind: 'email', message: { template: 'notification', to: r.email, data: {
      kind: input.kind, appUrl, profileFirstName: holder ? null : firstName, profileId: holder ? null : profile.id,
      ...(data.securityEvent && { securityEvent: data.securityEvent }),
      ...(data.emergency && { emergency: data.emergency }), // EMG-5
    } } });
  }
  return { notificationId: row?.id ?? null, emailedAccountIds: recipients.map((r) => r.accountId), ...channels };
}

/** NOT-7: every account that receives this profile's notifications, with the email switch governing `kind` (NOT-1). */
async function recipientsOf(trx: Transaction<DB>, profileId: string, kind: NotificationKind): Promise<(Recipient & ChannelRecipient)[]> {
  const { rows } = await sql<{ account_id: string; email: string; relation: Recipient['relation']; email_enabled: boolean | null;
    mobile: string | null; sms_enabled: boolean | null; push_enabled: boolean | null }>`
    select a.id as account_id, a.email, x.relation, p.enabled as email_enabled, a.mobile, s.enabled as sms_enabled, d.enabled as push_enabled
    from (
      select id as account_id, 'HOLDER' as relation, 0 as rank from accounts where profile_id = ${profileId}
      union all
      select account_id, 'REPRESENTATIVE', 1 from representations where profile_id = ${profileId} and revoked_at is null
      union all
      -- AID-4, NOT-7: accepted aidants, while the link is live (AID-6: not when suspended, revoked or closed).
      select l.aidant_account_id, 'AIDANT', 2 from aidant_links l join profiles ap on ap.id = l.aided_profile_id
      where l.aided_profile_id = ${profileId} and ${LIVE_AIDANT_LINK}
    ) x
    join accounts a on a.id = x.account_id
    left join notification_preferences p on p.account_id = a.id and p.kind = ${preferenceOf(kind) ?? kind} and p.channel = 'EMAIL'
    left join notification_preferences s on s.account_id = a.id and s.kind = ${preferenceOf(kind) ?? kind} and s.channel = 'SMS'
    left join notification_preferences d on d.account_id = a.id and d.kind = ${preferenceOf(kind) ?? kind} and d.channel = 'PUSH'
    order by x.rank, a.id`.execute(trx);
  return rows.map((r) => ({ accountId: r.account_id, email: r.email, relation: r.relation, emailEnabled: r.email_enabled,
    mobile: r.mobile, smsEnabled: r.sms_enabled, pushEnabled: r.push_enabled }));
}
