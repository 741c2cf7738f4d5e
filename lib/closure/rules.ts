import { addDays, parisDay } from '@/lib/campaigns/window';

/** CLO-4: closed data is archived for 10 years from closed_at, then purged. */
export const ARCHIVE_YEARS = 10;
/** CLO-5: a deletion request is purged at +30 days, BO alerted at +75, honoured within 3 months. */
export const DELETION_PURGE_DAYS = 30;
export const DELETION_ALERT_DAYS = 75;
/** CLO-9: without objection within 42 days of the notification, a suspended profile closes. */
export const SUSPENSION_DAYS = 42;

/** The Paris day a closed profile's archive ends (purge from the next day). */
export function archiveEndsOn(closedAt: Date): string {
  const day = parisDay(closedAt);
  const [y, m, d] = day.split('-') as [string, string, string];
  const year = Number(y) + ARCHIVE_YEARS;
  // 29 February + 10 years is never a leap day: keep the archive until 28 February.
  const date = m === '02' && d === '29' ? `${year}-02-28` : `${year}-${m}-${d}`;
  return date;
}

export const purgeDueOn = (requestedAt: Date) => addDays(parisDay(requestedAt), DELETION_PURGE_DAYS);
export const deletionAlertOn = (requestedAt: Date) => addDays(parisDay(requestedAt), DELETION_ALERT_DAYS);
/** Last day to object (inclusive), counted from the day the suspension is notified. */
export const suspensionDeadline = (notifiedAt: Date) => addDays(parisDay(notifiedAt), SUSPENSION_DAYS);
