import type { Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { sendProfessionalMessage } from '@/lib/professional-access/pro-messages';

/**
 * MSG-4, MSG-3(a): the professional is told that the patient side wrote to them, by a row in their
 * « Messagerie sécurisée » (/pro/messages), written in the patient's transaction. Chosen over an unread
 * marker on the patient's « Messagerie » tab because that tab is only seen once the professional opens
 * that very patient: the inbox is the one place a professional with many patients watches. The
 * message itself stays in the conversation (no copy of its content or attachments).
 */
export async function noticePatientMessage(trx: Transaction<DB>,
  input: { professionalId: string; profileId: string; patientName: string; subject: string; started: boolean; at: Date }): Promise<void> {
  await sendProfessionalMessage(trx, {
    professionalId: input.professionalId, profileId: input.profileId, at: input.at,
    subject: `${input.started ? 'Nouveau message' : 'Réponse'} de ${input.patientName} : ${input.subject}`,
    body: `${input.patientName} vous a ${input.started ? 'écrit' : 'répondu'} dans la conversation « ${input.subject} ».\n`
      + `Lisez son message dans l’onglet « Messagerie » de son dossier : /pro/patients/${input.profileId}/messages`,
  });
}
