import { z } from 'zod';
import { parseInput } from './parse';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { DomainError, NotFoundError, ValidationError } from '@/lib/errors';
import { checkAttachments, discardAttachments, insertAttachments, putAttachments, type IncomingFile } from './attachments';
import { loadVisibleMessages } from './open-conversation';
import { noticePatientMessage } from './patient-message-notice';
import { conversationOf, ensurePatientSide } from './patient-side';
import { MAX_BODY, replyRefusal } from './rules';

export const patientReplySchema = z.object({
  profileId: z.string().uuid('Profil introuvable.'),
  conversationId: z.string().uuid('Conversation introuvable.'),
  body: z.string().max(MAX_BODY, `Le message ne doit pas dépasser ${MAX_BODY} caractères.`),
});
export type PatientReplyInput = z.input<typeof patientReplySchema> & { files?: IncomingFile[] };

/** MSG-4, MSG-5: the reply is refused (closed conversation, or an option that forbids it). */
export class ReplyRefusedError extends DomainError {
  constructor(reason: string) {
    super('message.reply-refused', reason, 'message');
  }
}

/**
 * MSG-4, MSG-5, MSG-9, MSG-10: the patient side replies in a conversation with a PS or a pharmacy (holder, representative or
 * aidant, labelled). Refused when the PS closed it ("[PS] a mis fin à vos échanges") or set an option
 * that forbids a reply. Attachments: DOC-2 checks, 10 MB per message. Traced.
 */
export async function replyAsPatient(db: Db, actor: Actor, raw: PatientReplyInput, now: Date): Promise<{ messageId: string }> {
  const input = parseInput(patientReplySchema, raw);
  const side = await ensurePatientSide(db, actor, 'message.write', input.profileId, 'message.reply', now);
  const c = await conversationOf(db, input.profileId, input.conversationId);
  const visible = await loadVisibleMessages(db, c.id);
  if (visible.length === 0) throw new NotFoundError('Conversation');
  const refusal = replyRefusal({ closed: c.closed_at !== null, professionalLabel: c.professional_label,
    lastOption: visible.filter((m) => m.authorKind !== 'PATIENT').at(-1)?.replyOption ?? null, inactive: c.inactive_since !== null,
    counterpart: c.counterpart });
  if (refusal) throw new ReplyRefusedError(refusal);
  const files = await checkAttachments(raw.files ?? []);
  if (!input.body.trim() && files.length === 0) throw new ValidationError('message.body-missing', 'Écrivez votre message ou joignez un document.', 'message');
  const stored = await putAttachments(files);
  try {
    return await db.transaction().execute(async (trx) => {
      // Serialise with a closing PS message: a reply never lands in a conversation closed meanwhile.
      const open = await trx.selectFrom('conversations').select('closed_at').where('id', '=', c.id).forUpdate().executeTakeFirstOrThrow();
      if (open.closed_at) throw new ReplyRefusedError(`${c.professional_label} a mis fin à vos échanges.`);
      const message = await trx.insertInto('messages').values({
        conversation_id: c.id, author_kind: 'PATIENT', author_account_id: side.accountId, author_label: side.authorLabel,
        written_by_label: side.writtenBy, body: input.body, reply_option: null, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await insertAttachments(trx, message.id, stored, now);
      await trx.updateTable('conversations').set({ last_message_at: now, patient_read_at: now }).where('id', '=', c.id).execute();
      await recordAccess(trx, { actor, action: 'message.reply', profileId: input.profileId, target: { type: 'message', id: message.id }, at: now });
      // MSG-3(b): a pharmacy's conversation shows as unread in its pharmacists' list (no single professional to tell).
      if (c.professional_id) {
        await noticePatientMessage(trx, { professionalId: c.professional_id, profileId: input.profileId, patientName: side.profileName,
          subject: c.subject, started: false, at: now });
      }
      return { messageId: message.id };
    });
  } catch (error) {
    await discardAttachments(stored);
    throw error;
  }
}
