import { emailContent } from '../messages';
import type { NotificationData, NotificationKind } from '../kinds';

/**
 * NOT-7: the SMS and push text of a notification: the email's sentence (which names no document, no
 * professional, nothing medical) and its advice. Never the EMG-5 details an emergency email lists. Pure.
 */
export function channelText(kind: NotificationKind, input: { profileFirstName: string | null; data?: NotificationData }): string {
  const content = emailContent(kind, { profileFirstName: input.profileFirstName, securityEvent: input.data?.securityEvent });
  const tail = content.advice ?? (content.link ? 'Connectez-vous à Mon espace santé pour en savoir plus.' : '');
  return `Mon espace santé : ${content.sentence}${tail ? ` ${tail}` : ''}`;
}
