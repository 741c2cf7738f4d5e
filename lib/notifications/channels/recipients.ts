import { wantsEmail, type NotificationKind, type Recipient } from '../kinds';

/** A notify() recipient with what the SMS and push channels need. */
export type ChannelRecipient = Pick<Recipient, 'accountId' | 'relation'> & {
  mobile: string | null; smsEnabled: boolean | null; pushEnabled: boolean | null;
};

/**
 * NOT-1, NOT-2, NOT-4, NOT-7 for one channel: each account once, unless it switched this kind off on that
 * channel (mandatory kinds always go); a security event concerns the holder's own account only. Pure.
 */
export function channelRecipients<R extends ChannelRecipient>(kind: NotificationKind, recipients: readonly R[], channel: 'SMS' | 'PUSH'): R[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const enabled = channel === 'SMS' ? r.smsEnabled : r.pushEnabled;
    if (seen.has(r.accountId) || !wantsEmail(kind, enabled)) return false;
    if (kind === 'SECURITY' && r.relation !== 'HOLDER') return false;
    if (channel === 'SMS' && !r.mobile) return false; // no mobile, no SMS
    seen.add(r.accountId);
    return true;
  });
}
