import { z } from 'zod';
import { parseInput } from './parse';
import type { Db } from '@/db/client';
import type { ReplyOption } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, DomainError, NotFoundError, ValidationError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { professionalLabel } from '@/lib/professional-access/access-notice';
import { ensurePatient, type Channel } from '@/lib/professional-access/patient-gate';
import { checkAttachments, discardAttachments, insertAttachments, putAttachments, type IncomingFile } from './attachments';
import { noticeNonDelivery } from './non-delivery';
import { finOf, isReplyOption, MAX_BODY, MAX_SUBJECT, type FinKind } from './rules';

export const proMessageSchema = z.object({
  profileId: z.string().uuid('Patient introuvable.'),
  /** Absent: a new conversation (MSG-2); present: a message in one of this professional's conversations. */
  conversationId: z.string().uuid('Conversation introuvable.').optional(),
  subject: z.string().trim().min(1, 'Saisissez l’objet du message.').max(MAX_SUBJECT, `L’objet ne doit pas dépasser ${MAX_SUBJECT} caractères.`),
  body: z.string().max(MAX_BODY, `Le message ne doit pas dépasser ${MAX_BODY} caractères.`),
  replyOption: z.string().refine(isReplyOption, 'Choisissez l’option de réponse (MSG-4).'),
});
export type ProMessageInput = z.input<typeof proMessageSchema> & { files?: IncomingFile[] };

/** MSG-12: the profile cannot receive messages (CREATED, closed…); the sender gets a non-delivery notice. */
export class NotDeliveredError extends DomainError {
  constructor(reason: string) {
    super('message.not-delivered', `Message non distribué : ${reason} Un avis de non-distribution vous a été envoyé.`);
  }
}

export type ProMessageResult = {
  conversationId: string;
  /** Null for an empty `[FIN]` (MSG-7): nothing is delivered. */
  messageId: string | null;
  /** DELIVERED; HELD for a SUSPENDED profile (MSG-12); CLOSED_ONLY for an empty `[FIN]` (MSG-7). */
  outcome: 'DELIVERED' | 'HELD' | 'CLOSED_ONLY';
  fin: FinKind;
};

const NOT_ACTIVE_REASON = 'le profil de ce patient n’est pas actif : il ne peut pas recevoir de message (MSG-12).';

/**
 * MSG-2, MSG-4, MSG-7, MSG-8, MSG-12, PRO-6: a professional writes to a patient — a new conversation or
 * a message in one of theirs. Through the professional gate (authorised, NORMAL mode, not blocked); a
 * refusal is traced and the sender gets a non-delivery notice in their « Messagerie sécurisée ».
 * - ACTIVE profile: delivered and notified (NOT-7: the email carries neither subject nor content);
 * - SUSPENDED: stored HELD, not shown nor notified (see deliver-held-messages.ts), the sender is told;
 * - any other state (CREATED, closed…): refused.
 * `[FIN]` in the subject: empty → closes, nothing delivered, trace only (MSG-7); with content →
 * delivered as written, then closed (MSG-8). Attachments: DOC-2 checks, 10 MB per message (MSG-10).
 */
