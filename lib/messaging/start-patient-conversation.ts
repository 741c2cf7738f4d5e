import { z } from 'zod';
import { parseInput } from './parse';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { checkAttachments, discardAttachments, insertAttachments, putAttachments, type IncomingFile } from './attachments';
import { contactableIds } from './contactable-professionals';
import { noticePatientMessage } from './patient-message-notice';
import { ensurePatientSide, proLabelSql } from './patient-side';
import { inactiveRefusal, MAX_BODY, MAX_SUBJECT } from './rules';

export const patientStartSchema = z.object({
  profileId: z.string().uuid('Profil introuvable.'),
  professionalId: z.string().uuid('Choisissez un professionnel de santé dans la liste.'),
  subject: z.string().trim().min(1, 'Saisissez l’objet du message.').max(MAX_SUBJECT, `L’objet ne doit pas dépasser ${MAX_SUBJECT} caractères.`),
  body: z.string().max(MAX_BODY, `Le message ne doit pas dépasser ${MAX_BODY} caractères.`),
});
export type PatientStartInput = z.input<typeof patientStartSchema> & { files?: IncomingFile[] };

/**
 * MSG-2, MSG-3(a), MSG-6, MSG-9: the patient side starts a conversation, only with a contactable PS
 * (already wrote, latest conversation open). MSG-6 holds by construction: the other side is always a
 * professional. Traced.
 */
export async function startPatientConversation(db: Db, actor: Actor, raw: PatientStartInput, now: Date): Promise<{ conversationId: string }> {
  const input = parseInput(patientStartSchema, raw);
  const side = await ensurePatientSide(db, actor, 'message.write', input.profileId, 'message.start', now);
  const pro = await db.selectFrom('professionals as pr').select(['pr.inactive_since']).select(proLabelSql.as('label'))
    .where('pr.id', '=', input.professionalId).executeTakeFirst();
  if (pro?.inactive_since) throw new ValidationError('message.professional-inactive', inactiveRefusal(pro.label), 'professionnel'); // MSG-11
  if (!(await contactableIds(db, input.profileId)).has(input.professionalId)) {
    throw new ValidationError('message.not-contactable',
      'Vous ne pouvez écrire qu’à un professionnel qui vous a déjà écrit et dont la dernière conversation est ouverte (MSG-3).', 'professionnel');
  }
  const files = await checkAttachments(raw.files ?? []);
  if (!input.body.trim() && files.length === 0) throw new ValidationError('message.body-missing', 'Écrivez votre message ou joignez un document.', 'message');
  const stored = await putAttachments(files);
  try {
    return await db.transaction().execute(async (trx) => {
      const c = await trx.insertInto('conversations').values({
        profile_id: input.profileId, professional_id: input.professionalId, subject: input.subject, opened_at: now, closed_at: null, closed_by: null,
        last_message_at: now, patient_read_at: now, pro_read_at: null, deleted_by_patient_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      const m = await trx.insertInto('messages').values({
        conversation_id: c.id, author_kind: 'PATIENT', author_account_id: side.accountId, author_label: side.authorLabel,
        written_by_label: side.writtenBy, body: input.body, reply_option: null, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await insertAttachments(trx, m.id, stored, now);
      await recordAccess(trx, { actor, action: 'message.start', profileId: input.profileId, target: { type: 'conversation', id: c.id }, at: now });
      await noticePatientMessage(trx, { professionalId: input.professionalId, profileId: input.profileId, patientName: side.profileName,
        subject: input.subject, started: true, at: now });
      return { conversationId: c.id };
    });
  } catch (error) {
    await discardAttachments(stored);
    throw error;
  }
}
