import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { sendProfessionalMessage } from '@/lib/professional-access/pro-messages';

/**
 * MSG-12: the sender's non-delivery notice, in their « Messagerie sécurisée » (/pro/messages). It names
 * the subject they wrote (their own words) and why the message was not delivered or is held.
 */
export async function noticeNonDelivery(db: Transaction<DB> | Kysely<DB>,
  input: { professionalId: string; profileId: string; subject: string; reason: string; held?: boolean; at: Date }): Promise<void> {
  await sendProfessionalMessage(db, {
    professionalId: input.professionalId, profileId: input.profileId, at: input.at,
    subject: input.held ? `Message en attente : ${input.subject}` : `Message non distribué : ${input.subject}`,
    body: input.held
      ? `Votre message « ${input.subject} » est conservé : il sera distribué quand le profil du patient sera de nouveau actif. Motif : ${input.reason}`
      : `Votre message « ${input.subject} » n’a pas été distribué. Motif : ${input.reason}`,
  });
}