export async function writeToPatient(db: Db, actor: ProfessionalActor, raw: ProMessageInput, now: Date, channel: Channel): Promise<ProMessageResult> {
  const input = parseInput(proMessageSchema, raw);
  let access;
  try {
    access = await ensurePatient(db, actor, input.profileId, 'message.send', 'message.send', now, channel);
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      await noticeNonDelivery(db, { professionalId: actor.professionalId, profileId: input.profileId, subject: input.subject,
        reason: error.message.replace(/^Accès refusé : /, ''), at: now });
    }
    throw error;
  }
  const state = access.profile.state;
  if (state !== 'ACTIVE' && state !== 'SUSPENDED') {
    await db.transaction().execute(async (trx) => {
      await recordAccess(trx, { actor, action: 'message.send', profileId: input.profileId, denied: 'profile-not-active', mode: access.mode, at: now, channel });
      await noticeNonDelivery(trx, { professionalId: actor.professionalId, profileId: input.profileId, subject: input.subject, reason: NOT_ACTIVE_REASON, at: now });
    });
    throw new NotDeliveredError(NOT_ACTIVE_REASON);
  }

  const conversation = input.conversationId
    ? await db.selectFrom('conversations').select(['id', 'closed_at']).where('id', '=', input.conversationId)
      .where('profile_id', '=', input.profileId).where('professional_id', '=', actor.professionalId).executeTakeFirst()
    : undefined;
  if (input.conversationId && !conversation) throw new NotFoundError('Conversation');
  if (conversation?.closed_at) {
    throw new ValidationError('message.conversation-closed', 'Cette conversation est close : écrivez un nouveau message au patient.', 'sujet');
  }
  const files = await checkAttachments(raw.files ?? []);
  const fin = finOf({ subject: input.subject, bodyHtmlOrText: input.body, attachments: files.length });
  if (fin === 'NONE' && files.length === 0 && !input.body.trim()) {
    throw new ValidationError('message.body-missing', 'Écrivez votre message ou joignez un document.', 'message');
  }
  if (fin === 'CLOSE_ONLY' && !conversation) {
    throw new ValidationError('message.fin-without-conversation',
      'Un message « [FIN] » sans contenu clôt une conversation : choisissez la conversation à clore.', 'sujet');
  }

  if (fin === 'CLOSE_ONLY') {
    // MSG-7: nothing delivered, no notification; the closure is traced.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('conversations').set({ closed_at: now, closed_by: actor.professionalId })
        .where('id', '=', conversation!.id).where('closed_at', 'is', null).execute();
      await recordAccess(trx, { actor, action: 'message.close', profileId: input.profileId, target: { type: 'conversation', id: conversation!.id },
        mode: access.mode, at: now, channel });
    });
    return { conversationId: conversation!.id, messageId: null, outcome: 'CLOSED_ONLY', fin };
  }

  const held = state === 'SUSPENDED';
  const stored = await putAttachments(files);
  try {
    return await db.transaction().execute(async (trx) => {
      const conversationId = conversation?.id ?? (await trx.insertInto('conversations').values({
        profile_id: input.profileId, professional_id: actor.professionalId, subject: input.subject, opened_at: now,
        closed_at: null, closed_by: null, last_message_at: now, patient_read_at: null, pro_read_at: now, deleted_by_patient_at: null,
      }).returning('id').executeTakeFirstOrThrow()).id;
      const message = await trx.insertInto('messages').values({
        conversation_id: conversationId, author_kind: 'PS', author_account_id: null, author_label: professionalLabel(actor), written_by_label: null,
        body: input.body, reply_option: input.replyOption as ReplyOption, status: held ? 'HELD' : 'DELIVERED', created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await insertAttachments(trx, message.id, stored, now);
      await trx.updateTable('conversations').set({
        pro_read_at: now, ...(!held && { last_message_at: now }),
        ...(fin === 'DELIVER_THEN_CLOSE' && { closed_at: now, closed_by: actor.professionalId }), // MSG-8: delivered, then closed
      }).where('id', '=', conversationId).execute();
      await recordAccess(trx, { actor, action: 'message.send', profileId: input.profileId, target: { type: 'message', id: message.id },
        mode: access.mode, at: now, channel });
      if (fin === 'DELIVER_THEN_CLOSE') {
        await recordAccess(trx, { actor, action: 'message.close', profileId: input.profileId, target: { type: 'conversation', id: conversationId },
          mode: access.mode, at: now, channel });
      }
      if (held) {
        await noticeNonDelivery(trx, { professionalId: actor.professionalId, profileId: input.profileId, subject: input.subject, held: true,
          reason: 'le profil de ce patient est suspendu (MSG-12).', at: now });
      } else {
        await notify(trx, { profileId: input.profileId, kind: 'NOTIF_MESSAGE', data: { actorLabel: professionalLabel(actor) }, at: now });
      }
      return { conversationId, messageId: message.id, outcome: held ? 'HELD' as const : 'DELIVERED' as const, fin };
    });
  } catch (error) {
    await discardAttachments(stored);
    throw error;
  }
}
